import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { ExportCell, ExportFileWriter } from '../../application/ports/export-file-writer.js';

/** Excel's limit is 1,048,576 rows a sheet; a longer export continues on a next sheet. */
export const ROWS_PER_SHEET = 1_000_000;

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

/** What exceljs's StreamBuf exposes of its backlog (not part of its typings). */
interface SheetStream {
  buffers?: unknown[];
  bufSize?: number;
  pipes?: {
    writableLength?: number;
    readableLength?: number;
    // archiver's readable-stream 2 has no writableLength/readableLength getters.
    _writableState?: { length?: number };
    _readableState?: { length?: number };
  }[];
}

const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * Excel through exceljs's streaming WorkbookWriter: each row is committed as it
 * is written (nothing accumulates), the data sheet(s) first, then a "Summary" sheet.
 */
export class XlsxExportWriter implements ExportFileWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: SheetWriter;
  private sheetCount = 1;
  private rowsInSheet = 0;
  private failure: Error | null = null;

  constructor(
    private readonly target: Writable,
    private readonly sheetName: string,
    private readonly columns: readonly string[],
    private readonly rowsPerSheet = ROWS_PER_SHEET,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: target,
      useStyles: false,
      useSharedStrings: false,
    });
    this.workbook.creator = 'beian-desk';
    target.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.sheet = this.addSheet(sheetName);
  }

  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.rowsInSheet === this.rowsPerSheet) {
      this.sheet.commit();
      this.sheetCount += 1;
      this.sheet = this.addSheet(`${this.sheetName} ${this.sheetCount}`);
      this.rowsInSheet = 0;
    }
    this.sheet.addRow([...cells]).commit();
    this.rowsInSheet += 1;
    return this.rowsInSheet % 500 === 0 ? this.letTheZipCatchUp() : undefined;
  }

  async finish(summary: readonly [string, string][]): Promise<void> {
    if (this.failure) throw this.failure;
    this.sheet.commit();
    const sheet = this.workbook.addWorksheet('Summary');
    sheet.columns = [
      { header: 'Item', key: 'item', width: 22 },
      { header: 'Value', key: 'value', width: 100 },
    ];
    for (const [item, value] of summary) sheet.addRow([item, value]).commit();
    sheet.commit();
    await Promise.race([
      this.workbook.commit(),
      new Promise<never>((_, reject) => {
        if (this.failure) reject(this.failure);
        this.target.once('error', reject);
      }),
    ]);
  }

  private addSheet(name: string): SheetWriter {
    const sheet = this.workbook.addWorksheet(name);
    sheet.columns = this.columns.map((header) => ({
      header,
      width: Math.max(12, header.length + 2),
    }));
    return sheet;
  }

  /**
   * exceljs hands a sheet's XML to the zip without waiting (its StreamBuf
   * ignores backpressure), so the backlog piles up in the zip's input. Wait
   * while that backlog, or the file behind the zip, is full: memory stays flat.
   */
  private async letTheZipCatchUp(): Promise<void> {
    // Let the zip (its callbacks, zlib's results) run between batches of rows.
    await new Promise((resolve) => setImmediate(resolve));
    for (let waited = 0; waited < 60_000; waited += 2) {
      if (this.failure) throw this.failure;
      if (this.backlogBytes() < MAX_BACKLOG_BYTES && !this.target.writableNeedDrain) return;
      await sleep(2);
    }
  }

  /** Bytes of sheet XML not yet taken by the zip. */
  backlogBytes(): number {
    const stream = (this.sheet as unknown as { stream?: SheetStream }).stream;
    if (!stream) return 0;
    const pipes = stream.pipes ?? [];
    // Until the zip takes the sheet, its XML waits in the sheet's own buffers.
    if (pipes.length === 0) return (stream.buffers?.length ?? 0) * (stream.bufSize ?? 0);
    // The zip wraps the sheet in a pass-through: count what waits on either side of it.
    return pipes.reduce(
      (sum, pipe) =>
        sum +
        (pipe.writableLength ?? pipe._writableState?.length ?? 0) +
        (pipe.readableLength ?? pipe._readableState?.length ?? 0),
      0,
    );
  }
}
