import { REQUEST_STATUSES, SUBJECT_TYPES } from '../../initialization/contracts/vocabulary.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import {
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  isValidDate,
  type ExportDataset,
  type ExportFilters,
  type ExportFormat,
} from './export-filters.js';

/** What an auditor asks for, as the exports form sends it. */
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

type TextFilter = 'actor' | 'action' | 'requestReference' | 'subject' | 'status' | 'subjectType';

/** The filters each dataset takes besides its range, in the order the description names them. */
const FILTER_KEYS: Record<ExportDataset, readonly TextFilter[]> = {
  'audit-events': ['actor', 'action', 'requestReference', 'subject'],
  requests: ['status', 'subjectType'],
};
const ALL_FILTERS: readonly TextFilter[] = [
  ...FILTER_KEYS['audit-events'],
  ...FILTER_KEYS.requests,
];

/** Reads an export request as a form sends it; returns every problem in words, or the request. */
export function readExportRequest(
  input: ExportRequestInput,
): { ok: true; value: ValidExportRequest } | { ok: false; problems: Message[] } {
  const problems: Message[] = [];
  const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
  const dataset = text(input.dataset);
  const format = text(input.format).toUpperCase();
  const from = text(input.from);
  const to = text(input.to);
  if (!(EXPORT_DATASETS as readonly string[]).includes(dataset)) {
    problems.push(msg('exports.problem.dataset'));
  }
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    problems.push(msg('exports.problem.format'));
  }
  if (!isValidDate(from)) problems.push(msg('exports.problem.from'));
  if (!isValidDate(to)) problems.push(msg('exports.problem.to'));
  if (isValidDate(from) && isValidDate(to) && from > to) {
    problems.push(msg('exports.problem.order'));
  }
  const filters: ExportFilters = { from, to };
  const keys = FILTER_KEYS[dataset as ExportDataset] ?? [];
  for (const key of keys) {
    const value = text(input[key]);
    if (value.length > 200) problems.push(msg('exports.problem.tooLong', { filter: key }));
    else if (value) filters[key] = value;
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: { dataset: dataset as ExportDataset, format: format as ExportFormat, filters },
  };
}

/** "CSV export of audit events, 2026-11-01 to 2026-11-30, actor “Wang”" · "审计日志导出（CSV），…" */
export function describeExport(what: {
  format: ExportFormat;
  dataset: ExportDataset;
  filters: ExportFilters;
}): Message {
  return msg('exports.describe', {
    format: what.format,
    dataset: what.dataset,
    filters: describeExportFilters(what.filters),
  });
}

/**
 * The filters in words, for the exports list and the file's summary: the range, then
 * each filter given ("2026-11-01 to 2026-11-30, status “Approved”"). A status or subject
 * type the desk knows is named by its label; anything else as typed.
 */
export function describeExportFilters(filters: ExportFilters): Message {
  let words = msg('exports.filters.range', { from: filters.from, to: filters.to });
  for (const key of ALL_FILTERS) {
    const value = filters[key];
    if (!value) continue;
    const named = msg(`exports.filters.${key}`, { value: labelOf(key, value) });
    words = msg('exports.filters.then', { before: words, next: named });
  }
  return words;
}

function labelOf(key: TextFilter, value: string): Message | string {
  if (key === 'status' && (REQUEST_STATUSES as readonly string[]).includes(value)) {
    return msg(`request.status.${value as (typeof REQUEST_STATUSES)[number]}`);
  }
  if (key === 'subjectType' && (SUBJECT_TYPES as readonly string[]).includes(value)) {
    return msg(`request.subjectType.${value as (typeof SUBJECT_TYPES)[number]}`);
  }
  return value;
}
