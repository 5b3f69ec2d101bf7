import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../domain/export-filters.js';

export type ExportCell = string | number | null;

/** Writes rows in one format; memory stays flat whatever the number of rows. */
export interface ExportFileWriter {
  /**
   * Takes a row; returns a promise (to await before the next row) only when
   * the file behind is full, so a million rows do not make a million promises.
   */
  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined;
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
