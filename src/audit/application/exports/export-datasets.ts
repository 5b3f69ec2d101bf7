import { DateTime } from 'luxon';
import {
  REJECT_REASONS,
  type RejectReason,
  REQUEST_STATUSES,
  type RequestStatus,
  RISK_FLAGS,
  type RiskFlag,
  SUBJECT_TYPES,
  type SubjectType,
} from '../../../initialization/contracts/vocabulary.js';
import type { Actor } from '../../../shared/domain/actor.js';
import { isStaffRole } from '../../../shared/domain/staff-role.js';
import type { MessageKey } from '../../../shared/i18n/messages/index.js';
import type { Words } from '../../../shared/i18n/translator.js';
import type { DataExport } from '../../domain/data-export.js';
import { describeExportFilters } from '../../domain/data-export-request.js';
import type { ExportDataset } from '../../domain/export-filters.js';
import {
  maskEmail,
  maskIdentifier,
  maskIdentifiersInText,
  maskName,
  maskPersonalData,
  maskPhone,
} from '../../../shared/domain/personal-data.js';
import type { BusinessTime } from '../../domain/business-time.js';
import {
  submissionsOf,
  type DayRange,
  type RequestFigures,
  type RequestRecord,
} from '../../domain/request-figures.js';
import { auditActionLabel, detailsInWords, sentenceOfMasked } from '../audit-event-wording.js';
import type { AuditEventRecord, ChainHeadView } from '../ports/audit-trail.reader.js';
import type { ExportCell, ExportFileLayout, ExportTime } from '../ports/export-file-writer.js';

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
    return value ? this.cell(value)!.text : null;
  }

  /**
   * An instant as an export's cell: exact text for a CSV (`2026-11-25T14:05:00.000+08:00`),
   * and the zone's wall-clock time for an Excel date cell (14:05, as if it were UTC).
   */
  cell(value: Date | null): ExportTime | null {
    if (!value) return null;
    const ms = value.getTime();
    const bucket = Math.floor(ms / QUARTER_HOUR);
    if (bucket !== this.bucket) {
      const local = DateTime.fromMillis(ms, { zone: this.zone });
      this.bucket = bucket;
      this.offsetMs = local.offset * 60_000;
      this.suffix = local.toFormat('ZZ');
    }
    const wallClock = new Date(ms + this.offsetMs);
    return {
      text: wallClock.toISOString().slice(0, 23) + this.suffix,
      wallClock,
      shows: 'minute',
    };
  }
}

/** A business day (`yyyy-MM-dd`) as an export's cell: the day as text, or an Excel date. */
export function dayCell(day: string | null): ExportTime | null {
  if (day === null) return null;
  return { text: day, wallClock: new Date(`${day}T00:00:00.000Z`), shows: 'day' };
}

/** "+8" for Asia/Shanghai: the zone's offset from UTC now, as a header names it. */
export function zoneOffsetLabel(zone: string, at = new Date()): string {
  return DateTime.fromJSDate(at, { zone }).toFormat('Z');
}

const plusDays = (day: string, days: number): string =>
  DateTime.fromISO(day, { zone: 'UTC' }).plus({ days }).toISODate()!;

/** The nearest business day at or before `day` (looking back at most two months). */
function businessDayAtOrBefore(day: string, time: BusinessTime): string {
  let candidate = day;
  for (let step = 0; step < 62 && !time.isBusinessDay(candidate); step += 1) {
    candidate = plusDays(candidate, -1);
  }
  return candidate;
}

/**
 * Exactly the instants whose business day (their own date when that is a business day,
 * otherwise the next business day) lies in the range: from the day after the last
 * business day before it, to the end of its last business day. A request received or
 * decided in this window is a row of the export, so counting with it gives the rows
 * the file will hold (the progress bar's total), never more.
 */
export function businessDayWindow(
  range: DayRange,
  time: BusinessTime,
): { from: Date; before: Date } {
  const startOf = (day: string): Date =>
    DateTime.fromISO(day, { zone: time.zone }).startOf('day').toJSDate();
  const lastBefore = businessDayAtOrBefore(plusDays(range.from, -1), time);
  const lastInside = businessDayAtOrBefore(range.to, time);
  const from = startOf(plusDays(lastBefore, 1));
  const before = startOf(plusDays(lastInside, 1));
  return { from, before: before.getTime() < from.getTime() ? from : before };
}

/**
 * The columns of each dataset, by code. A file states every column's code beside its
 * header (in the requester's language, `exports.column.<code>`), so a script finds its
 * columns by code whatever language the file was written in.
 */
export const AUDIT_EVENT_COLUMNS = [
  'seq',
  'occurred_at',
  'actor',
  'actor_role',
  'actor_type',
  'action',
  'description',
  'request',
  'subject',
  'details_in_words',
  'details',
  'ip',
  'hash',
] as const;

