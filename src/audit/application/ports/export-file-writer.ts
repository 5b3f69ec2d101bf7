import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../domain/export-filters.js';

export type ExportCell = string | number | null;

/** Writes rows in one format; memory stays flat whatever the number of rows. */
export interface ExportFileWriter {
  /** Resolves when the row may be followed by the next (backpressure). */
  writeRow(cells: readonly ExportCell[]): Promise<void>;
  /** Writes the summary (a last row in CSV, a sheet in Excel) and ends the stream. */
  finish(summary: readonly [string, string][]): Promise<void>;
}

export interface ExportFileWriters {
  open(
    format: ExportFormat,
    target: Writable,
    sheet: { name: string; columns: readonly string[] },
  ): ExportFileWriter;
}
export const EXPORT_FILE_WRITERS = Symbol('ExportFileWriters');
