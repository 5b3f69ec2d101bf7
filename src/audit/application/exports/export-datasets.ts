import { DateTime } from 'luxon';
import { REJECT_REASONS, type RejectReason } from '../../../initialization/domain/reject-reason.js';
import {
  REQUEST_STATUSES,
  type RequestStatus,
} from '../../../initialization/domain/request-status.js';
import { RISK_FLAGS, type RiskFlag } from '../../../initialization/domain/risk-flag.js';
import { SUBJECT_TYPES, type SubjectType } from '../../../initialization/domain/subject-type.js';
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
} from '../../domain/personal-data.js';
import type { RequestFigures } from '../../domain/request-figures.js';
import { auditActionLabel, sentenceOfMasked } from '../audit-event-wording.js';
import type { AuditEventRecord, ChainHeadView } from '../ports/audit-trail.reader.js';
import type { ExportCell, ExportFileLayout } from '../ports/export-file-writer.js';

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

/** A column's header in the file's language: `occurred_at` → "Occurred at" · "发生时间". */
export function columnHeader(code: ExportColumnCode, words: Words): string {
  return words.t(`exports.column.${code}`);
}

/** The words around a dataset's rows, in the file's language. */
export function exportLayout(dataset: ExportDataset, words: Words): ExportFileLayout {
  return {
    sheetName: words.t(`exports.dataset.${dataset}`),
    columns: COLUMNS[dataset].map((code) => ({ code, header: columnHeader(code, words) })),
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

/** Several values in one cell: "A; B" · "甲；乙"; null for none. */
function joined(words: Words, values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join(words.t('exports.file.listSeparator'));
}

/**
 * One audit event as an export row: its role, kind of actor, action and sentence in
 * the file's language, its personal data masked; the details as recorded (masked JSON).
 */
export function auditEventCells(
  event: AuditEventRecord,
  times: IsoTimestamps,
  words: Words,
): ExportCell[] {
  const details = maskPersonalData(event.details) as Record<string, unknown>;
  return [
    event.seq,
    times.format(event.occurredAt),
    event.actorName === null ? null : maskIdentifiersInText(event.actorName),
    event.actorRole !== null && isStaffRole(event.actorRole)
      ? words.t(`common.role.${event.actorRole}`)
      : event.actorRole,
    labelled(words, ACTOR_KINDS, (kind) => `exports.file.actorType.${kind}`, event.actorType),
    words.text(auditActionLabel(event.action)),
    words.text(sentenceOfMasked(event, details)),
    event.requestReference ?? event.requestId,
    event.subjectId,
    JSON.stringify(details),
    event.ip,
    event.hash,
  ];
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
    times.format(r.receivedAt),
    figures.receivedOn,
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
    times.format(r.decidedAt),
    figures.decidedOn,
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
    joined(words, r.secondApprovalSubmitters),
    r.sentBackCount,
    times.format(r.dueAt),
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
