import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type { ExportCell, ExportFileWriter } from '../../application/ports/export-file-writer.js';

/** Excel's limit is 1,048,576 rows a sheet; a longer export continues on a next sheet. */
export const ROWS_PER_SHEET = 1_000_000;

type SheetWriter = ReturnType<ExcelJS.stream.xlsx.WorkbookWriter['addWorksheet']>;

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

  async writeRow(cells: readonly ExportCell[]): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.rowsInSheet === ROWS_PER_SHEET) {
      this.sheet.commit();
      this.sheetCount += 1;
      this.sheet = this.addSheet(`${this.sheetName} ${this.sheetCount}`);
      this.rowsInSheet = 0;
    }
    this.sheet.addRow([...cells]).commit();
    this.rowsInSheet += 1;
    if (this.rowsInSheet % 500 === 0) await this.letTheZipCatchUp();
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
   * exceljs buffers a sheet's XML until the zip reads it; wait while that buffer
   * or the file behind it is full, so memory stays flat.
   */
  private async letTheZipCatchUp(): Promise<void> {
    const pending = (): number =>
      (this.sheet as unknown as { stream?: { buffers?: unknown[] } }).stream?.buffers?.length ?? 0;
    for (
      let waited = 0;
      (pending() > 8 || this.target.writableNeedDrain) && waited < 2000;
      waited += 1
    ) {
      if (this.failure) throw this.failure;
      await sleep(1);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
}
