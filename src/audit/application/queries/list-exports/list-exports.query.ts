import { Query } from '@nestjs/cqrs';
import type { ExportStatus } from '../../../domain/data-export.js';
import type { ExportDataset, ExportFormat } from '../../../domain/export-filters.js';

export interface ExportListItem {
  id: string;
  description: string;
  dataset: ExportDataset;
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
  lastError: string | null;
}

export class ListExportsQuery extends Query<ExportListItem[]> {
  constructor(readonly limit = 50) {
    super();
  }
}
