import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';
import type { ExportCell, ExportFileWriter } from '../../application/ports/export-file-writer.js';

/**
 * CSV for Excel: UTF-8 with a byte-order mark (so Chinese text opens correctly),
 * CRLF line ends, a header row, and a last row holding the summary.
 */
export class CsvExportWriter implements ExportFileWriter {
  private readonly stringifier: Stringifier;
  private readonly done: Promise<void>;
  private failure: Error | null = null;
  private readonly failed: Promise<never>;

  constructor(
    target: Writable,
    private readonly columns: readonly string[],
  ) {
    this.stringifier = stringify({ bom: true, record_delimiter: 'windows' });
    this.done = pipeline(this.stringifier, target);
    this.failed = this.done.then(
      () => new Promise<never>(() => undefined),
      (error: unknown) => {
        this.failure = error as Error;
        throw this.failure;
      },
    );
    this.failed.catch(() => undefined);
    this.stringifier.write([...columns]);
  }

  async writeRow(cells: readonly ExportCell[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stringifier.write(cells.map((cell) => cell ?? ''))) {
      await Promise.race([once(this.stringifier, 'drain'), this.failed]);
    }
  }

  async finish(summary: readonly [string, string][]): Promise<void> {
    if (this.failure) throw this.failure;
    const row = ['Summary', ...summary.map(([key, value]) => `${key}: ${value}`)];
    while (row.length < this.columns.length) row.push('');
    this.stringifier.end(row);
    await this.done;
  }
}
