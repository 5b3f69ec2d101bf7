import { describe, expect, it } from '@jest/globals';
import { msg } from '../../shared/i18n/message.js';
import { Translator } from '../../shared/i18n/translator.js';
import { DataExport } from './data-export.js';
import { readExportRequest } from './data-export-request.js';
import {
  ExportFileMissingError,
  ExportNotFoundError,
  ExportNotReadyError,
  ExportRemovedError,
  InvalidExportRequestError,
  InvalidExportTransitionError,
} from './data-export.errors.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

const now = new Date('2026-11-25T02:00:00Z');
const requested = () =>
  DataExport.request({
    id: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10',
    dataset: 'audit-events',
    format: 'CSV',
    filters: { from: '2026-11-01', to: '2026-11-30', actor: 'Wang' },
    locale: 'zh-CN',
    requestedById: null,
    requestedByName: 'Chen Jing',
    now,
  });
const file = {
  fileKey: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10.csv',
  rowCount: 3,
  sizeBytes: 120,
  sha256: 'f'.repeat(64),
  chainHead: { seq: 10, hash: 'a'.repeat(64) },
};

describe('an export', () => {
  it('describes itself in words in either language, and names its file', () => {
    const dataExport = requested();
    expect(en.text(dataExport.describe())).toBe(
      'CSV export of audit events, 2026-11-01 to 2026-11-30, actor “Wang”',
    );
    expect(zh.text(dataExport.describe())).toBe(
      '审计日志导出（CSV），2026-11-01 至 2026-11-30，操作人“Wang”',
    );
    expect(dataExport.fileName()).toBe('audit-events_2026-11-01_2026-11-30_0b6f0c1e.csv');
  });

  it('names a status and a subject type in its description by their labels', () => {
    const dataExport = DataExport.request({
      id: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10',
      dataset: 'requests',
      format: 'XLSX',
      filters: { from: '2026-11-01', to: '2026-11-30', status: 'APPROVED', subjectType: 'ODD' },
      locale: 'en',
      requestedById: null,
      requestedByName: 'Chen Jing',
      now,
    });
    expect(dataExport.locale).toBe('en');
    expect(en.text(dataExport.describe())).toBe(
      'Excel export of requests, 2026-11-01 to 2026-11-30, status “Approved”, subject type “ODD”',
    );
    expect(zh.text(dataExport.describe())).toBe(
      '申请导出（Excel），2026-11-01 至 2026-11-30，状态“已通过”，主体类型“ODD”',
    );
  });

  it('is queued again after a failed attempt, and fails for good after the last one', () => {
    const dataExport = requested();
    dataExport.start(1, now);
    dataExport.attemptFailed('disk full', true, now);
    expect(dataExport.status).toBe('QUEUED');
    dataExport.start(2, now);
    dataExport.attemptFailed('disk still full', false, now);
    expect(dataExport.status).toBe('FAILED');
    expect(dataExport.toProps().lastError).toBe('disk still full');
    expect(() => dataExport.downloadableFile()).toThrow(ExportNotReadyError);
  });

  it('offers its file only once complete, and not after the retention job removed it', () => {
    const dataExport = requested();
    expect(() => dataExport.downloadableFile()).toThrow(ExportNotReadyError);
    dataExport.start(1, now);
    dataExport.complete(file, now);
    expect(dataExport.downloadableFile()).toEqual(file);
    expect(dataExport.isExpired(new Date(now.getTime() + 89 * 86_400_000), 90)).toBe(false);
    expect(dataExport.isExpired(new Date(now.getTime() + 90 * 86_400_000), 90)).toBe(true);
    expect(dataExport.remove(now)).toBe(file.fileKey);
    expect(() => dataExport.downloadableFile()).toThrow(ExportRemovedError);
    expect(() => dataExport.start(2, now)).toThrow(InvalidExportTransitionError);
  });

  it('offers its SHA-256 as a line sha256sum -c reads, naming the file as the download does, only while the file is offered', () => {
    const dataExport = requested();
    expect(() => dataExport.checksumFile()).toThrow(ExportNotReadyError);
    dataExport.start(1, now);
    dataExport.complete(file, now);
    expect(dataExport.checksumFile()).toEqual({
      fileName: 'audit-events_2026-11-01_2026-11-30_0b6f0c1e.csv.sha256',
      content: `${'f'.repeat(64)}  audit-events_2026-11-01_2026-11-30_0b6f0c1e.csv\n`,
      file,
    });
    dataExport.remove(now);
    expect(() => dataExport.checksumFile()).toThrow(ExportRemovedError);
  });

  it('reads a form, listing every problem in words', () => {
    const read = readExportRequest({
      dataset: 'people',
      format: 'pdf',
      from: '2026-13-01',
      to: '',
    });
    expect(read).toEqual({
      ok: false,
      problems: [
        msg('exports.problem.dataset'),
        msg('exports.problem.format'),
        msg('exports.problem.from'),
        msg('exports.problem.to'),
      ],
    });
    expect(
      readExportRequest({
        dataset: 'requests',
        format: 'xlsx',
        from: '2026-11-01',
        to: '2026-11-30',
        actor: 'x',
        status: 'APPROVED',
      }),
    ).toEqual({
      ok: true,
      value: {
        dataset: 'requests',
        format: 'XLSX',
        filters: { from: '2026-11-01', to: '2026-11-30', status: 'APPROVED' },
      },
    });
  });
});

describe('the refusals of an export', () => {
  const problems = [msg('exports.problem.from'), msg('exports.problem.order')];
  const sentences = [
    [
      new InvalidExportRequestError(problems),
      'The export cannot be started: give the first day of the range as a date; the first day of the range must not be after the last.',
      '无法开始导出：请填写范围的开始日期；开始日期不能晚于结束日期。',
    ],
    [
      new InvalidExportRequestError([
        msg('exports.problem.tooLong', { filter: 'requestReference' }),
      ]),
      'The export cannot be started: the request reference filter is too long.',
      '无法开始导出：申请编号筛选条件过长。',
    ],
    [new ExportNotFoundError('x-1'), 'There is no export x-1.', '没有编号为 x-1 的导出。'],
    [
      new ExportNotReadyError('FAILED'),
      'This export failed, so there is no file to download. Start a new export.',
      '此导出已失败，没有可下载的文件。请重新导出。',
    ],
    [
      new ExportNotReadyError('RUNNING'),
      'This export is not finished yet; download it once it is complete.',
      '此导出尚未完成，完成后即可下载。',
    ],
    [
      new ExportRemovedError(),
      "This export's file was removed after the retention period. Start a new export.",
      '此导出的文件已在保留期满后删除。请重新导出。',
    ],
    [
      new InvalidExportTransitionError('REMOVED', 'start'),
      'An export that is removed cannot be started.',
      '已删除的导出不能开始。',
    ],
    [
      new ExportFileMissingError(),
      "This export's file is no longer in the export folder. Start a new export.",
      '导出文件夹中已没有此导出的文件。请重新导出。',
    ],
  ] as const;

  it.each(sentences)(
    '%s reads as a sentence in English and in Chinese',
    (error, english, chinese) => {
      expect(en.text(error.sentence)).toBe(english);
      expect(zh.text(error.sentence)).toBe(chinese);
      expect(error.message).toBe(error.code);
    },
  );
});
