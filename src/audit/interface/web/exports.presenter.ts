// Beside the controller in interface/web: it shapes the exports page's model (badges, form choices).
import { DateTime } from 'luxon';
import { REQUEST_STATUSES, SUBJECT_TYPES } from '../../../initialization/contracts/vocabulary.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { AUDIT_ACTION_CHOICES } from '../../application/audit-event-wording.js';
import type { ExportListItem } from '../../application/queries/list-exports/list-exports.query.js';
import type { ExportStatus } from '../../domain/data-export.js';

const BADGES: Record<ExportStatus, string> = {
  QUEUED: 'badge-neutral',
  RUNNING: 'badge-info',
  COMPLETED: 'badge-ok',
  FAILED: 'badge-bad',
  REMOVED: 'badge-neutral',
};

/** The form's choices: the same on every page, so built once. */
const STATUS_CHOICES = REQUEST_STATUSES.map((status) => ({
  value: status,
  label: msg(`request.status.${status}`),
}));
const SUBJECT_TYPE_CHOICES = SUBJECT_TYPES.map((type) => ({
  value: type,
  label: msg(`request.subjectType.${type}`),
}));

function sizeOf(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** An export as the list prints it: its badge, its progress, whether it can be downloaded. */
export interface PresentedExport {
  id: string;
  description: Message;
  fileName: string;
  status: ExportStatus;
  statusLabel: Message;
  badge: string;
  requestedAt: Date;
  requestedByName: string;
  attempts: number;
  lastError: string | null;
  /** Still queued or running: the list refreshes itself. */
  pending: boolean;
  showProgress: boolean;
  percent: number;
  rowsWritten: number;
  rowsExpected: number | null;
  rowCount: number | null;
  sha256: string | null;
  /** "1.2 MB"; empty before the file exists. */
  size: string;
  canDownload: boolean;
  /** The checkpoint its signed statement was made at, when it has one to download. */
  statementCheckpoint: number | null;
  /** Queued again after a failed attempt. */
  retrying: boolean;
}

function presentExport(item: ExportListItem): PresentedExport {
  return {
    id: item.id,
    description: item.description,
    fileName: item.fileName,
    status: item.status,
    statusLabel: msg(`exports.status.${item.status}`),
    badge: BADGES[item.status],
    requestedAt: item.requestedAt,
    requestedByName: item.requestedByName,
    attempts: item.attempts,
    lastError: item.lastError,
    pending: item.status === 'QUEUED' || item.status === 'RUNNING',
    showProgress:
      item.status === 'RUNNING' || item.status === 'COMPLETED' || item.status === 'QUEUED',
    percent: item.percent,
    rowsWritten: item.rowsWritten,
    rowsExpected: item.rowsExpected,
    rowCount: item.rowCount,
    sha256: item.sha256,
    size: sizeOf(item.sizeBytes),
    canDownload: item.status === 'COMPLETED',
    statementCheckpoint: item.status === 'COMPLETED' ? item.statementCheckpointNo : null,
    retrying: item.status === 'QUEUED' && item.attempts > 0,
  };
}

/**
 * The exports page: the list, and the form's defaults (this month so far, in the business
 * time zone) and choices.
 */
export function presentExports(
  exports: readonly ExportListItem[],
  settings: { now: Date; zone: string; retentionDays: number },
) {
  const today = DateTime.fromJSDate(settings.now, { zone: settings.zone });
  const items = exports.map(presentExport);
  return {
    pageTitle: msg('exports.title'),
    exports: items,
    anyPending: items.some((item) => item.pending),
    retentionDays: settings.retentionDays,
    defaults: {
      from: today.startOf('month').toISODate(),
      to: today.toISODate(),
    },
    actionGroups: AUDIT_ACTION_CHOICES,
    statuses: STATUS_CHOICES,
    subjectTypes: SUBJECT_TYPE_CHOICES,
  };
}
