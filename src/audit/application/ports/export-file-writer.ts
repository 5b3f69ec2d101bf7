import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../domain/export-filters.js';

export type ExportCell = string | number | null;

/** A column of an export: its stable code (for scripts) and its header in the file's language. */
export interface ExportColumnHeading {
  code: string;
  header: string;
}

/**
 * The words around an export's rows, already in its requester's language: the data
 * sheet's name, the column headers with their codes, and the headings of the summary
 * and of the list of column codes.
 */
export interface ExportFileLayout {
  /** The data sheet's name in Excel ("审计日志"); a continuation sheet adds a number. */
  sheetName: string;
  columns: readonly ExportColumnHeading[];
  /** The summary's title (the CSV row's first cell, the Excel sheet's name) and its sheet's two headings. */
  summary: { title: string; item: string; value: string };
  /** One summary entry as one CSV cell: "Rows: 3" · "行数：3". */
  summaryCell(label: string, value: string): string;
  /** The column codes' title (the CSV row's first cell, the Excel sheet's name) and its sheet's two headings. */
  columnCodes: { title: string; code: string; header: string };
}

/** Writes rows in one format; memory stays flat whatever the number of rows. */
export interface ExportFileWriter {
  /**
   * Takes a row; returns a promise (to await before the next row) only when
   * the file behind is full, so a million rows do not make a million promises.
   */
  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined;
  /**
   * Writes the column codes and the summary (rows at the end of a CSV file, sheets
   * after the data in Excel) and ends the stream.
   */
  finish(summary: readonly [string, string][]): Promise<void>;
}

export interface ExportFileWriters {
  open(format: ExportFormat, target: Writable, layout: ExportFileLayout): ExportFileWriter;
}
export const EXPORT_FILE_WRITERS = Symbol('ExportFileWriters');
