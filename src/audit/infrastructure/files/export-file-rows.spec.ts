import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  ExportCell,
  ExportFileLayout,
  ExportRowsDigest,
} from '../../application/ports/export-file-writer.js';
import { CsvExportWriter } from './csv-export-writer.js';
import { readExportFileRows } from './export-file-rows.js';
import { XlsxExportWriter } from './xlsx-export-writer.js';

const CODES = ['seq', 'at', 'on', 'who', 'note', 'count'];

const layout: ExportFileLayout = {
  sheetName: '审计日志',
  columns: CODES.map((code) => ({ code, header: `H ${code}` })),
  summary: { title: 'Summary', item: 'Item', value: 'Value' },
  summaryCell: (label, value) => `${label}: ${value}`,
  columnCodes: { title: 'Column codes', code: 'Code', header: 'Column' },
};

/** Rows with every kind of cell: numbers, instants, days, Chinese, formulas, breaks, nothing. */
const ROWS: ExportCell[][] = Array.from({ length: 40 }, (_, index) => [
  index + 1,
  {
    text: `2026-11-25T14:0${index % 10}:30.123+08:00`,
    wallClock: new Date(`2026-11-25T14:0${index % 10}:30.123Z`),
    shows: 'minute',
  },
  { text: '2026-11-25', wallClock: new Date('2026-11-25T00:00:00.000Z'), shows: 'day' },
  index % 3 === 0 ? '王芳' : '=HYPERLINK("x")',
  index % 4 === 0 ? null : `line one\nline "two", ${index}`,
  index % 5 === 0 ? 0.1 + 0.2 : index * 7,
]);

async function written(
  dir: string,
  format: 'CSV' | 'XLSX',
  rows: ExportCell[][],
  rowsPerSheet?: number,
): Promise<{ file: string; digest: ExportRowsDigest }> {
  const file = path.join(dir, `export-${format}-${rows.length}-${rowsPerSheet ?? 0}.${format}`);
  const target = createWriteStream(file);
  const writer =
    format === 'CSV'
      ? new CsvExportWriter(target, layout)
      : new XlsxExportWriter(target, layout, rowsPerSheet);
  for (const row of rows) await writer.writeRow(row);
  const digest = await writer.finish([['Rows', String(rows.length)]]);
  await new Promise<void>((resolve) =>
    target.closed ? resolve() : target.once('close', () => resolve()),
  );
  return { file, digest };
}

describe('an export file’s rows, read back from the file alone', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'export-rows-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(['CSV', 'XLSX'] as const)(
    'gives the %s writer’s own digest of its data rows, and its column codes',
    async (format) => {
      const { file, digest } = await written(dir, format, ROWS);
      expect(digest.rowCount).toBe(ROWS.length);
      const read = await readExportFileRows(file, CODES.length);
      expect(read).toEqual({ format, ...digest, columnCodes: CODES });
    },
  );

  it('reads a workbook whose rows continue on a second data sheet', async () => {
    const { file, digest } = await written(dir, 'XLSX', ROWS, 15);
    expect(await readExportFileRows(file, CODES.length)).toMatchObject(digest);
  });

  it('gives an export with no rows the SHA-256 of nothing', async () => {
    for (const format of ['CSV', 'XLSX'] as const) {
      const { file, digest } = await written(dir, format, []);
      expect(digest).toEqual({
        rowCount: 0,
        sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        blocks: [],
      });
      expect(await readExportFileRows(file, CODES.length)).toMatchObject(digest);
    }
  });

  it('hashes each thousand rows on their own, so a changed row is found within its thousand', async () => {
    const rows = Array.from({ length: 2500 }, (_, index) => [index + 1, null, null, 'a', 'b', 0]);
    const { file, digest } = await written(dir, 'CSV', rows);
    expect(digest.blocks).toHaveLength(3);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('\r\n1500,', '\r\n1500 ,'));
    const changed = await readExportFileRows(file, CODES.length);
    expect(changed.rowCount).toBe(2500);
    expect(changed.blocks.map((block, index) => block === digest.blocks[index])).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('tells a changed, removed or added CSV row from the rows written', async () => {
    const { file, digest } = await written(dir, 'CSV', ROWS);
    const text = await readFile(file, 'utf8');
    const lines = text.split('\r\n');
    expect(lines[1]).toMatch(/^1,/);

    await writeFile(file, text.replace('王芳', '王芬'));
    const changed = await readExportFileRows(file, CODES.length);
    expect(changed.rowCount).toBe(digest.rowCount);
    expect(changed.sha256).not.toBe(digest.sha256);

    await writeFile(file, [lines[0], ...lines.slice(2)].join('\r\n'));
    expect((await readExportFileRows(file, CODES.length)).rowCount).toBe(digest.rowCount - 1);

    await writeFile(file, [lines[0], lines[1], ...lines.slice(1)].join('\r\n'));
    expect((await readExportFileRows(file, CODES.length)).rowCount).toBe(digest.rowCount + 1);
  });
});
