import type { Writable } from 'node:stream';
import type { ExportFormat } from '../../domain/export-filters.js';

/**
 * An instant (to the minute, shown) or a business day, as each format writes it. Excel
 * cells have no zone, so a spreadsheet holds the business zone's wall-clock time and
 * the column's header names the zone ("(UTC+8)").
 */
export interface ExportTime {
  /** A CSV's text: ISO 8601 with the business zone's offset, or the day (`yyyy-MM-dd`). */
  readonly text: string;
  /** A spreadsheet's date cell: the business zone's wall-clock time, read as if it were UTC. */
  readonly wallClock: Date;
  /** `minute`: a date and time (`yyyy-mm-dd hh:mm`); `day`: a day (`yyyy-mm-dd`). */
  readonly shows: 'minute' | 'day';
}

/** A cell: text, a number (written as a number), a time, or nothing. */
export type ExportCell = string | number | null | ExportTime;

/** A column of an export: its stable code (for scripts) and its header in the file's language. */
export interface ExportColumnHeading {
  code: string;
  header: string;
  /** A spreadsheet column's width in characters, wide enough for its usual values. */
  width?: number;
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

/**
 * The data rows a file holds, as its signed statement states them: how many, and the
 * SHA-256 of their cells' texts as the file holds them (defined in
 * `infrastructure/files/export-row-digest.ts`, recomputed from the file by `audit:verify-export`).
 */
export interface ExportRowsDigest {
  rowCount: number;
  sha256: string;
  /** The SHA-256 of each run of `EXPORT_ROW_BLOCK` rows, in order: where a difference is. */
  blocks: string[];
}

/** The rows in each block of an export's rows digest. */
export const EXPORT_ROW_BLOCK = 1000;

/** Writes rows in one format; memory stays flat whatever the number of rows. */
export interface ExportFileWriter {
  /**
   * Takes a row; returns a promise (to await before the next row) only when
   * the file behind is full, so a million rows do not make a million promises.
   */
  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined;
  /**
   * Writes the column codes and the summary (rows at the end of a CSV file, sheets
   * after the data in Excel) and ends the stream. Returns the data rows' digest.
   */
  finish(summary: readonly [string, string][]): Promise<ExportRowsDigest>;
}

export interface ExportFileWriters {
  open(format: ExportFormat, target: Writable, layout: ExportFileLayout): ExportFileWriter;
}
export const EXPORT_FILE_WRITERS = Symbol('ExportFileWriters');
