import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { describeAuditEvent } from '../../src/audit/application/audit-event-wording.js';
import { RemoveExpiredExportsCommand } from '../../src/audit/application/commands/remove-expired-exports/remove-expired-exports.command.js';
import { REQUEST_COLUMNS } from '../../src/audit/application/exports/export-datasets.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../src/audit/application/ports/data-export.repository.js';
import { DataExport } from '../../src/audit/domain/data-export.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import {
  EXPORT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import {
  appendAuditEvents,
  download,
  exportIdOf,
  waitForExport,
} from '../support/audit-fixtures.js';
import { insertRequest } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const run = promisify(execFile);
const ZONE = 'Asia/Shanghai';
const en = new Translator(ZONE).words('en');
/** Monday to Friday; the Sunday before counts on the Monday, the Saturday after on the next Monday. */
const FROM = '2025-11-10';
const TO = '2025-11-14';
const beijing = (wallClock: string): Date => DateTime.fromISO(wallClock, { zone: ZONE }).toJSDate();

/** The file name a download gives (its Content-Disposition). */
function fileNameOf(contentDisposition: string | undefined): string {
  const match = /filename="([^"]+)"/.exec(contentDisposition ?? '');
  if (!match) throw new Error(`no file name in ${contentDisposition}`);
  return match[1]!;
}

