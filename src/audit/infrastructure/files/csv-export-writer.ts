import type { Writable } from 'node:stream';
import type { ExportCell, ExportFileWriter } from '../../application/ports/export-file-writer.js';

/** Rows are turned into text a batch at a time: one write per batch, not per row. */
const BATCH_ROWS = 500;
const BOM = '\uFEFF';
const NEEDS_QUOTES = /[",\r\n]/;
/** What Excel would read as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One RFC 4180 field: quoted when it holds a quote, comma or line break. Text
 * Excel would run as a formula (an email typed as `=HYPERLINK(…)` at sign-in
 * becomes an actor name) starts with an apostrophe, as OWASP advises; numbers
 * stay numbers.
 */
export function csvField(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Chinese text opens correctly),
 * CRLF line ends, a header row, and a last row holding the summary. Writing
 * waits whenever the file behind is full, so memory stays flat.
 */
export class CsvExportWriter implements ExportFileWriter {
  private batch: ExportCell[][] = [];
  private started = false;
  private failure: Error | null = null;

  constructor(
    private readonly target: Writable,
    private readonly columns: readonly string[],
  ) {
    target.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.batch.push([...columns]);
  }

  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    this.batch.push(cells as ExportCell[]);
    return this.batch.length >= BATCH_ROWS ? this.flush() : undefined;
  }

  async finish(summary: readonly [string, string][]): Promise<void> {
    const row: ExportCell[] = ['Summary', ...summary.map(([key, value]) => `${key}: ${value}`)];
    while (row.length < this.columns.length) row.push('');
    this.batch.push(row);
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.target.once('error', reject);
      this.target.end(() => resolve());
    });
    if (this.failure) throw this.failure;
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    let text = this.started ? '' : BOM;
    for (const row of this.batch) text += row.map(csvField).join(',') + '\r\n';
    this.started = true;
    this.batch = [];
    if (!this.target.write(text)) await this.drained();
  }

  private drained(): Promise<void> {
    return new Promise((resolve, reject) => {
      const done = (error?: Error): void => {
        this.target.off('drain', onDrain);
        this.target.off('error', onError);
        this.target.off('close', onClose);
        if (error) reject(error);
        else resolve();
      };
      const onDrain = (): void => done();
      const onError = (error: Error): void => done(error);
      const onClose = (): void => done(this.failure ?? new Error('the export file was closed'));
      this.target.once('drain', onDrain);
      this.target.once('error', onError);
      this.target.once('close', onClose);
    });
  }
}
