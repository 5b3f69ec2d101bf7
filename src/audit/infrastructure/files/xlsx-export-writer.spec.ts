import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { ExportFileLayout } from '../../application/ports/export-file-writer.js';
import { XlsxExportWriter } from './xlsx-export-writer.js';

const english: ExportFileLayout = {
  sheetName: 'Audit events',
  columns: [
    { code: 'seq', header: 'Seq' },
    { code: 'note', header: 'Note' },
  ],
  summary: { title: 'Summary', item: 'Item', value: 'Value' },
  summaryCell: (label, value) => `${label}: ${value}`,
  columnCodes: { title: 'Column codes', code: 'Code', header: 'Column' },
};
const chinese: ExportFileLayout = {
  sheetName: '审计日志',
  columns: [
    { code: 'seq', header: '序号' },
    { code: 'note', header: '说明' },
  ],
  summary: { title: '汇总', item: '项目', value: '内容' },
  summaryCell: (label, value) => `${label}：${value}`,
  columnCodes: { title: '列代码', code: '代码', header: '列名' },
};

async function written(
  layout: ExportFileLayout,
  rows: number,
  rowsPerSheet?: number,
): Promise<ExcelJS.Workbook> {
  const target = new PassThrough();
  const chunks: Buffer[] = [];
  target.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => target.on('end', resolve));
  const writer = new XlsxExportWriter(target, layout, rowsPerSheet);
  for (let seq = 1; seq <= rows; seq += 1) await writer.writeRow([seq, `审核 ${seq}`]);
  await writer.finish([
    [layout.summary.title === '汇总' ? '行数' : 'Rows', String(rows)],
    [layout.summary.title === '汇总' ? '导出人' : 'Exported by', 'Chen Jing'],
  ]);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook;
}

const rowsOf = (workbook: ExcelJS.Workbook, name: string) =>
  workbook
    .getWorksheet(name)!
    .getSheetValues()
    .slice(1)
    .map((row) => (row as unknown[]).slice(1));

/** Beijing 2026-11-25 14:05:30 (06:05:30 UTC), as the export's rows hold an instant. */
const instant = {
  text: '2026-11-25T14:05:30.000+08:00',
  wallClock: new Date('2026-11-25T14:05:30.000Z'),
  shows: 'minute' as const,
};
const day = {
  text: '2026-11-25',
  wallClock: new Date('2026-11-25T00:00:00.000Z'),
  shows: 'day' as const,
};

describe('the Excel export writer', () => {
  it('writes instants and days as date cells, numbers as numbers, under a frozen, filtered header', async () => {
    const layout: ExportFileLayout = {
      ...english,
      columns: [
        { code: 'seq', header: 'Seq', width: 10 },
        { code: 'occurred_at', header: 'Occurred at (UTC+8)', width: 18 },
        { code: 'received_on', header: 'Business day received', width: 12 },
        { code: 'description', header: 'Description', width: 80 },
      ],
    };
    const target = new PassThrough();
    const chunks: Buffer[] = [];
    target.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => target.on('end', resolve));
    const writer = new XlsxExportWriter(target, layout, 3);
    for (let seq = 1; seq <= 4; seq += 1) await writer.writeRow([seq, instant, day, null]);
    await writer.finish([['Rows', '4']]);
    await ended;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);

    for (const [name, rows] of [
      ['Audit events', 3],
      ['Audit events 2', 1],
    ] as const) {
      const sheet = workbook.getWorksheet(name)!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe(`A1:D${rows + 1}`);
      expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });
      const [seq, at, on] = [1, 2, 3].map((column) => sheet.getRow(2).getCell(column));
      expect(seq!.type).toBe(ExcelJS.ValueType.Number);
      expect(at!.type).toBe(ExcelJS.ValueType.Date);
      expect((at!.value as Date).toISOString()).toBe('2026-11-25T14:05:30.000Z');
      expect(at!.numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(on!.type).toBe(ExcelJS.ValueType.Date);
      expect((on!.value as Date).toISOString()).toBe('2026-11-25T00:00:00.000Z');
      expect(on!.numFmt).toBe('yyyy-mm-dd');
      expect(sheet.columns.map((column) => column.width)).toEqual([10, 22, 24, 80]);
    }
    expect(workbook.getWorksheet('Summary')!.views[0]).toMatchObject({
      state: 'frozen',
      ySplit: 1,
    });
  });

  it('writes the rows, continues on a next sheet past the per-sheet limit, and ends with a summary sheet and the column codes', async () => {
    const workbook = await written(english, 25, 10);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Audit events',
      'Audit events 2',
      'Audit events 3',
      'Summary',
      'Column codes',
    ]);
    expect(rowsOf(workbook, 'Audit events')[0]).toEqual(['Seq', 'Note']);
    const seqs = ['Audit events', 'Audit events 2', 'Audit events 3'].flatMap((name) =>
      rowsOf(workbook, name)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(rowsOf(workbook, 'Audit events 3')[1]).toEqual([21, '审核 21']);
    expect(rowsOf(workbook, 'Summary')).toEqual([
      ['Item', 'Value'],
      ['Rows', '25'],
      ['Exported by', 'Chen Jing'],
    ]);
    expect(rowsOf(workbook, 'Column codes')).toEqual([
      ['Code', 'Column'],
      ['seq', 'Seq'],
      ['note', 'Note'],
    ]);
  });

  it('names its sheets and headings in Chinese for a Chinese export, with the same codes', async () => {
    const workbook = await written(chinese, 3);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['审计日志', '汇总', '列代码']);
    expect(rowsOf(workbook, '审计日志')[0]).toEqual(['序号', '说明']);
    expect(rowsOf(workbook, '汇总')).toEqual([
      ['项目', '内容'],
      ['行数', '3'],
      ['导出人', 'Chen Jing'],
    ]);
    expect(rowsOf(workbook, '列代码')).toEqual([
      ['代码', '列名'],
      ['seq', '序号'],
      ['note', '说明'],
    ]);
  });
});