export const REQUEST_COLUMNS = [
  'reference',
  'received_at',
  'received_on',
  'subject_type',
  'filing_number',
  'subject_name',
  'credential_number',
  'applicant',
  'applicant_id_number',
  'applicant_phone',
  'new_account_email',
  'status',
  'decision',
  'decided_at',
  'decided_on',
  'decided_by',
  'reject_reasons',
  'assignee',
  'first_approved_by',
  'second_approved_by',
  'submitted_for_second_approval_by',
  'sent_back_count',
  'due_at',
  'sla',
  'business_minutes_to_decision',
  'risk_flags',
] as const;

export type ExportColumnCode =
  (typeof AUDIT_EVENT_COLUMNS)[number] | (typeof REQUEST_COLUMNS)[number];

const COLUMNS: Record<ExportDataset, readonly ExportColumnCode[]> = {
  'audit-events': AUDIT_EVENT_COLUMNS,
  requests: REQUEST_COLUMNS,
};

/** The columns that hold an instant: their header names the zone their wall-clock time is in. */
const INSTANT_COLUMNS: ReadonlySet<ExportColumnCode> = new Set([
  'occurred_at',
  'received_at',
  'decided_at',
  'due_at',
]);

/** How wide a spreadsheet shows each column (characters), for its usual values. */
const COLUMN_WIDTHS: Record<ExportColumnCode, number> = {
  seq: 10,
  occurred_at: 18,
  actor: 22,
  actor_role: 14,
  actor_type: 14,
  action: 24,
  description: 80,
  request: 22,
  subject: 38,
  details_in_words: 60,
  details: 60,
  ip: 16,
  hash: 66,
  reference: 22,
  received_at: 18,
  received_on: 12,
  subject_type: 12,
  filing_number: 22,
  subject_name: 30,
  credential_number: 22,
  applicant: 14,
  applicant_id_number: 22,
  applicant_phone: 16,
  new_account_email: 28,
  status: 14,
  decision: 14,
  decided_at: 18,
  decided_on: 12,
  decided_by: 16,
  reject_reasons: 40,
  assignee: 16,
  first_approved_by: 16,
  second_approved_by: 16,
  submitted_for_second_approval_by: 24,
  sent_back_count: 10,
  due_at: 18,
  sla: 12,
  business_minutes_to_decision: 12,
  risk_flags: 30,
};

/**
 * A column's header in the file's language: `occurred_at` → "Occurred at (UTC+8)" ·
 * "发生时间（UTC+8）" (an instant's column names the zone of its wall-clock time).
 */
export function columnHeader(code: ExportColumnCode, words: Words, zone: string): string {
  const header = words.t(`exports.column.${code}`);
  return INSTANT_COLUMNS.has(code)
    ? words.t('exports.column.inZone', { header, offset: zoneOffsetLabel(zone) })
    : header;
}

/** The words around a dataset's rows, in the file's language; instants in `zone`. */
export function exportLayout(dataset: ExportDataset, words: Words, zone: string): ExportFileLayout {
  return {
    sheetName: words.t(`exports.dataset.${dataset}`),
    columns: COLUMNS[dataset].map((code) => ({
      code,
      header: columnHeader(code, words, zone),
      width: COLUMN_WIDTHS[code],
    })),
    summary: {
      title: words.t('exports.file.summary'),
      item: words.t('exports.file.summary.item'),
      value: words.t('exports.file.summary.value'),
    },
    summaryCell: (label, value) => words.t('exports.file.summary.cell', { label, value }),
    columnCodes: {
      title: words.t('exports.file.columnCodes'),
      code: words.t('exports.file.columnCodes.code'),
      header: words.t('exports.file.columnCodes.header'),
    },
  };
}

/** A code the desk has words for, in words; any other value as recorded. */
function labelled<Code extends string>(
  words: Words,
  codes: readonly Code[],
  key: (code: Code) => MessageKey,
  value: string | null,
): string | null {
  if (value === null) return null;
  return (codes as readonly string[]).includes(value) ? words.t(key(value as Code)) : value;
}

const ACTOR_KINDS: readonly Actor['kind'][] = ['STAFF', 'INTAKE_CLIENT', 'SYSTEM', 'ANONYMOUS'];

/**
 * Several values in one cell, each once, in the order first met: "Li Na; Wang Fang" ·
 * "李娜；王芳" (a person who sent a request for a second approval three times is named
 * once; the count is in its own column); null for none.
 */
function joined(words: Words, values: readonly string[]): string | null {
  return values.length === 0
    ? null
    : [...new Set(values)].join(words.t('exports.file.listSeparator'));
}

/**
 * One audit event as an export row: its role, kind of actor, action and sentence in
 * the file's language, its personal data masked; the details in words ("Year: 2027; Days
 * added: …") and as recorded (masked JSON, for a script).
 */
