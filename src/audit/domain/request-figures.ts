import type { BusinessTime } from './business-time.js';

/** One request as the reports and the `requests` export read it. */
export interface RequestRecord {
  id: string;
  reference: string;
  receivedAt: Date;
  subjectType: string;
  filingNumber: string;
  subjectName: string;
  credentialNumber: string;
  applicantName: string;
  applicantIdNumber: string;
  applicantPhone: string;
  newAccountEmail: string;
  status: string;
  /** When the current receipt started the SLA clock (receipt, or the last resubmission). */
  clockStartedAt: Date;
  dueAt: Date | null;
  decidedAt: Date | null;
  decisionOutcome: string | null;
  decidedBy: string | null;
  rejectReasons: string[];
  slaOutcome: 'MET' | 'MISSED' | null;
  assigneeName: string | null;
  firstApprovedBy: string | null;
  secondApprovedBy: string | null;
  /** Who sent it for a second approval, in order (once per `request.approved` awaiting it). */
  secondApprovalSubmitters: string[];
  /** How many times a senior sent it back at second approval (`request.returned_for_review`). */
  sentBackCount: number;
  riskFlags: string[];
}

/** A request with the figures the reports count, each also a column of the export. */
export interface RequestFigures {
  record: RequestRecord;
  /** The business day the receipt counts on. */
  receivedOn: string;
  /** The business day the decision counts on (null while undecided). */
  decidedOn: string | null;
  /**
   * Business minutes from the start of the current receipt to a reviewer's
   * decision (approved or rejected); null otherwise.
   */
  businessMinutesToDecision: number | null;
}

export const STAFF_DECISIONS = ['APPROVED', 'REJECTED'];

export function figuresOf(record: RequestRecord, time: BusinessTime): RequestFigures {
  const staffDecision =
    record.decidedAt !== null && STAFF_DECISIONS.includes(record.decisionOutcome ?? '');
  return {
    record,
    receivedOn: time.businessDayOf(record.receivedAt),
    decidedOn: record.decidedAt ? time.businessDayOf(record.decidedAt) : null,
    businessMinutesToDecision: staffDecision
      ? time.minutesBetween(record.clockStartedAt, record.decidedAt!)
      : null,
  };
}

export interface DayRange {
  /** First and last business-zone day, inclusive (`yyyy-MM-dd`). */
  from: string;
  to: string;
}

/** A request belongs to a range when it was received or decided on a business day inside it. */
export function isInRange(figures: RequestFigures, range: DayRange): boolean {
  const inside = (day: string | null): boolean =>
    day !== null && day >= range.from && day <= range.to;
  return inside(figures.receivedOn) || inside(figures.decidedOn);
}

/**
 * Which second-approval submissions were sent back: each return answers the
 * submission before it, so with k submissions and r returns, the first r were
 * sent back.
 */
export function submissionsOf(record: RequestRecord): { by: string; sentBack: boolean }[] {
  return record.secondApprovalSubmitters.map((by, index) => ({
    by,
    sentBack: index < record.sentBackCount,
  }));
}
