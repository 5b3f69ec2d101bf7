import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';
import type { ExportStatus } from '../../../domain/data-export.js';
import type { ExportDataset, ExportFormat } from '../../../domain/export-filters.js';

export interface ExportListItem {
  id: string;
  /** "CSV export of audit events, 2026-11-01 to 2026-11-30" · "审计日志导出（CSV），…" */
  description: Message;
  dataset: ExportDataset;
  /** The name the download gives its file (its `.sha256` file adds `.sha256`). */
  fileName: string;
  format: ExportFormat;
  status: ExportStatus;
  requestedAt: Date;
  requestedByName: string;
  finishedAt: Date | null;
  attempts: number;
  /** 0–100 while running, 100 when complete. */
  percent: number;
  rowsWritten: number;
  rowsExpected: number | null;
  rowCount: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  chainHead: { seq: number; hash: string } | null;
  /** The audit checkpoint its signed statement was made at; null when it has none. */
  statementCheckpointNo: number | null;
  /** Why the last attempt failed, in the requester's language. */
  lastError: string | null;
}

export class ListExportsQuery extends Query<ExportListItem[]> {
  constructor(readonly limit = 50) {
    super();
  }
}