describe('export files an auditor can hand on', () => {
  let t: TestApp;
  let auditor: TestStaff;
  let reviewer: TestStaff;
  let english: WebSession;
  let chinese: WebSession;
  /** Every total the running exports announced for their progress bars, by export. */
  const announcedTotals = new Map<string, number[]>();

  beforeAll(async () => {
    // A database of its own: the requests exports hold exactly the requests seeded here.
    t = await startTestApp({ ownDatabase: true });
    const repository = t.app.get<DataExportRepository>(DATA_EXPORT_REPOSITORY);
    const recordProgress = repository.recordProgress.bind(repository);
    repository.recordProgress = async (id, rowsWritten, rowsExpected) => {
      if (rowsExpected !== undefined) {
        announcedTotals.set(id, [...(announcedTotals.get(id) ?? []), rowsExpected]);
      }
      return recordProgress(id, rowsWritten, rowsExpected);
    };
    [auditor, reviewer] = await Promise.all([
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'REVIEWER'),
    ]);
    const chineseAuditor = await createStaff(t.app, 'AUDITOR', '赵敏');
    english = await signedIn(t.url, auditor.email, auditor.password);
    chinese = await signedIn(t.url, chineseAuditor.email, chineseAuditor.password, 'zh-CN');

    // In the range: sent for a second approval four times (three times by Li Na), sent back
    // three times, then approved.
    const approved = await insertRequest(t.dataSource, {
      reference: 'EXP-IN-APPROVED',
      receivedAt: beijing('2025-11-10T10:00:00'),
      subjectType: 'ORGANIZATION',
      firstApprovedBy: 'Li Na',
      secondApprovedBy: 'Wang Fang',
      decision: { outcome: 'APPROVED', at: beijing('2025-11-11T15:30:00'), byName: 'Wang Fang' },
    });
    const submitters = ['Li Na', 'Li Na', 'Chen Jing', 'Li Na'];
    await appendAuditEvents(
      t.dataSource,
      submitters.flatMap((name, index) => [
        {
          occurredAt: beijing(`2025-11-10T1${index}:30:00`),
          actorType: 'STAFF',
          actorId: null,
          actorRole: 'REVIEWER',
          actorName: name,
          action: 'request.approved',
          requestId: approved,
          subjectId: null,
          details: { awaitingSecondApproval: true },
          ip: null,
        },
        ...(index < submitters.length - 1
          ? [
              {
                occurredAt: beijing(`2025-11-10T1${index}:45:00`),
                actorType: 'STAFF',
                actorId: null,
                actorRole: 'SENIOR_REVIEWER',
                actorName: 'Wang Fang',
                action: 'request.returned_for_review',
                requestId: approved,
                subjectId: null,
                details: {},
                ip: null,
              },
            ]
          : []),
      ]),
    );
    // Received on the Sunday before: it counts on Monday, inside the range.
    await insertRequest(t.dataSource, {
      reference: 'EXP-IN-SUNDAY',
      receivedAt: beijing('2025-11-09T11:00:00'),
    });
    // Outside the range, though near it: ten days before, and on the Saturday after.
    await insertRequest(t.dataSource, {
      reference: 'EXP-OUT-BEFORE',
      receivedAt: beijing('2025-10-31T10:00:00'),
    });
    await insertRequest(t.dataSource, {
      reference: 'EXP-OUT-SATURDAY',
      receivedAt: beijing('2025-11-15T10:00:00'),
    });
  });
  afterAll(() => t.close());

  /** Asks for an export through the form and waits until its file is written. */
  async function exported(
    session: WebSession,
    fields: Record<string, string>,
  ): Promise<{ id: string; rowCount: number; sha256: string }> {
    await session.page('/exports');
    const response = await session.submit('/exports', { from: FROM, to: TO, ...fields });
    expect(response.status).toBe(303);
    const id = exportIdOf(response.headers.location);
    const done = await waitForExport(t.dataSource, id);
    expect(done.status).toBe('COMPLETED');
    return { id, rowCount: Number(done.row_count), sha256: done.sha256! };
  }

  const workbookOf = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    return workbook;
  };

  describe('the SHA-256 file', () => {
    it('passes sha256sum -c beside the downloaded file, for CSV and Excel, and is audited', async () => {
      for (const format of ['CSV', 'XLSX'] as const) {
        const { id, sha256 } = await exported(english, { dataset: 'requests', format });
        const file = await download(english, `/exports/${id}/download`);
        expect(file.status).toBe(200);
        const fileName = fileNameOf(file.headers['content-disposition']);
        expect(fileName).toMatch(
          new RegExp(`^requests_${FROM}_${TO}_[0-9a-f]{8}\\.${format === 'CSV' ? 'csv' : 'xlsx'}$`),
        );

        const checksum = await download(english, `/exports/${id}/download.sha256`);
        expect(checksum.status).toBe(200);
        expect(checksum.headers['content-type']).toBe('text/plain; charset=utf-8');
        expect(checksum.headers['cache-control']).toBe('no-store');
        expect(fileNameOf(checksum.headers['content-disposition'])).toBe(`${fileName}.sha256`);
        const line = (checksum.body as Buffer).toString('utf8');
        expect(line).toBe(`${sha256}  ${fileName}\n`);

        const dir = await mkdtemp(path.join(tmpdir(), 'export-sha256-'));
        try {
          await writeFile(path.join(dir, fileName), file.body as Buffer);
          await writeFile(path.join(dir, `${fileName}.sha256`), checksum.body as Buffer);
          const checked = await run('sha256sum', ['-c', `${fileName}.sha256`], { cwd: dir });
          expect(checked.stdout).toBe(`${fileName}: OK\n`);

          // A file changed on the way fails the check.
          const changed = Buffer.from(file.body as Buffer);
          changed[changed.length - 1] = changed[changed.length - 1]! ^ 1;
          await writeFile(path.join(dir, fileName), changed);
          await expect(
            run('sha256sum', ['-c', `${fileName}.sha256`], { cwd: dir }),
          ).rejects.toMatchObject({ code: 1, stdout: `${fileName}: FAILED\n` });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }

        const audited: { action: string; actor_id: string; details: Record<string, unknown> }[] =
          await t.dataSource.query(
            `SELECT action, actor_id, details FROM audit_events
              WHERE details->>'exportId' = $1 AND action LIKE 'export.%download%' ORDER BY seq`,
            [id],
          );
        expect(audited.map((event) => [event.action, event.actor_id])).toEqual([
          ['export.downloaded', auditor.id],
          ['export.checksum_downloaded', auditor.id],
        ]);
        expect(audited[1]!.details).toMatchObject({ sha256, format, dataset: 'requests' });
        expect(
          en.text(
            describeAuditEvent({
              action: 'export.checksum_downloaded',
              actorType: 'STAFF',
              actorName: auditor.name,
              details: audited[1]!.details,
            }).sentence,
          ),
        ).toBe(
          `${auditor.name} downloaded the SHA-256 checksum of the ${format === 'CSV' ? 'CSV' : 'Excel'} export of requests`,
        );

        // The list shows the hash and offers the file beside the download.
        const page = await english.page('/exports');
        const row = new RegExp(`<tr id="export-${id}"[\\s\\S]*?</tr>`).exec(page.text)![0];
        expect(row).toContain(`>${sha256}</code>`);
        expect(row).toContain(`href="/exports/${id}/download.sha256"`);
        expect(row).toContain('>SHA-256 file</a>');
        expect(row).toContain(`sha256sum -c ${fileName}.sha256`);
      }
    });

    it('is refused as the download is: to a reviewer, before the file is written, after it was removed or lost', async () => {
      const { id } = await exported(english, { dataset: 'requests', format: 'CSV' });
      const reviewerSession = await signedIn(t.url, reviewer.email, reviewer.password);
      expect((await reviewerSession.agent.get(`/exports/${id}/download.sha256`)).status).toBe(403);

      const queued = DataExport.request({
        id: randomUUID(),
        dataset: 'requests',
        format: 'CSV',
        filters: { from: FROM, to: TO },
        locale: 'en',
        requestedById: auditor.id,
        requestedByName: auditor.name,
        now: new Date(),
      });
      await t.app.get<DataExportRepository>(DATA_EXPORT_REPOSITORY).save(queued);
      const notReady = await english.agent.get(`/exports/${queued.id}/download.sha256`);
      expect(notReady.status).toBe(409);
      expect(notReady.text).toContain('This export is not finished yet');

      expect((await english.agent.get(`/exports/${randomUUID()}/download.sha256`)).status).toBe(
        404,
      );

      const lost = await exported(english, { dataset: 'requests', format: 'CSV' });
      const [lostRow] = await t.dataSource.query(
        `SELECT file_key FROM data_exports WHERE id = $1`,
        [lost.id],
      );
      await t.app.get<ObjectStore>(EXPORT_OBJECTS).remove(lostRow.file_key);
      const missing = await english.agent.get(`/exports/${lost.id}/download.sha256`);
      expect(missing.status).toBe(404);
      expect(missing.text).toContain('no longer in the export folder');

      const expired = await exported(english, { dataset: 'requests', format: 'CSV' });
      await t.dataSource.query(
        `UPDATE data_exports SET finished_at = finished_at - interval '91 days' WHERE id = $1`,
        [expired.id],
      );
      await t.app.get(CommandBus).execute(new RemoveExpiredExportsCommand(90));
      const removed = await english.agent.get(`/exports/${expired.id}/download.sha256`);
      expect(removed.status).toBe(404);
      expect(removed.text).toContain('removed after the retention period');

      const checksums = await t.dataSource.query(
        `SELECT details->>'exportId' AS id FROM audit_events WHERE action = 'export.checksum_downloaded'
            AND details->>'exportId' = ANY($1)`,
        [[id, queued.id, lost.id, expired.id]],
      );
      expect(checksums).toEqual([]);
    });

    it('checks afresh that the account may still download it, whatever the read caches hold', async () => {
      const { id } = await exported(english, { dataset: 'requests', format: 'CSV' });
      // Another instance on the same database, relying on its read caches for a minute.
      const cached = await startTestApp({
        env: {
          DATABASE_URL: t.config.DATABASE_URL,
          STAFF_CHECK_CACHE_SECONDS: '60',
          SESSION_READ_CACHE_SECONDS: '60',
        },
      });
      try {
        const leaving = await createStaff(cached.app, 'AUDITOR');
        const session = await signedIn(cached.url, leaving.email, leaving.password);
        expect((await session.agent.get(`/exports/${id}/download.sha256`)).status).toBe(200);
        // Deactivated from elsewhere: this instance has just seen the account active.
        await t.dataSource.query(`UPDATE staff_members SET active = false WHERE id = $1`, [
          leaving.id,
        ]);
        const refused = await session.agent.get(`/exports/${id}/download.sha256`);
        expect(refused.status).not.toBe(200);
        expect(refused.text ?? '').not.toMatch(/^[0-9a-f]{64} {2}/);
        const audited = await t.dataSource.query(
          `SELECT 1 FROM audit_events WHERE action = 'export.checksum_downloaded' AND actor_id = $1`,
          [leaving.id],
        );
        expect(audited).toHaveLength(1);
      } finally {
        await cached.close();
      }
    });
  });

  describe('an Excel file', () => {
    it('holds date cells of Beijing wall-clock time, numbers as numbers, a frozen, filtered header and sensible widths', async () => {
      const { id, rowCount } = await exported(english, { dataset: 'requests', format: 'XLSX' });
      expect(rowCount).toBe(2);
      const workbook = await workbookOf(
        (await download(english, `/exports/${id}/download`)).body as Buffer,
      );
      const sheet = workbook.getWorksheet('Requests')!;
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBe(`A1:Z${rowCount + 1}`);
      expect(REQUEST_COLUMNS).toHaveLength(26);

      const column = (code: (typeof REQUEST_COLUMNS)[number]) => REQUEST_COLUMNS.indexOf(code) + 1;
      const header = (code: (typeof REQUEST_COLUMNS)[number]) =>
        sheet.getRow(1).getCell(column(code)).value;
      expect(header('received_at')).toBe('Received at (UTC+8)');
      expect(header('decided_at')).toBe('Decided at (UTC+8)');
      expect(header('sent_back_count')).toBe('Sent back at second approval (count)');
      expect(header('business_minutes_to_decision')).toBe('Time to decision (business minutes)');
      expect(sheet.getRow(1).getCell(1).font).toMatchObject({ bold: true });

      const row = [2, 3]
        .map((number) => sheet.getRow(number))
        .find((candidate) => candidate.getCell(column('reference')).value === 'EXP-IN-APPROVED')!;
      const cell = (code: (typeof REQUEST_COLUMNS)[number]) => row.getCell(column(code));

      expect(cell('received_at').type).toBe(ExcelJS.ValueType.Date);
      expect(cell('received_at').value).toBeInstanceOf(Date);
      // 10:00 in Beijing is what the cell says (Excel cells have no zone).
      expect((cell('received_at').value as Date).toISOString()).toBe('2025-11-10T10:00:00.000Z');
      expect(cell('received_at').numFmt).toBe('yyyy-mm-dd hh:mm');
      expect((cell('decided_at').value as Date).toISOString()).toBe('2025-11-11T15:30:00.000Z');
      expect(cell('decided_at').numFmt).toBe('yyyy-mm-dd hh:mm');
      expect(cell('received_on').type).toBe(ExcelJS.ValueType.Date);
      expect((cell('received_on').value as Date).toISOString()).toBe('2025-11-10T00:00:00.000Z');
      expect(cell('received_on').numFmt).toBe('yyyy-mm-dd');

      expect(cell('sent_back_count').type).toBe(ExcelJS.ValueType.Number);
      expect(cell('sent_back_count').value).toBe(3);
      expect(cell('business_minutes_to_decision').type).toBe(ExcelJS.ValueType.Number);
      // Monday 10:00 to Tuesday 15:30: 8 business hours, then 6.5.
      expect(cell('business_minutes_to_decision').value).toBe(8 * 60 + 6.5 * 60);
      expect(cell('submitted_for_second_approval_by').value).toBe(
        'Li Na (3 times, 2 sent back); Chen Jing (sent back)',
      );

      const widths = sheet.columns.map((each) => each.width ?? 0);
      expect(widths[column('received_at') - 1]).toBeGreaterThanOrEqual(18);
      expect(widths[column('reference') - 1]).toBeGreaterThanOrEqual(15);
      expect(Math.min(...widths)).toBeGreaterThanOrEqual(10);
      expect(Math.max(...widths)).toBeLessThanOrEqual(80);

      // The summary still states the filters, the rows and the chain head.
      const summary = new Map(
        workbook
          .getWorksheet('Summary')!
          .getSheetValues()
          .slice(2)
          .map((values) => (values as unknown[]).slice(1).map(String) as [string, string]),
      );
      expect(summary.get('Filters')).toBe(`${FROM} to ${TO}`);
      expect(summary.get('Rows')).toBe('2');
      expect(summary.get('Audit chain head')).toMatch(/^#\d+ [0-9a-f]{64}$/);
    });

    it('writes the audit trail’s times as date cells and its sequence numbers as numbers', async () => {
      const { id, rowCount } = await exported(english, {
        dataset: 'audit-events',
        format: 'XLSX',
        from: '2025-11-10',
        to: '2025-11-10',
        action: 'request.returned_for_review',
      });
      expect(rowCount).toBe(3);
      const workbook = await workbookOf(
        (await download(english, `/exports/${id}/download`)).body as Buffer,
      );
      const sheet = workbook.getWorksheet('Audit events')!;
      expect(sheet.getRow(1).getCell(2).value).toBe('Occurred at (UTC+8)');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      // Thirteen columns (A–M), the header and the three rows.
      expect(sheet.autoFilter).toBe('A1:M4');
      const first = sheet.getRow(2);
      expect(first.getCell(1).type).toBe(ExcelJS.ValueType.Number);
      expect(first.getCell(2).type).toBe(ExcelJS.ValueType.Date);
      expect((first.getCell(2).value as Date).toISOString()).toBe('2025-11-10T10:45:00.000Z');
      expect(first.getCell(2).numFmt).toBe('yyyy-mm-dd hh:mm');
    });
  });

  describe('the words', () => {
    it('name a count column as a count and a person once, in English and in Chinese', async () => {
      const englishCsv = await exported(english, { dataset: 'requests', format: 'CSV' });
      const chineseCsv = await exported(chinese, { dataset: 'requests', format: 'CSV' });
      const rowsOf = async (session: WebSession, id: string): Promise<string[][]> =>
        parse((await download(session, `/exports/${id}/download`)).body as Buffer, {
          bom: true,
          relax_column_count: true,
        });
      const inEnglish = await rowsOf(english, englishCsv.id);
      const inChinese = await rowsOf(chinese, chineseCsv.id);
      const at = (code: (typeof REQUEST_COLUMNS)[number]) => REQUEST_COLUMNS.indexOf(code);
      const approvedIn = (rows: string[][]) =>
        rows.find((row) => row[at('reference')] === 'EXP-IN-APPROVED')!;

      expect(inEnglish[0]![at('sent_back_count')]).toBe('Sent back at second approval (count)');
      expect(inChinese[0]![at('sent_back_count')]).toBe('复核退回（次数）');
      expect(inEnglish[0]![at('received_at')]).toBe('Received at (UTC+8)');
      expect(inChinese[0]![at('received_at')]).toBe('收到时间（UTC+8）');
      expect(approvedIn(inEnglish)[at('submitted_for_second_approval_by')]).toBe(
        'Li Na (3 times, 2 sent back); Chen Jing (sent back)',
      );
      expect(approvedIn(inChinese)[at('submitted_for_second_approval_by')]).toBe(
        'Li Na（3 次，退回 2 次）；Chen Jing（被退回）',
      );
      expect(approvedIn(inEnglish)[at('sent_back_count')]).toBe('3');
      expect(approvedIn(inEnglish)[at('received_at')]).toBe('2025-11-10T10:00:00.000+08:00');
    });

    it('say on the form which date the range picks by, in English and in Chinese', async () => {
      const englishForm = (await english.page('/exports')).text;
      expect(englishForm).toContain('<legend>Date range (both days included)</legend>');
      expect(englishForm).toContain(
        'Audit events are picked by the day they happened. Requests are picked by the business day they were received or decided (either one in the range; a day off counts on the next business day).',
      );
      const chineseForm = (await chinese.page('/exports')).text;
      expect(chineseForm).toContain('<legend>日期范围（含首尾两天）</legend>');
      expect(chineseForm).toContain(
        '审计日志按事件发生的日期筛选。申请按收到或办结的工作日筛选（任一在范围内即可；非工作日计入下一个工作日）。',
      );
    });

    it('call an Excel export an Excel export, in the list and in the audit trail', async () => {
      const { id } = await exported(english, { dataset: 'requests', format: 'XLSX' });
      const englishList = (await english.page('/exports')).text;
      expect(englishList).toContain(`Excel export of requests, ${FROM} to ${TO}`);
      expect(englishList).not.toMatch(/XLSX export/i);
      expect((await chinese.page('/exports')).text).toContain(
        `申请导出（Excel），${FROM} 至 ${TO}`,
      );
      const [requested] = await t.dataSource.query(
        `SELECT actor_type, actor_name, details FROM audit_events
          WHERE action = 'export.requested' AND details->>'exportId' = $1`,
        [id],
      );
      const sentence = (locale: 'en' | 'zh-CN') =>
        new Translator(ZONE).words(locale).text(
          describeAuditEvent({
            action: 'export.requested',
            actorType: requested.actor_type,
            actorName: requested.actor_name,
            details: requested.details,
          }).sentence,
        );
      expect(sentence('en')).toBe(
        `${auditor.name} requested an Excel export of requests (${FROM} to ${TO})`,
      );
      expect(sentence('zh-CN')).toContain('（Excel，');
    });
  });

  it('never shows a progress total larger than the rows the file holds', async () => {
    const exports = [
      await exported(english, { dataset: 'requests', format: 'CSV' }),
      await exported(english, { dataset: 'requests', format: 'XLSX', status: 'PENDING_REVIEW' }),
      await exported(english, {
        dataset: 'audit-events',
        format: 'CSV',
        from: '2025-11-10',
        to: '2025-11-10',
      }),
    ];
    expect(exports.map((each) => each.rowCount)).toEqual([2, 1, 7]);
    for (const { id, rowCount } of exports) {
      const totals = announcedTotals.get(id) ?? [];
      expect(totals.length).toBeGreaterThan(0);
      for (const total of totals) expect({ id, total }).toEqual({ id, total: rowCount });
    }
    // The old estimate read 16 days before the range and 2 after: 4 requests, not 2.
  });
});