export function auditEventCells(
  event: AuditEventRecord,
  times: IsoTimestamps,
  words: Words,
): ExportCell[] {
  const details = maskPersonalData(event.details) as Record<string, unknown>;
  return [
    event.seq,
    times.cell(event.occurredAt),
    event.actorName === null ? null : maskIdentifiersInText(event.actorName),
    event.actorRole !== null && isStaffRole(event.actorRole)
      ? words.t(`common.role.${event.actorRole}`)
      : event.actorRole,
    labelled(words, ACTOR_KINDS, (kind) => `exports.file.actorType.${kind}`, event.actorType),
    words.text(auditActionLabel(event.action)),
    words.text(sentenceOfMasked(event, details)),
    event.requestReference ?? event.requestId,
    event.subjectId,
    detailsInWords(event.action, details)
      .map(
        (detail) =>
          `${words.text(detail.label)}${words.t('exports.file.detailLabelEnd')}${typeof detail.value === 'string' ? detail.value : words.text(detail.value)}`,
      )
      .join(words.t('exports.file.listSeparator')),
    JSON.stringify(details),
    event.ip,
    event.hash,
  ];
}

/**
 * Who sent the request for a second approval, each person once, in the order they first
 * did: "Li Na (3 times, 2 sent back); Chen Jing (sent back)" · "李娜（3 次，退回 2 次）；陈静（被退回）".
 * A person who sent it once and was not sent back is named alone; the counts keep every
 * figure of the reports' "per reviewer" table recountable from the file.
 */
function submittersCell(record: RequestRecord, words: Words): string | null {
  const people = new Map<string, { times: number; sentBack: number }>();
  for (const { by, sentBack } of submissionsOf(record)) {
    const person = people.get(by) ?? { times: 0, sentBack: 0 };
    person.times += 1;
    if (sentBack) person.sentBack += 1;
    people.set(by, person);
  }
  return joined(
    words,
    [...people].map(([name, { times, sentBack }]) =>
      words.t('exports.file.submitter', { name, times, sentBack }),
    ),
  );
}

const statusWords = (words: Words, status: string | null): string | null =>
  labelled(words, REQUEST_STATUSES, (code: RequestStatus) => `request.status.${code}`, status);

/**
 * One request as an export row, its applicant's data masked and its codes (subject
 * type, status, decision, reasons, SLA, risk flags) in the file's language. Every figure
 * of the reports page can be counted from these columns.
 */
export function requestCells(
  figures: RequestFigures,
  times: IsoTimestamps,
  words: Words,
): ExportCell[] {
  const r = figures.record;
  return [
    r.reference,
    times.cell(r.receivedAt),
    dayCell(figures.receivedOn),
    labelled(
      words,
      SUBJECT_TYPES,
      (code: SubjectType) => `request.subjectType.${code}`,
      r.subjectType,
    ),
    r.filingNumber,
    r.subjectType === 'INDIVIDUAL' ? maskName(r.subjectName) : r.subjectName,
    maskIdentifier(r.credentialNumber),
    maskName(r.applicantName),
    maskIdentifier(r.applicantIdNumber),
    maskPhone(r.applicantPhone),
    maskEmail(r.newAccountEmail),
    statusWords(words, r.status),
    statusWords(words, r.decisionOutcome),
    times.cell(r.decidedAt),
    dayCell(figures.decidedOn),
    r.decidedBy,
    joined(
      words,
      r.rejectReasons.map((reason) =>
        labelled(
          words,
          REJECT_REASONS,
          (code: RejectReason) => `request.rejectReason.${code}`,
          reason,
        )!,
      ),
    ),
    r.assigneeName,
    r.firstApprovedBy,
    r.secondApprovedBy,
    submittersCell(r, words),
    r.sentBackCount,
    times.cell(r.dueAt),
    r.slaOutcome === null ? null : words.t(`sla.state.${r.slaOutcome}`),
    figures.businessMinutesToDecision,
    joined(
      words,
      r.riskFlags.map((flag) =>
        labelled(words, RISK_FLAGS, (code: RiskFlag) => `request.riskFlag.${code}`, flag)!,
      ),
    ),
  ];
}

/**
 * The file's summary (its last row in CSV, a sheet in Excel), in the file's language:
 * what it holds, when, by whom, and the chain head. Instants stay exact (ISO 8601 with
 * the business zone's offset) and counts plain digits, so a script can read them too.
 */
export function exportSummary(
  dataExport: DataExport,
  rowCount: number,
  head: ChainHeadView,
  exportedAt: Date,
  zone: string,
  words: Words,
): [string, string][] {
  return [
    [words.t('exports.file.summary.export'), words.text(dataExport.describe())],
    [words.t('exports.file.summary.id'), dataExport.id],
    [words.t('exports.file.summary.dataset'), words.t(`exports.dataset.${dataExport.dataset}`)],
    [
      words.t('exports.file.summary.filters'),
      words.text(describeExportFilters(dataExport.filters)),
    ],
    [words.t('exports.file.summary.rows'), String(rowCount)],
    [words.t('exports.file.summary.exportedAt'), timestamp(exportedAt, zone) ?? ''],
    [words.t('exports.file.summary.exportedBy'), dataExport.requestedByName],
    [words.t('exports.file.summary.chainHead'), `#${head.seq} ${head.hash}`],
  ];
}
