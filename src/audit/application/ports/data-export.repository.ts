import type { DataExport } from '../../domain/data-export.js';

export interface DataExportRepository {
  /** Inserts or updates. */
  save(dataExport: DataExport): Promise<void>;
  findById(id: string): Promise<DataExport | null>;
  /** Loads and locks the export for the current unit of work; throws ExportNotFoundError. */
  getForUpdate(id: string): Promise<DataExport>;
  /** The most recent exports, newest first. */
  listRecent(limit: number): Promise<DataExport[]>;
  /** Progress of a running export (outside any unit of work: a frequent, small update). */
  recordProgress(id: string, rowsWritten: number, rowsExpected?: number): Promise<void>;
  /**
   * Finished exports whose retention ended, locked for this unit of work and
   * skipped when another instance holds them.
   */
  lockExpired(finishedBefore: Date, limit: number): Promise<DataExport[]>;
  /** Pending exports nobody has touched since `before` (lost jobs to queue again). */
  findStalled(before: Date, limit: number): Promise<DataExport[]>;
}
export const DATA_EXPORT_REPOSITORY = Symbol('DataExportRepository');
