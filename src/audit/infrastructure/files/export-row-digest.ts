import { createHash, type Hash } from 'node:crypto';
import {
  EXPORT_ROW_BLOCK,
  type ExportRowsDigest,
} from '../../application/ports/export-file-writer.js';

/**
 * The rows' SHA-256 an export's signed statement holds, defined on what the file itself
 * holds, so that `audit:verify-export` recomputes it from the file alone (CSV or Excel):
 *
 * - the data rows only, in file order: a CSV's records after its header row and before its
 *   last two (the column codes and the summary); an Excel workbook's rows after the header
 *   row of each data sheet (every sheet before the summary sheet);
 * - each row as an array of exactly as many texts as the file has columns, each cell's text:
 *   - CSV (`csvCellText`): the field as RFC 4180 reads it (BOM removed, quotes undone),
 *     empty for an empty field;
 *   - Excel (`xlsxCellText`): empty for an empty cell, a text as it is, a number as JavaScript
 *     writes it (`String(n)`: `42`, `1.5`); a date cell is a number in Excel (days since
 *     1899-12-30 of the wall-clock time it shows, `46351.58368055555`), read as that number
 *     whatever its format, so the digest never depends on the workbook's styles;
 * - the row's line: its array as RFC 8785 canonical JSON (for an array of strings exactly
 *   what `JSON.stringify` writes), then `\n`;
 * - `sha256`: the SHA-256 (hex) of every line in order, UTF-8 (of nothing for no rows);
 * - `blocks`: the SHA-256 of the lines of each run of `EXPORT_ROW_BLOCK` rows (the last
 *   one shorter), so a refusal can say where the first difference is.
 */
export class ExportRowDigest {
  private readonly hash: Hash = createHash('sha256');
  private block: Hash = createHash('sha256');
  private readonly blocks: string[] = [];
  private rows = 0;

  /** Adds one data row, given as its cells' texts. */
  add(texts: readonly string[]): void {
    const line = JSON.stringify(texts) + '\n';
    this.hash.update(line, 'utf8');
    this.block.update(line, 'utf8');
    this.rows += 1;
    if (this.rows % EXPORT_ROW_BLOCK === 0) {
      this.blocks.push(this.block.digest('hex'));
      this.block = createHash('sha256');
    }
  }

  get count(): number {
    return this.rows;
  }

  /** Ends the digest: the row count, the hex SHA-256 of every row and of each block. */
  result(): ExportRowsDigest {
    if (this.rows % EXPORT_ROW_BLOCK !== 0) this.blocks.push(this.block.digest('hex'));
    return { rowCount: this.rows, sha256: this.hash.digest('hex'), blocks: [...this.blocks] };
  }
}

/** The text of a value exceljs reads from a cell (the reading side of `xlsxCellText`). */
export function xlsxValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Read with styles ignored, a date cell is its number; a Date only if a reader made one.
  if (value instanceof Date) return String(25569 + value.getTime() / 86_400_000);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const rich = value as { richText?: { text: string }[]; text?: unknown; result?: unknown };
  if (Array.isArray(rich.richText)) return rich.richText.map((part) => part.text).join('');
  if (rich.result !== undefined) return xlsxValueText(rich.result);
  if (typeof rich.text === 'string') return rich.text;
  return JSON.stringify(value);
}
