import { describe, expect, it } from '@jest/globals';
import { msg } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import type { ExportListItem } from '../../application/queries/list-exports/list-exports.query.js';
import { presentExports } from './exports.presenter.js';

const translator = new Translator('Asia/Shanghai');

function item(id: string, fields: Partial<ExportListItem>): ExportListItem {
  return {
    id,
    description: msg('exports.title'),
    dataset: 'audit-events',
    fileName: `${id}.csv`,
    format: 'CSV',
    status: 'COMPLETED',
    requestedAt: new Date('2026-11-30T01:00:00Z'),
    requestedByName: 'Zhao Min',
    finishedAt: null,
    attempts: 1,
    percent: 100,
    rowsWritten: 10,
    rowsExpected: 10,
    rowCount: 10,
    sizeBytes: 1536,
    sha256: 'ab'.repeat(32),
    chainHead: null,
    statementCheckpointNo: null,
    lastError: null,
    ...fields,
  };
}

describe('presentExports', () => {
  const settings = {
    now: new Date('2026-11-30T17:00:00Z'),
    zone: 'Asia/Shanghai',
    retentionDays: 7,
  };

  it('says of each export its badge, whether it can be downloaded, its size, and whether it is retrying', () => {
    const page = presentExports(
      [
        item('done', {}),
        item('again', { status: 'QUEUED', attempts: 1, sizeBytes: null, sha256: null }),
      ],
      settings,
    );
    const [done, again] = page.exports;
    expect(done).toMatchObject({
      badge: 'badge-ok',
      canDownload: true,
      pending: false,
      size: '1.5 KB',
      retrying: false,
    });
    expect(again).toMatchObject({
      badge: 'badge-neutral',
      canDownload: false,
      pending: true,
      showProgress: true,
      size: '',
      retrying: true,
    });
    expect(translator.words('en').text(done!.statusLabel)).toBe('Completed');
    expect(translator.words('zh-CN').text(done!.statusLabel)).toBe('已完成');
    expect(page.anyPending).toBe(true);
  });

  it('offers this month so far, in the business time zone, as the range', () => {
    // 01:00 on 1 December in Shanghai is still 30 November in UTC.
    expect(presentExports([], settings).defaults).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(presentExports([], settings).anyPending).toBe(false);
  });
});
