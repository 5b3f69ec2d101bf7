import { DateTime } from 'luxon';

export const EXPORT_DATASETS = ['audit-events', 'requests'] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export const EXPORT_FORMATS = ['CSV', 'XLSX'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const DATASET_LABELS: Record<ExportDataset, string> = {
  'audit-events': 'audit events',
  requests: 'requests',
};

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
type TextFilter = 'actor' | 'action' | 'requestReference' | 'subject' | 'status' | 'subjectType';
const FILTER_KEYS: Record<ExportDataset, readonly TextFilter[]> = {
  'audit-events': ['actor', 'action', 'requestReference', 'subject'],
  requests: ['status', 'subjectType'],
};

export function isValidDate(value: string): boolean {
  return DATE.test(value) && DateTime.fromISO(value, { zone: 'UTC' }).isValid;
}

export interface ExportRequestInput {
  dataset?: unknown;
  format?: unknown;
  from?: unknown;
  to?: unknown;
  actor?: unknown;
  action?: unknown;
  requestReference?: unknown;
  subject?: unknown;
  status?: unknown;
  subjectType?: unknown;
}

export interface ValidExportRequest {
  dataset: ExportDataset;
  format: ExportFormat;
  filters: ExportFilters;
}

/** Reads an export request as a form sends it; returns the problems in words, or the request. */
export function readExportRequest(
  input: ExportRequestInput,
): { ok: true; value: ValidExportRequest } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const dataset = text(input.dataset);
  const format = text(input.format).toUpperCase();
  const from = text(input.from);
  const to = text(input.to);
  if (!(EXPORT_DATASETS as readonly string[]).includes(dataset)) {
    problems.push('choose what to export (audit events or requests)');
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    problems.push('choose a format (CSV or Excel)');
  }
  if (!isValidDate(from)) problems.push('give the first day of the range as a date');
  if (!isValidDate(to)) problems.push('give the last day of the range as a date');
  if (isValidDate(from) && isValidDate(to) && from > to) {
    problems.push('the first day of the range must not be after the last');
  }
  const filters: ExportFilters = { from, to };
  const keys = FILTER_KEYS[dataset as ExportDataset] ?? [];
  for (const key of keys) {
    const value = text(input[key]);
    if (value.length > 200) problems.push(`the ${key} filter is too long`);
    else if (value) filters[key] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { dataset: dataset as ExportDataset, format: format as ExportFormat, filters },
  };
}

/** The filters in words, for the exports list and the file's summary. */
export function describeFilters(filters: ExportFilters): string {
  const parts = [`${filters.from} to ${filters.to}`];
  const named: [keyof ExportFilters, string][] = [
    ['actor', 'actor'],
    ['action', 'action'],
    ['requestReference', 'request'],
    ['subject', 'subject'],
    ['status', 'status'],
    ['subjectType', 'subject type'],
  ];
  for (const [key, label] of named) {
    const value = filters[key];
    if (value) parts.push(`${label} “${value}”`);
  }
  return parts.join(', ');
}
