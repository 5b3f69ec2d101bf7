import { DateTime } from 'luxon';
import type { BusinessTime } from '../../domain/business-time.js';
import type { DataExport } from '../../domain/data-export.js';
import { describeFilters } from '../../domain/export-filters.js';
import {
  maskEmail,
  maskIdentifier,
  maskIdentifiersInText,
  maskName,
  maskPersonalData,
  maskPhone,
} from '../../domain/personal-data.js';
import type { RequestFigures } from '../../domain/request-figures.js';
import { sentenceOfMasked } from '../audit-event-wording.js';
import type { AuditEventRecord, ChainHeadView } from '../ports/audit-trail.reader.js';
import type { ExportCell } from '../ports/export-file-writer.js';

/** `2026-11-25T14:05:00.000+08:00`: exact, and readable in the business zone. */
export function timestamp(value: Date | null, zone: string): string | null {
  return value ? DateTime.fromJSDate(value, { zone }).toISO() : null;
}

const QUARTER_HOUR = 15 * 60_000;

/**
 * `timestamp` for a million rows: the zone's offset is looked up once per
 * quarter of an hour (offsets only change on such boundaries), the rest is
 * plain arithmetic. Same output as luxon's `toISO()`.
 */
export class IsoTimestamps {
  private bucket = Number.NaN;
  private offsetMs = 0;
  private suffix = '';

  constructor(readonly zone: string) {}

  format(value: Date | null): string | null {
    if (!value) return null;
    const ms = value.getTime();
    const bucket = Math.floor(ms / QUARTER_HOUR);
    if (bucket !== this.bucket) {
      const local = DateTime.fromMillis(ms, { zone: this.zone });
      this.bucket = bucket;
      this.offsetMs = local.offset * 60_000;
      this.suffix = local.toFormat('ZZ');
    }
    return new Date(ms + this.offsetMs).toISOString().slice(0, 23) + this.suffix;
  }
}

export const AUDIT_EVENT_COLUMNS = [
  'Seq',
  'Occurred at',
  'Actor',
  'Actor role',
  'Actor type',
  'Action',
  'Description',
  'Request',
  'Subject',
  'Details',
  'IP',
  'Hash',
] as const;

/** One audit event as an export row: in words, with personal data masked. */
export function auditEventCells(event: AuditEventRecord, times: IsoTimestamps): ExportCell[] {
  const details = maskPersonalData(event.details) as Record<string, unknown>;
  return [
    event.seq,
    times.format(event.occurredAt),
    event.actorName === null ? null : maskIdentifiersInText(event.actorName),
    event.actorRole,
    event.actorType,
    event.action,
    sentenceOfMasked(event, details),
    event.requestReference ?? event.requestId,
    event.subjectId,
    JSON.stringify(details),
    event.ip,
    event.hash,
  ];
}

export const REQUEST_COLUMNS = [
  'Reference',
  'Received at',
  'Business day received',
  'Subject type',
  'Filing number',
  'Subject name',
  'Credential number',
  'Applicant',
  'Applicant ID number',
  'Applicant phone',
  'New account email',
  'Status',
  'Decision',
  'Decided at',
  'Business day decided',
  'Decided by',
  'Reject reasons',
  'Assignee',
  'First approved by',
  'Second approved by',
  'Submitted for second approval by',
  'Sent back at second approval',
  'Due at',
  'SLA',
  'Business minutes to decision',
  'Risk flags',
] as const;

/**
 * One request as an export row, its applicant's data masked. Every figure of
 * the reports page can be counted from these columns.
 */
export function requestCells(figures: RequestFigures, times: IsoTimestamps): ExportCell[] {
  const r = figures.record;
  return [
    r.reference,
    times.format(r.receivedAt),
    figures.receivedOn,
    r.subjectType,
    r.filingNumber,
    r.subjectType === 'INDIVIDUAL' ? maskName(r.subjectName) : r.subjectName,
    maskIdentifier(r.credentialNumber),
    maskName(r.applicantName),
    maskIdentifier(r.applicantIdNumber),
    maskPhone(r.applicantPhone),
    maskEmail(r.newAccountEmail),
    r.status,
    r.decisionOutcome,
    times.format(r.decidedAt),
    figures.decidedOn,
    r.decidedBy,
    r.rejectReasons.join('; ') || null,
    r.assigneeName,
    r.firstApprovedBy,
    r.secondApprovedBy,
    r.secondApprovalSubmitters.join('; ') || null,
    r.sentBackCount,
    times.format(r.dueAt),
    r.slaOutcome,
    figures.businessMinutesToDecision,
    r.riskFlags.join('; ') || null,
  ];
}

/** The file's last row (CSV) or sheet (Excel): what it holds, when, by whom, and the chain head. */
export function exportSummary(
  dataExport: DataExport,
  rowCount: number,
  head: ChainHeadView,
  exportedAt: Date,
  time: Pick<BusinessTime, 'zone'>,
): [string, string][] {
  return [
    ['Export', dataExport.describe()],
    ['Export id', dataExport.id],
    ['Dataset', dataExport.dataset],
    ['Filters', describeFilters(dataExport.filters)],
    ['Rows', String(rowCount)],
    ['Exported at', timestamp(exportedAt, time.zone) ?? ''],
    ['Exported by', dataExport.requestedByName],
    ['Audit chain head', `#${head.seq} ${head.hash}`],
  ];
}

export const SHEET_NAMES = { 'audit-events': 'Audit events', requests: 'Requests' } as const;
