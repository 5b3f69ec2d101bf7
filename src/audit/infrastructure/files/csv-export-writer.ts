import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Stringifier } from 'csv-stringify';
import type { ExportCell, ExportFileWriter } from '../../application/ports/export-file-writer.js';

/** What Excel would read as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text Excel would run as a formula (an email typed as `=HYPERLINK(…)` at
 * sign-in becomes an actor name) starts with an apostrophe, as OWASP advises;
 * numbers stay numbers.
 */
export const excelSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/**
 * CSV for Excel through csv-stringify: UTF-8 with a byte-order mark (so Chinese
 * text opens correctly), CRLF line ends, every field with a line break quoted
 * (a lone `\n` too, which Excel would otherwise read as a new row), a header
 * row, and a last row holding the summary. Writing waits whenever the file
 * behind is full, so memory stays flat.
 */
export class CsvExportWriter implements ExportFileWriter {
  private readonly csv: Stringifier;
  private failure: Error | null = null;

  constructor(
    target: Writable,
    private readonly columns: readonly string[],
  ) {
    this.csv = stringify({
      bom: true,
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: excelSafe },
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
    };
    this.csv.on('error', fail);
    target.on('error', fail);
    this.finished = new Promise<void>((resolve, reject) => {
      target.once('finish', resolve);
      target.once('error', reject);
      target.once('close', () => (this.failure ? reject(this.failure) : resolve()));
    });
    this.finished.catch(() => undefined);
    this.csv.pipe(target);
    this.csv.write([...columns]);
  }

  private readonly finished: Promise<void>;

  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.csv.write(cells)) return undefined;
    return this.drained();
  }

  async finish(summary: readonly [string, string][]): Promise<void> {
    this.throwIfFailed();
    const row: ExportCell[] = ['Summary', ...summary.map(([key, value]) => `${key}: ${value}`)];
    while (row.length < this.columns.length) row.push('');
    this.csv.end(row);
    await this.finished;
    this.throwIfFailed();
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  private async drained(): Promise<void> {
    const error = once(this.csv, 'error').then(([reason]) => Promise.reject(reason as Error));
    error.catch(() => undefined);
    await Promise.race([
      once(this.csv, 'drain'),
      error,
      this.finished.then(() =>
        Promise.reject(this.failure ?? new Error('the export file was closed')),
      ),
    ]);
  }
}
