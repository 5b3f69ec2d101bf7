import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { stringify, type Stringifier } from 'csv-stringify';
import type {
  ExportCell,
  ExportFileLayout,
  ExportFileWriter,
  ExportRowsDigest,
  ExportTime,
} from '../../application/ports/export-file-writer.js';
import { ExportRowDigest } from './export-row-digest.js';

/** What Excel would read as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text Excel would run as a formula (an email typed as `=HYPERLINK(…)` at
 * sign-in becomes an actor name) starts with an apostrophe, as OWASP advises;
 * numbers stay numbers.
 */
export const excelSafe = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

/** A cell's text as this writer puts it in the file (and RFC 4180 reads it back): the rows' digest. */
export function csvCellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (typeof cell === 'object') return cell.text;
  return typeof cell === 'number' ? String(cell) : excelSafe(cell);
}

/**
 * CSV for Excel through csv-stringify: UTF-8 with a byte-order mark (so Chinese
 * text opens correctly), CRLF line ends, every field with a line break quoted
 * (a lone `\n` too, which Excel would otherwise read as a new row), instants as
 * ISO 8601 with the business zone's offset (days as `yyyy-MM-dd`), a header
 * row, and two rows after the data, each named by its first cell:
 * - the column codes ("Column codes" · "列代码"), one `code=header` cell per column
 *   in the columns' order (`seq=Seq` · `seq=序号`), so a script finds its columns by
 *   code whatever the file's language;
 * - the summary, last ("Summary" · "汇总"), one `label: value` cell per entry.
 * Plain rows keep the file valid CSV that Excel opens as it is (a comment line or a
 * second header would not be). Writing waits whenever the file behind is full, so
 * memory stays flat.
 */
export class CsvExportWriter implements ExportFileWriter {
  private readonly csv: Stringifier;
  private readonly digest = new ExportRowDigest();
  private failure: Error | null = null;

  constructor(
    target: Writable,
    private readonly layout: ExportFileLayout,
  ) {
    this.csv = stringify({
      bom: true,
      record_delimiter: 'windows',
      quoted_match: /[\r\n]/,
      cast: { string: excelSafe, object: (value) => (value as unknown as ExportTime).text },
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
    this.csv.write(layout.columns.map((column) => column.header));
  }

  private readonly finished: Promise<void>;

  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    this.digest.add(cells.map(csvCellText));
    if (this.csv.write(cells)) return undefined;
    return this.drained();
  }

  async finish(summary: readonly [string, string][]): Promise<ExportRowsDigest> {
    this.throwIfFailed();
    const { columns, columnCodes } = this.layout;
    this.csv.write([
      columnCodes.title,
      ...columns.map((column) => `${column.code}=${column.header}`),
    ]);
    const row: ExportCell[] = [
      this.layout.summary.title,
      ...summary.map(([label, value]) => this.layout.summaryCell(label, value)),
    ];
    while (row.length < columns.length) row.push('');
    this.csv.end(row);
    await this.finished;
    this.throwIfFailed();
    return this.digest.result();
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
