import { normalizeInput } from '@lib/credentials';
import { DateTime } from 'luxon';

export const EXPORT_DATASETS = ['audit-events', 'requests'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What the audit trail can be searched (and exported) by. Dates are business-zone days, inclusive. */
export interface AuditEventFilters {
  from?: string;
  to?: string;
  /** Part of the actor's name (staff name, intake client, or the email of a failed sign-in). */
  actor?: string;
  /** An exact action (`request.approved`) or a family (`request.`). */
  action?: string;
  requestReference?: string;
  /** A subject id, or the subject's ICP filing number. */
  subject?: string;
  /**
   * Part of a subject's name (three characters or more), or a whole name: the events of
   * the requests and registry subjects of that name. Searched on the audit page only.
   */
  subjectName?: string;
  /**
   * A subject's credential number, matched in full (personal data: never part of a
   * link or an export's filters; see `normalizeCredentialNumber`). Audit page only.
   */
  credentialNumber?: string;
}

/** A credential number as the desk stores it: NFKC, no spaces, dashes unified, upper case. */
export function normalizeCredentialNumber(value: string): string {
  return normalizeInput(value).toUpperCase();
}

/** Requests received or decided on a business day in the range, optionally narrowed. */
export interface RequestFilters {
  from: string;
  to: string;
  status?: string;
  subjectType?: string;
}

/** An export's filters as stored: always a range, plus the dataset's own filters. */
export type ExportFilters = AuditEventFilters & {
  from: string;
  to: string;
} & Partial<RequestFilters>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
export function isValidDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}
