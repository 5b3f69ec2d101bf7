import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { XlsxExportWriter } from './xlsx-export-writer.js';

describe('the Excel export writer', () => {
  it('writes the rows, continues on a next sheet past the per-sheet limit, and ends with a summary sheet', async () => {
    const target = new PassThrough();
    const chunks: Buffer[] = [];
    target.on('data', (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => target.on('end', resolve));
    const writer = new XlsxExportWriter(target, 'Audit events', ['Seq', 'Note'], 10);
    for (let seq = 1; seq <= 25; seq += 1) await writer.writeRow([seq, `审核 ${seq}`]);
    await writer.finish([
      ['Rows', '25'],
      ['Exported by', 'Chen Jing'],
    ]);
    await ended;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Audit events',
      'Audit events 2',
      'Audit events 3',
      'Summary',
    ]);
    const rowsOf = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((row) => (row as unknown[]).slice(1));
    expect(rowsOf('Audit events')[0]).toEqual(['Seq', 'Note']);
    const seqs = ['Audit events', 'Audit events 2', 'Audit events 3'].flatMap((name) =>
      rowsOf(name)
        .slice(1)
        .map((row) => row[0]),
    );
    expect(seqs).toEqual(Array.from({ length: 25 }, (_, index) => index + 1));
    expect(rowsOf('Audit events 3')[1]).toEqual([21, '审核 21']);
    expect(rowsOf('Summary')).toEqual([
      ['Item', 'Value'],
      ['Rows', '25'],
      ['Exported by', 'Chen Jing'],
    ]);
  });
});
