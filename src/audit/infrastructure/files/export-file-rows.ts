import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ExportRowsDigest } from '../../application/ports/export-file-writer.js';
import type { ExportFormat } from '../../domain/export-filters.js';
import { ExportRowDigest, xlsxValueText } from './export-row-digest.js';

/** What an export file holds, read back from the file alone: its rows' digest and column codes. */
export interface ExportFileRows extends ExportRowsDigest {
  format: ExportFormat;
  /** The column codes the file lists (its "Column codes" row or sheet), in order; null when absent. */
  columnCodes: string[] | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** An Excel workbook is a zip file; anything else is read as CSV. */
async function formatOf(file: string): Promise<ExportFormat> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.equals(ZIP_MAGIC) ? 'XLSX' : 'CSV';
  } finally {
    await handle.close();
  }
}

/** A row's texts, as many as the file's columns (more when the row has more). */
function padded(texts: string[], columns: number): string[] {
  while (texts.length < columns) texts.push('');
  return texts;
}

/**
 * Reads an export file (CSV or Excel, told apart by its bytes) as `audit:verify-export`
 * checks it: the digest of its data rows (`export-row-digest.ts`) and its column codes.
 * Streams: memory stays flat whatever the file's size. `columns` is the number of columns
 * the statement names, which tells an Excel data sheet (a header of that many cells) from
 * the summary and column-code sheets after it (two).
 */
export async function readExportFileRows(file: string, columns: number): Promise<ExportFileRows> {
  const format = await formatOf(file);
  return format === 'XLSX' ? readWorkbook(file, columns) : readCsv(file, columns);
}

/** CSV: the header, the data rows, then the column codes and the summary (the last two records). */
async function readCsv(file: string, columns: number): Promise<ExportFileRows> {
  const digest = new ExportRowDigest();
  const parser = createReadStream(file).pipe(parse({ bom: true, relax_column_count: true }));
  let header = true;
  // The last two records seen are held back: at the end they are the codes and the summary.
  const held: string[][] = [];
  for await (const record of parser as AsyncIterable<string[]>) {
    if (header) {
      header = false;
      continue;
    }
    held.push(record);
    if (held.length > 2) digest.add(padded(held.shift()!, columns));
  }
  // A file cut short of its last two records: what is held is read as data rows.
  const codesRow = held.length === 2 ? held[0]! : null;
  if (held.length < 2) for (const record of held) digest.add(padded(record, columns));
  return {
    format: 'CSV',
    ...digest.result(),
    columnCodes: codesRow ? codesRow.slice(1).map((cell) => cell.split('=')[0]!) : null,
  };
}

/** Excel: the data sheet(s) first (a header of `columns` cells), then the summary, then the codes. */
async function readWorkbook(file: string, columns: number): Promise<ExportFileRows> {
  const digest = new ExportRowDigest();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    // Dates are read as the numbers the cells hold: the digest never depends on the styles
    // (which the zip may store after the sheets).
    styles: 'ignore',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  // exceljs parses a worksheet it meets after the shared strings and the relationships but
  // before xl/workbook.xml without the workbook's model, and fails on it (a TypeError that
  // depends on the zip's entry order). The sheets' names are not needed here: start empty.
  const internals = reader as unknown as { model?: { sheets: unknown[] } };
  internals.model ??= { sheets: [] };
  let listSheets = 0;
  let columnCodes: string[] | null = null;
  for await (const sheet of reader) {
    let kind: 'data' | 'list' | null = null;
    let lastRow = 1;
    for await (const row of sheet) {
      // `values` is sparse (an empty cell is a hole) and starts at column 1.
      const values = Array.from((row.values as unknown[]).slice(1), xlsxValueText);
      if (kind === null) {
        // The first row is the sheet's header: it says which kind of sheet this is.
        kind = listSheets === 0 && values.length === columns ? 'data' : 'list';
        if (kind === 'list') {
          listSheets += 1;
          if (listSheets === 2) columnCodes = [];
        }
        lastRow = row.number;
        continue;
      }
      if (kind === 'data') {
        // Rows with nothing in them are not in the sheet's XML: they are empty rows.
        for (let gap = lastRow + 1; gap < row.number; gap += 1) digest.add(padded([], columns));
        digest.add(padded(values, columns));
      } else if (columnCodes) {
        columnCodes.push(values[0] ?? '');
      }
      lastRow = row.number;
    }
  }
  return { format: 'XLSX', ...digest.result(), columnCodes };
}
