import { describe, expect, it } from '@jest/globals';
import { DataExport } from './data-export.js';
import { ExportNotReadyError, ExportRemovedError } from './data-export.errors.js';
import { readExportRequest } from './export-filters.js';

const now = new Date('2026-11-25T02:00:00Z');
const requested = () =>
  DataExport.request({
    id: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10',
    dataset: 'audit-events',
    format: 'CSV',
    filters: { from: '2026-11-01', to: '2026-11-30', actor: 'Wang' },
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
  it('describes itself in words and names its file', () => {
    const dataExport = requested();
    expect(dataExport.describe()).toBe(
      'CSV export of audit events, 2026-11-01 to 2026-11-30, actor “Wang”',
    );
    expect(dataExport.fileName()).toBe('audit-events_2026-11-01_2026-11-30_0b6f0c1e.csv');
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
    expect(() => dataExport.downloadableFile()).toThrow('not finished yet');
    dataExport.start(1, now);
    dataExport.complete(file, now);
    expect(dataExport.downloadableFile()).toEqual(file);
    expect(dataExport.isExpired(new Date(now.getTime() + 89 * 86_400_000), 90)).toBe(false);
    expect(dataExport.isExpired(new Date(now.getTime() + 90 * 86_400_000), 90)).toBe(true);
    expect(dataExport.remove(now)).toBe(file.fileKey);
    expect(() => dataExport.downloadableFile()).toThrow(ExportRemovedError);
  });

  it('reads a form, listing every problem in words', () => {
    expect(
      readExportRequest({ dataset: 'people', format: 'pdf', from: '2026-13-01', to: '' }),
    ).toEqual({
      ok: false,
      problems: [
        'choose what to export (audit events or requests)',
        'choose a format (CSV or Excel)',
        'give the first day of the range as a date',
        'give the last day of the range as a date',
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
