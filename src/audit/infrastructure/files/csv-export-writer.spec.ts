import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { ExportFileLayout } from '../../application/ports/export-file-writer.js';
import { CsvExportWriter, excelSafe } from './csv-export-writer.js';

/** A layout in English, or in Chinese, with columns given as code → header. */
function layout(columns: Record<string, string>, chinese = false): ExportFileLayout {
  return {
    sheetName: chinese ? '审计日志' : 'Audit events',
    columns: Object.entries(columns).map(([code, header]) => ({ code, header })),
    summary: chinese
      ? { title: '汇总', item: '项目', value: '内容' }
      : { title: 'Summary', item: 'Item', value: 'Value' },
    summaryCell: (label, value) => (chinese ? `${label}：${value}` : `${label}: ${value}`),
    columnCodes: chinese
      ? { title: '列代码', code: '代码', header: '列名' }
      : { title: 'Column codes', code: 'Code', header: 'Column' },
  };
}

function collect(): { target: PassThrough; bytes: Promise<Buffer> } {
  const target = new PassThrough();
  const chunks: Buffer[] = [];
  target.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve) => {
    target.on('end', () => resolve(Buffer.concat(chunks)));
  });
  return { target, bytes };
}

describe('the CSV export writer', () => {
  it('writes a BOM, CRLF rows that survive commas, quotes and line breaks, the column codes and a summary row', async () => {
    const { target, bytes: written } = collect();
    const writer = new CsvExportWriter(target, layout({ a: 'A', b: 'B', c: 'C' }));
    const rows = [
      ['审核通过', 'line one\nline two', 1],
      ['a "quoted", value', 'cr\ronly', null],
      ...Array.from({ length: 1200 }, (_, index) => [`row ${index}`, '', index]),
    ];
    for (const row of rows) await writer.writeRow(row);
    await writer.finish([['Rows', String(rows.length)]]);
    const bytes = await written;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const parsed: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    expect(parsed[0]).toEqual(['A', 'B', 'C']);
    expect(parsed[1]).toEqual(['审核通过', 'line one\nline two', '1']);
    expect(parsed[2]).toEqual(['a "quoted", value', 'cr\ronly', '']);
    expect(parsed).toHaveLength(rows.length + 3);
    expect(parsed[parsed.length - 2]).toEqual(['Column codes', 'a=A', 'b=B', 'c=C']);
    expect(parsed[parsed.length - 1]).toEqual(['Summary', `Rows: ${rows.length}`, '']);
  });

  it('writes Chinese headers, column codes and summary as UTF-8 behind a BOM', async () => {
    const { target, bytes: written } = collect();
    const writer = new CsvExportWriter(target, layout({ seq: '序号', actor: '操作人' }, true));
    await writer.writeRow([1, '王芳']);
    await writer.finish([
      ['行数', '1'],
      ['导出人', '陈静'],
    ]);
    const bytes = await written;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3))).toBe(
      '序号,操作人\r\n1,王芳\r\n列代码,seq=序号,actor=操作人\r\n汇总,行数：1,导出人：陈静\r\n',
    );
  });

  it('keeps Excel from running a cell as a formula, and numbers as numbers', async () => {
    const { target, bytes: written } = collect();
    const writer = new CsvExportWriter(target, layout({ cell: 'cell' }));
    for (const cell of [
      '=HYPERLINK("http://evil.example","click")',
      '+86 138',
      '@SUM(A1)',
      -5,
      '王芳',
      null,
    ]) {
      await writer.writeRow([cell]);
    }
    await writer.finish([]);
    const lines = (await written)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(lines.slice(1, 7)).toEqual([
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
      "'+86 138",
      "'@SUM(A1)",
      '-5',
      '王芳',
      '',
    ]);
    expect(excelSafe('plain')).toBe('plain');
  });

  it('writes an instant as ISO 8601 with the business zone’s offset, and a day as the day', async () => {
    const { target, bytes: written } = collect();
    const writer = new CsvExportWriter(target, layout({ at: 'At (UTC+8)', on: 'On' }));
    await writer.writeRow([
      {
        text: '2026-11-25T14:05:30.000+08:00',
        wallClock: new Date('2026-11-25T14:05:30.000Z'),
        shows: 'minute',
      },
      { text: '2026-11-25', wallClock: new Date('2026-11-25T00:00:00.000Z'), shows: 'day' },
    ]);
    await writer.finish([]);
    const parsed: string[][] = parse(await written, { bom: true, relax_column_count: true });
    expect(parsed.slice(0, 2)).toEqual([
      ['At (UTC+8)', 'On'],
      ['2026-11-25T14:05:30.000+08:00', '2026-11-25'],
    ]);
  });

  it('fails the export when the file behind it fails, instead of waiting forever', async () => {
    const broken = new Writable({
      highWaterMark: 16,
      write(_chunk, _encoding, done) {
        setImmediate(() => done(new Error('disk full')));
      },
    });
    const writer = new CsvExportWriter(broken, layout({ a: 'A' }));
    await expect(
      (async () => {
        for (let index = 0; index < 5000; index += 1) await writer.writeRow([`row ${index}`]);
        await writer.finish([]);
      })(),
    ).rejects.toThrow('disk full');
  });
});
