import type { Writable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import ExcelJS from 'exceljs';
import type {
  ExportCell,
  ExportFileLayout,
  ExportFileWriter,
  ExportRowsDigest,
  ExportTime,
} from '../../application/ports/export-file-writer.js';
import { ExportRowDigest } from './export-row-digest.js';

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

/** A header's width in Excel's character widths: a Chinese character takes two. */
const widthOf = (text: string): number =>
  [...text].reduce((width, char) => width + (/[\u2e80-\uffef]/.test(char) ? 2 : 1), 0);

/**
 * Cell styles, each one object shared by every cell that has it: exceljs looks a style
 * up by the object's identity, so a million rows cost no more styles than one.
 */
const STYLES = {
  header: { font: { bold: true } },
  dateTime: { numFmt: 'yyyy-mm-dd hh:mm' },
  day: { numFmt: 'yyyy-mm-dd' },
  plain: {},
} as const satisfies Record<string, Partial<ExcelJS.Style>>;

/** The header row stays in view while scrolling. */
const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [
  { state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' },
];

const isTime = (cell: ExportCell): cell is ExportTime => cell !== null && typeof cell === 'object';

/** What a cell holds in Excel: a time is a date cell of the business zone's wall-clock time. */
const valueOf = (cell: ExportCell): ExcelJS.CellValue => (isTime(cell) ? cell.wallClock : cell);

/** An Excel date: days since 1899-12-30 (exceljs's `dateToExcel`), as the cell's XML holds it. */
export const excelSerial = (wallClock: Date): number => 25569 + wallClock.getTime() / 86_400_000;

/**
 * A cell's text as the workbook holds it, read back (`xlsxValueText`): the rows' digest.
 * A date cell is a number with a date format, so its text is its serial number.
 */
export function xlsxCellText(cell: ExportCell): string {
  if (cell === null) return '';
  if (isTime(cell)) return String(excelSerial(cell.wallClock));
  return typeof cell === 'number' ? String(cell) : cell;
}

const styleOf = (cell: ExportCell | undefined): Partial<ExcelJS.Style> =>
  cell !== undefined && isTime(cell)
    ? cell.shows === 'day'
      ? STYLES.day
      : STYLES.dateTime
    : STYLES.plain;

/**
 * Excel through exceljs's streaming WorkbookWriter: each row is committed as it
 * is written (nothing accumulates). The data sheet(s) come first, then the summary
 * ("Summary" · "汇总": item and value), then the column codes, last ("Column codes" ·
 * "列代码": each column's code beside its header, in the columns' order), so a script
 * finds its columns by code whatever the workbook's language. All names and headings
 * are in the file's language (an Excel sheet name may not hold a slash, so each locale
 * names the sheets in its own words).
 *
 * Every sheet has a bold header row that stays in view (frozen) and, on the data sheets,
 * an autofilter over it; columns are as wide as their usual values. Instants are date
 * cells (`yyyy-mm-dd hh:mm`) holding the business zone's wall-clock time — Excel cells
 * have no zone, so the header names it ("(UTC+8)") — and days are date cells
 * (`yyyy-mm-dd`); numbers are numbers.
 */
export class XlsxExportWriter implements ExportFileWriter {
  private readonly workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  private sheet: SheetWriter;
  private sheetCount = 1;
  private rowsInSheet = 0;
  private readonly digest = new ExportRowDigest();
  private failure: Error | null = null;

  constructor(
    private readonly target: Writable,
    private readonly layout: ExportFileLayout,
    private readonly rowsPerSheet = ROWS_PER_SHEET,
  ) {
    this.workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: target,
      useStyles: true,
      useSharedStrings: false,
    });
    this.workbook.creator = 'beian-desk';
    target.on('error', (error: Error) => {
      this.failure ??= error;
    });
    this.sheet = this.addSheet(layout.sheetName);
  }

  writeRow(cells: readonly ExportCell[]): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (this.rowsInSheet === this.rowsPerSheet) {
      this.commitDataSheet();
      this.sheetCount += 1;
      this.sheet = this.addSheet(`${this.layout.sheetName} ${this.sheetCount}`);
      this.rowsInSheet = 0;
    }
    this.digest.add(cells.map(xlsxCellText));
    const row = this.sheet.addRow(cells.map(valueOf));
    row.eachCell((cell, column) => {
      cell.style = styleOf(cells[column - 1]);
    });
    row.commit();
    this.rowsInSheet += 1;
    return this.rowsInSheet % 500 === 0 ? this.letTheZipCatchUp() : undefined;
  }

  async finish(summary: readonly [string, string][]): Promise<ExportRowsDigest> {
    if (this.failure) throw this.failure;
    this.commitDataSheet();
    const { summary: summaryWords, columnCodes, columns } = this.layout;
    this.addListSheet(
      summaryWords.title,
      [summaryWords.item, 22],
      [summaryWords.value, 100],
      summary,
    );
    this.addListSheet(
      columnCodes.title,
      [columnCodes.code, 34],
      [columnCodes.header, 40],
      columns.map((column) => [column.code, column.header]),
    );
    await Promise.race([
      this.workbook.commit(),
      new Promise<never>((_, reject) => {
        if (this.failure) reject(this.failure);
        this.target.once('error', reject);
      }),
    ]);
    return this.digest.result();
  }

  /** A sheet of two columns, with its headings: the summary, the column codes. */
  private addListSheet(
    name: string,
    first: [heading: string, width: number],
    second: [heading: string, width: number],
    rows: readonly (readonly [string, string])[],
  ): void {
    const sheet = this.workbook.addWorksheet(name, { views: FROZEN_HEADER });
    sheet.columns = [{ width: first[1] }, { width: second[1] }];
    this.addHeaderRow(sheet, [first[0], second[0]]);
    for (const [a, b] of rows) sheet.addRow([a, b]).commit();
    sheet.commit();
  }

  /** A data sheet: its columns' widths, and its header row, frozen. */
  private addSheet(name: string): SheetWriter {
    const sheet = this.workbook.addWorksheet(name, { views: FROZEN_HEADER });
    sheet.columns = this.layout.columns.map(({ header, width }) => ({
      width: Math.max(width ?? 12, Math.min(widthOf(header) + 3, 40)),
    }));
    this.addHeaderRow(
      sheet,
      this.layout.columns.map(({ header }) => header),
    );
    return sheet;
  }

  private addHeaderRow(sheet: SheetWriter, headers: readonly string[]): void {
    const row = sheet.addRow([...headers]);
    row.eachCell((cell) => {
      cell.style = STYLES.header;
    });
    row.commit();
  }

  /** Ends the current data sheet, its autofilter over the header and every row below. */
  private commitDataSheet(): void {
    this.sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: this.rowsInSheet + 1, column: this.layout.columns.length },
    };
    this.sheet.commit();
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
