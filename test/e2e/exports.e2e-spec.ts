import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { chinaOfficialCalendar } from '@lib/business-calendar';
import {
  auditActionLabel,
  describeAuditEvent,
} from '../../src/audit/application/audit-event-wording.js';
import { RemoveExpiredExportsCommand } from '../../src/audit/application/commands/remove-expired-exports/remove-expired-exports.command.js';
import { ResumeStalledExportsCommand } from '../../src/audit/application/commands/resume-stalled-exports/resume-stalled-exports.command.js';
import {
  AUDIT_EVENT_COLUMNS,
  REQUEST_COLUMNS,
  exportLayout,
} from '../../src/audit/application/exports/export-datasets.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../src/audit/application/ports/data-export.repository.js';
import { EXPORT_QUEUE, type ExportQueue } from '../../src/audit/application/ports/export-queue.js';
import { DataExport } from '../../src/audit/domain/data-export.js';
import { maskPersonalData } from '../../src/shared/domain/personal-data.js';
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
  type ExportRow,
} from '../support/audit-fixtures.js';
import { insertRequest } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { WebSession, signedIn } from '../support/web-session.js';

const SEEDED = 10_000;
const DAY = '2026-03-02';
const ID_NUMBER = '33010219900101123X';
const en = new Translator('Asia/Shanghai').words('en');
const zh = new Translator('Asia/Shanghai').words('zh-CN');
/** The English headers of the audit-events export (sessions read the desk in English). */
const AUDIT_EVENT_HEADERS = exportLayout('audit-events', en, 'Asia/Shanghai').columns.map(
  (column) => column.header,
);

interface SeededEvent {
  seq: string;
  occurred_at: Date;
  actor_type: string;
  actor_name: string;
  actor_role: string | null;
  action: string;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

describe('exports of the audit trail', () => {
  let t: TestApp;
  let auditor: TestStaff;
  let reviewer: TestStaff;
  let session: WebSession;
  const seeder = `Seeder ${randomBytes(3).toString('hex')}`;
  let seeded: SeededEvent[];

  beforeAll(async () => {
    t = await startTestApp();
    [auditor, reviewer] = await Promise.all([
      createStaff(t.app, 'AUDITOR', `Chen Jing ${randomBytes(2).toString('hex')}`),
      createStaff(t.app, 'REVIEWER'),
    ]);
    const base = DateTime.fromISO(`${DAY}T09:00:00`, { zone: 'Asia/Shanghai' });
    const actions = [
      'request.claimed',
      'request.checks_recorded',
      'request.released',
      'request.rejected',
    ];
    await appendAuditEvents(
      t.dataSource,
      Array.from({ length: SEEDED }, (_, index) => ({
        occurredAt: base.plus({ seconds: index }).toJSDate(),
        actorType: 'STAFF',
        actorId: reviewer.id,
        actorRole: 'REVIEWER',
        actorName: seeder,
        action: actions[index % actions.length]!,
        requestId: null,
        subjectId: null,
        details: {
          index,
          note: `审核记录 ${index}, "quoted", comma`,
          ...(index % 1000 === 7
            ? { applicantIdNumber: ID_NUMBER, because: `ID ${ID_NUMBER}` }
            : {}),
          ...(index % 4 === 3 ? { reasons: ['DOCUMENT_UNCLEAR'] } : {}),
        },
        ip: '10.1.2.3',
      })),
    );
    seeded = await t.dataSource.query(
      `SELECT seq, occurred_at, actor_type, actor_name, actor_role, action, details, ip, hash
         FROM audit_events WHERE actor_name = $1 ORDER BY seq`,
      [seeder],
    );
    expect(seeded).toHaveLength(SEEDED);
    session = await signedIn(t.url, auditor.email, auditor.password);
  });
  afterAll(() => t.close());

  async function exportAuditEvents(format: 'CSV' | 'XLSX'): Promise<string> {
    await session.page('/exports');
    const response = await session.submit('/exports', {
      dataset: 'audit-events',
      format,
      from: DAY,
      to: DAY,
      actor: seeder,
    });
    expect(response.status).toBe(303);
    return exportIdOf(response.headers.location);
  }

  /**
   * The five things every export's summary says: its filters, its row count, when it
   * was written (in Shanghai time, while the job ran), who asked for it, and the chain head.
   */
  function expectSummary(
    summary: Map<string, string>,
    done: ExportRow,
    filters: string,
    rows: number,
  ): void {
    expect(summary.get('Filters')).toBe(filters);
    expect(summary.get('Rows')).toBe(String(rows));
    expect(Number(done.row_count)).toBe(rows);
    const exportedAt = summary.get('Exported at') ?? '';
    expect(exportedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$/);
    const at = new Date(exportedAt).getTime();
    const ran = done as ExportRow & { started_at: Date; finished_at: Date };
    expect(at).toBeGreaterThanOrEqual(new Date(ran.started_at).getTime());
    expect(at).toBeLessThanOrEqual(new Date(ran.finished_at).getTime());
    expect(summary.get('Exported by')).toBe(auditor.name);
    expect(done.chain_head_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.get('Audit chain head')).toBe(`#${done.chain_head_seq} ${done.chain_head_hash}`);
  }

  /** The CSV summary row ("Summary", "Rows: 3", …) as label → value. */
  const csvSummary = (row: string[]): Map<string, string> => {
    expect(row[0]).toBe('Summary');
    return new Map(
      row.slice(1).map((cell) => {
        const colon = cell.indexOf(': ');
        return [cell.slice(0, colon), cell.slice(colon + 2)] as [string, string];
      }),
    );
  };

  /** The Excel summary sheet as label → value. */
  const xlsxSummary = (workbook: ExcelJS.Workbook): Map<string, string> =>
    new Map(
      workbook
        .getWorksheet('Summary')!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1).map(String) as [string, string]),
    );

  function expectSameEvent(cells: unknown[], event: SeededEvent): void {
    const [
      seq,
      occurredAt,
      actor,
      role,
      type,
      action,
      description,
      ,
      ,
      inWords,
      details,
      ip,
      hash,
    ] = cells;
    expect(Number(seq)).toBe(Number(event.seq));
    if (occurredAt instanceof Date) {
      // Excel: a date cell holding the Beijing wall-clock time (cells have no zone).
      expect(occurredAt.getTime() - 8 * 3_600_000).toBe(event.occurred_at.getTime());
    } else {
      expect(new Date(String(occurredAt)).getTime()).toBe(event.occurred_at.getTime());
      expect(String(occurredAt)).toMatch(/\+08:00$/);
    }
    expect([actor, role, type, action, ip, hash]).toEqual([
      event.actor_name,
      en.t(`common.role.${event.actor_role as 'REVIEWER'}`),
      en.t(`exports.file.actorType.${event.actor_type as 'STAFF'}`),
      en.text(auditActionLabel(event.action)),
      event.ip,
      event.hash.trim(),
    ]);
    expect(description).toBe(
      en.text(
        describeAuditEvent({
          action: event.action,
          actorType: event.actor_type,
          actorName: event.actor_name,
          details: event.details,
        }).sentence,
      ),
    );
    expect(JSON.parse(String(details))).toEqual(maskPersonalData(event.details));
    // The same details in words for a person: labelled, masked, no JSON.
    expect(String(inWords)).not.toMatch(/^[{[]/);
    expect(String(inWords)).toContain(String(event.details.note));
    if ('applicantIdNumber' in event.details) expect(String(inWords)).not.toContain(ID_NUMBER);
  }

  it(`exports ${SEEDED} audit events as CSV that Excel reads as UTF-8, every row equal to the database`, async () => {
    const id = await exportAuditEvents('CSV');
    const done = await waitForExport(t.dataSource, id);
    expect(done.status).toBe('COMPLETED');
    expect(Number(done.row_count)).toBe(SEEDED);

    const file = await download(session, `/exports/${id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(file.headers['content-disposition']).toContain(`audit-events_${DAY}_${DAY}_`);
    const bytes = file.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(sha256).toBe(done.sha256);

    const text = bytes.toString('utf8');
    expect(text).not.toContain(ID_NUMBER);
    expect(text).toContain('330***********123X');
    const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
    expect(rows[0]).toEqual(AUDIT_EVENT_HEADERS);
    expect(rows[rows.length - 2]).toEqual([
      'Column codes',
      ...AUDIT_EVENT_COLUMNS.map((code, index) => `${code}=${AUDIT_EVENT_HEADERS[index]}`),
    ]);
    const data = rows.slice(1, -2);
    expect(data).toHaveLength(SEEDED);
    data.forEach((cells, index) => expectSameEvent(cells, seeded[index]!));

    const summary = rows[rows.length - 1]!;
    expect(summary[0]).toBe('Summary');
    expect(summary).toContain(`Rows: ${SEEDED}`);
    expect(summary).toContain(`Exported by: ${auditor.name}`);
    expect(summary).toContain(`Filters: ${DAY} to ${DAY}, actor “${seeder}”`);
    expect(summary).toContain(`Audit chain head: #${done.chain_head_seq} ${done.chain_head_hash}`);
    expect(Number(done.chain_head_seq)).toBeGreaterThanOrEqual(Number(seeded[SEEDED - 1]!.seq));
    expectSummary(csvSummary(summary), done, `${DAY} to ${DAY}, actor “${seeder}”`, SEEDED);

    const audited: { action: string; details: Record<string, unknown> }[] =
      await t.dataSource.query(
        `SELECT action, details FROM audit_events WHERE details->>'exportId' = $1 ORDER BY seq`,
        [id],
      );
    expect(audited.map((event) => event.action)).toEqual([
      'export.requested',
      'export.completed',
      'export.downloaded',
    ]);
    expect(audited[2]!.details).toMatchObject({ sha256, rowCount: SEEDED });
  });

  it(`exports the same ${SEEDED} events as an Excel workbook with a summary sheet`, async () => {
    const id = await exportAuditEvents('XLSX');
    const done = await waitForExport(t.dataSource, id);
    expect(done.status).toBe('COMPLETED');

    const file = await download(session, `/exports/${id}/download`);
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const bytes = file.body as Buffer;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(done.sha256);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Audit events',
      'Summary',
      'Column codes',
    ]);
    const sheet = workbook.getWorksheet('Audit events')!;
    const values = (rowNumber: number): unknown[] =>
      (sheet.getRow(rowNumber).values as unknown[]).slice(1);
    expect(values(1)).toEqual(AUDIT_EVENT_HEADERS);
    expect(sheet.actualRowCount).toBe(SEEDED + 1);
    for (let index = 0; index < SEEDED; index += 1) {
      const cells = values(index + 2);
      while (cells.length < AUDIT_EVENT_COLUMNS.length) cells.push(null);
      expectSameEvent(cells, seeded[index]!);
    }
    const summary = new Map(
      workbook
        .getWorksheet('Summary')!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1) as [string, string]),
    );
    expect(summary.get('Rows')).toBe(String(SEEDED));
    expect(summary.get('Exported by')).toBe(auditor.name);
    expect(summary.get('Audit chain head')).toBe(`#${done.chain_head_seq} ${done.chain_head_hash}`);
    expectSummary(xlsxSummary(workbook), done, `${DAY} to ${DAY}, actor “${seeder}”`, SEEDED);
  });

  it('puts the same summary on an export of requests, as CSV and as Excel', async () => {
    // A day of its own (a random business day of 2024), so only these requests fall in it;
    // one received on a day off would count on the next business day, outside the range.
    let day = DateTime.fromISO('2024-01-01', { zone: 'Asia/Shanghai' }).plus({
      days: Math.floor(Math.random() * 340),
    });
    while (!chinaOfficialCalendar().isBusinessDay(day.toISODate()!)) day = day.plus({ days: 1 });
    const run = randomBytes(3).toString('hex');
    for (const hour of [10, 11, 12])
      await insertRequest(t.dataSource, {
        reference: `EXP-${run}-${hour}`,
        receivedAt: day.set({ hour }).toJSDate(),
        subjectType: 'ORGANIZATION',
        decision: {
          outcome: 'APPROVED',
          at: day.set({ hour: hour + 2 }).toJSDate(),
          byName: 'Li Na',
        },
      });
    const date = day.toISODate()!;
    for (const format of ['CSV', 'XLSX'] as const) {
      await session.page('/exports');
      const response = await session.submit('/exports', {
        dataset: 'requests',
        format,
        from: date,
        to: date,
        subjectType: 'ORGANIZATION',
      });
      expect(response.status).toBe(303);
      const id = exportIdOf(response.headers.location);
      const done = await waitForExport(t.dataSource, id);
      expect([format, done.status]).toEqual([format, 'COMPLETED']);
      const file = await download(session, `/exports/${id}/download`);
      const bytes = file.body as Buffer;
      const filters = `${date} to ${date}, subject type “Organization”`;
      if (format === 'CSV') {
        const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
        const references = rows
          .slice(1, -2)
          .map((row) => row.find((cell) => cell.startsWith('EXP-')));
        expect(references.filter((reference) => reference?.startsWith(`EXP-${run}-`))).toHaveLength(
          3,
        );
        expectSummary(csvSummary(rows[rows.length - 1]!), done, filters, rows.length - 3);
      } else {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
        expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
          'Requests',
          'Summary',
          'Column codes',
        ]);
        const rows = workbook.getWorksheet('Requests')!.actualRowCount - 1;
        expect(rows).toBeGreaterThanOrEqual(3);
        expectSummary(xlsxSummary(workbook), done, filters, rows);
      }
    }
  });

  describe('in the language of the auditor who asks', () => {
    const run = randomBytes(3).toString('hex');
    const actorName = `李娜 ${run}`;
    let chineseAuditor: TestStaff;
    let chinese: WebSession;

    beforeAll(async () => {
      const base = DateTime.fromISO(`${DAY}T15:00:00`, { zone: 'Asia/Shanghai' });
      await appendAuditEvents(
        t.dataSource,
        ['request.claimed', 'request.rejected', 'request.released'].map((action, index) => ({
          occurredAt: base.plus({ minutes: index }).toJSDate(),
          actorType: 'STAFF',
          actorId: reviewer.id,
          actorRole: 'REVIEWER',
          actorName,
          action,
          requestId: null,
          subjectId: null,
          details: action === 'request.rejected' ? { reasons: ['DOCUMENT_UNCLEAR'] } : {},
          ip: '10.1.2.3',
        })),
      );
      // An auditor of their own: a browser in Chinese, no choice saved anywhere.
      chineseAuditor = await createStaff(t.app, 'AUDITOR', `陈静 ${run}`);
      chinese = new WebSession(t.url, 'zh-CN');
      expect((await chinese.signIn(chineseAuditor.email, chineseAuditor.password)).status).toBe(
        303,
      );
    });

    async function exportedBy(who: WebSession, format: 'CSV' | 'XLSX'): Promise<Buffer> {
      await who.page('/exports');
      const response = await who.submit('/exports', {
        dataset: 'audit-events',
        format,
        from: DAY,
        to: DAY,
        actor: actorName,
      });
      expect(response.status).toBe(303);
      const id = exportIdOf(response.headers.location);
      expect((await waitForExport(t.dataSource, id)).status).toBe('COMPLETED');
      const [row] = await t.dataSource.query(`SELECT locale FROM data_exports WHERE id = $1`, [id]);
      expect(row.locale).toBe(who === chinese ? 'zh-CN' : 'en');
      const file = await download(who, `/exports/${id}/download`);
      expect(file.status).toBe(200);
      return file.body as Buffer;
    }

    const chineseHeaders = exportLayout('audit-events', zh, 'Asia/Shanghai').columns.map(
      (column) => column.header,
    );

    it('writes a CSV asked for in Chinese with Chinese headers, words and summary: UTF-8 behind a BOM, as Excel opens it', async () => {
      const bytes = await exportedBy(chinese, 'CSV');
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
      expect(
        text.startsWith('序号,发生时间（UTC+8）,操作人,操作人角色,操作人类型,操作,说明,'),
      ).toBe(true);
      const rows: string[][] = parse(bytes, { bom: true, relax_column_count: true });
      expect(rows[0]).toEqual(chineseHeaders);
      expect(rows).toHaveLength(1 + 3 + 2);
      const [claimed, rejected] = rows.slice(1, 3);
      expect(claimed!.slice(2, 6)).toEqual([
        actorName,
        '审核员',
        '员工',
        zh.text(auditActionLabel('request.claimed')),
      ]);
      expect(rejected![6]).toContain('材料不清晰');
      expect(rows[4]).toEqual([
        '列代码',
        ...AUDIT_EVENT_COLUMNS.map((code, index) => `${code}=${chineseHeaders[index]}`),
      ]);
      const summary = rows[5]!;
      expect(summary[0]).toBe('汇总');
      expect(summary).toContain('行数：3');
      expect(summary).toContain(`导出人：${chineseAuditor.name}`);
      expect(summary).toContain(`筛选条件：${DAY} 至 ${DAY}，操作人“${actorName}”`);
      expect(summary).toContain(
        `导出内容：审计日志导出（CSV），${DAY} 至 ${DAY}，操作人“${actorName}”`,
      );

      // The same export asked for in English: English headers, the same column codes.
      const english: string[][] = parse(await exportedBy(session, 'CSV'), {
        bom: true,
        relax_column_count: true,
      });
      expect(english[0]).toEqual(AUDIT_EVENT_HEADERS);
      expect(english[1]!.slice(3, 6)).toEqual(['Reviewer', 'Staff member', 'Claimed']);
      const codesOf = (row: string[]) => row.slice(1).map((cell) => cell.split('=')[0]);
      expect(english[4]![0]).toBe('Column codes');
      expect(codesOf(english[4]!)).toEqual(codesOf(rows[4]!));
      expect(codesOf(rows[4]!)).toEqual([...AUDIT_EVENT_COLUMNS]);
      expect(english[5]).toContain('Rows: 3');
    });

    it('writes an Excel workbook asked for in Chinese with Chinese sheets and headers, and a sheet of column codes', async () => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await exportedBy(chinese, 'XLSX')) as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        '审计日志',
        '汇总',
        '列代码',
      ]);
      const rowsOf = (book: ExcelJS.Workbook, name: string): unknown[][] =>
        book
          .getWorksheet(name)!
          .getSheetValues()
          .slice(1)
          .map((row) => (row as unknown[]).slice(1));
      const data = rowsOf(workbook, '审计日志');
      expect(data[0]).toEqual(chineseHeaders);
      expect(data[1]!.slice(3, 5)).toEqual(['审核员', '员工']);
      const codes = rowsOf(workbook, '列代码');
      expect(codes).toEqual([
        ['代码', '列名'],
        ...AUDIT_EVENT_COLUMNS.map((code, index) => [code, chineseHeaders[index]]),
      ]);
      const summary = new Map(rowsOf(workbook, '汇总').map((row) => [row[0], row[1]]));
      expect(summary.get('项目')).toBe('内容');
      expect(summary.get('行数')).toBe('3');
      expect(summary.get('导出人')).toBe(chineseAuditor.name);

      const english = new ExcelJS.Workbook();
      await english.xlsx.load((await exportedBy(session, 'XLSX')) as unknown as ArrayBuffer);
      expect(english.worksheets.map((sheet) => sheet.name)).toEqual([
        'Audit events',
        'Summary',
        'Column codes',
      ]);
      expect(rowsOf(english, 'Audit events')[0]).toEqual(AUDIT_EVENT_HEADERS);
      const englishCodes = rowsOf(english, 'Column codes');
      expect(englishCodes[0]).toEqual(['Code', 'Column']);
      expect(englishCodes.slice(1).map((row) => row[0])).toEqual([...AUDIT_EVENT_COLUMNS]);
    });

    it('writes the requests export’s codes as Chinese words, and lists the exports in Chinese', async () => {
      const reference = `ZH-${run}`;
      const received = DateTime.fromISO(`${DAY}T10:00:00`, { zone: 'Asia/Shanghai' });
      await insertRequest(t.dataSource, {
        reference,
        receivedAt: received.toJSDate(),
        subjectType: 'ORGANIZATION',
        decision: {
          outcome: 'APPROVED',
          at: received.plus({ hours: 2 }).toJSDate(),
          byName: '李娜',
        },
      });
      await chinese.page('/exports');
      const response = await chinese.submit('/exports', {
        dataset: 'requests',
        format: 'CSV',
        from: DAY,
        to: DAY,
        subjectType: 'ORGANIZATION',
      });
      const id = exportIdOf(response.headers.location);
      expect((await waitForExport(t.dataSource, id)).status).toBe('COMPLETED');
      const rows: string[][] = parse(
        (await download(chinese, `/exports/${id}/download`)).body as Buffer,
        { bom: true, relax_column_count: true },
      );
      const headers = exportLayout('requests', zh, 'Asia/Shanghai').columns.map(
        (column) => column.header,
      );
      expect(rows[0]).toEqual(headers);
      expect(rows[rows.length - 2]!.slice(1).map((cell) => cell.split('=')[0])).toEqual([
        ...REQUEST_COLUMNS,
      ]);
      const cell = (row: string[], code: (typeof REQUEST_COLUMNS)[number]) =>
        row[REQUEST_COLUMNS.indexOf(code)];
      const mine = rows.find((row) => cell(row, 'reference') === reference)!;
      expect([cell(mine, 'subject_type'), cell(mine, 'status'), cell(mine, 'decision')]).toEqual([
        '单位',
        '已通过',
        '已通过',
      ]);
      expect(cell(mine, 'decided_by')).toBe('李娜');
      expect(rows[rows.length - 1]).toContain(`筛选条件：${DAY} 至 ${DAY}，主体类型“单位”`);

      const page = await chinese.page('/exports');
      expect(page.text).toContain('<html lang="zh-CN"');
      expect(page.text).toContain(`审计日志导出（CSV），${DAY} 至 ${DAY}，操作人“${actorName}”`);
      expect(page.text).toContain('>下载</a>');
    });
  });

  it('lists exports with their status, progress, row count and hash', async () => {
    const page = await session.page('/exports');
    expect(page.status).toBe(200);
    expect(page.text).toContain(`CSV export of audit events, ${DAY} to ${DAY}, actor “${seeder}”`);
    expect(page.text).toMatch(/<progress max="100" value="100"/);
    expect(page.text).toContain('>Download</a>');
  });

  it('refuses an export without a range, saying what is missing', async () => {
    await session.page('/exports');
    const refused = await session.agent
      .post('/exports')
      .set('Referer', `${t.url}/exports`)
      .type('form')
      .send({
        _csrf: /name="_csrf" value="([^"]+)"/.exec((await session.page('/exports')).text)![1],
        dataset: 'audit-events',
        format: 'CSV',
        from: '',
        to: '',
      });
    expect(refused.status).toBe(303);
    const page = await session.page('/exports');
    expect(page.text).toContain('give the first day of the range as a date');
  });

  describe('when writing the file fails', () => {
    const queueExport = async (): Promise<string> => {
      const dataExport = DataExport.request({
        id: crypto.randomUUID(),
        dataset: 'audit-events',
        format: 'CSV',
        filters: { from: DAY, to: DAY, actor: seeder },
        locale: 'en',
        requestedById: auditor.id,
        requestedByName: auditor.name,
        now: new Date(),
      });
      await t.app.get<DataExportRepository>(DATA_EXPORT_REPOSITORY).save(dataExport);
      return dataExport.id;
    };
    const partialPath = (id: string, attempt: number): string =>
      path.join(t.config.EXPORT_DIR, '.partial', `${id}.${attempt}.csv.part`);

    it('retries, and the retried file holds every row exactly once', async () => {
      const id = await queueExport();
      await mkdir(partialPath(id, 1), { recursive: true }); // attempt 1 cannot open its file
      // A leftover of an attempt that died midway: it must not end up in the file.
      await writeFile(partialPath(id, 2), 'stale,rows\n'.repeat(500));
      await t.app.get<ExportQueue>(EXPORT_QUEUE).enqueue(id);

      const done = await waitForExport(t.dataSource, id);
      expect(done.status).toBe('COMPLETED');
      expect(done.attempts).toBe(2);
      const file = await download(session, `/exports/${id}/download`);
      const rows: string[][] = parse(file.body as Buffer, {
        bom: true,
        relax_column_count: true,
      });
      const seqs = rows.slice(1, -2).map((row) => Number(row[0]));
      expect(seqs).toHaveLength(SEEDED);
      expect(new Set(seqs).size).toBe(SEEDED);
      expect(seqs).toEqual(seeded.map((event) => Number(event.seq)));
      expect((file.body as Buffer).toString('utf8')).not.toContain('stale');
      expect(existsSync(partialPath(id, 2))).toBe(false);
    });

    it('shows the error of an export that keeps failing, and audits the failure', async () => {
      const id = await queueExport();
      for (const attempt of [1, 2, 3]) await mkdir(partialPath(id, attempt), { recursive: true });
      await t.app.get<ExportQueue>(EXPORT_QUEUE).enqueue(id);

      const done = await waitForExport(t.dataSource, id);
      expect(done.status).toBe('FAILED');
      expect(done.attempts).toBe(3);
      expect(done.last_error).toContain('EISDIR');
      const page = await session.page('/exports');
      expect(page.text).toContain(
        'Failed after 3 attempts: The export file could not be written (EISDIR on open).',
      );
      expect(page.text).not.toContain(t.config.EXPORT_DIR);
      const failed: { details: Record<string, unknown> }[] = await t.dataSource.query(
        `SELECT details FROM audit_events WHERE action = 'export.failed' AND details->>'exportId' = $1`,
        [id],
      );
      expect(failed).toHaveLength(1);
      expect((await download(session, `/exports/${id}/download`)).status).toBe(409);
    });
  });

  it('removes exports older than the retention period, audited, and then refuses their download', async () => {
    const id = await exportAuditEvents('CSV');
    const done = await waitForExport(t.dataSource, id);
    // In the export store: EXPORT_DIR on disk, or the bucket (npm run test:e2e:s3).
    const store = t.app.get<ObjectStore>(EXPORT_OBJECTS);
    expect(await store.exists(done.file_key!)).toBe(true);
    await t.dataSource.query(
      `UPDATE data_exports SET finished_at = finished_at - interval '91 days' WHERE id = $1`,
      [id],
    );
    const { removed } = await t.app
      .get(CommandBus)
      .execute(new RemoveExpiredExportsCommand(t.config.EXPORT_RETENTION_DAYS));
    expect(removed).toBeGreaterThanOrEqual(1);
    expect(await store.exists(done.file_key!)).toBe(false);
    const [row] = await t.dataSource.query(`SELECT status FROM data_exports WHERE id = $1`, [id]);
    expect(row.status).toBe('REMOVED');
    const audited = await t.dataSource.query(
      `SELECT actor_type, details FROM audit_events WHERE action = 'export.removed' AND details->>'exportId' = $1`,
      [id],
    );
    expect(audited).toEqual([
      {
        actor_type: 'SYSTEM',
        details: expect.objectContaining({ retentionDays: 90, sha256: done.sha256 }),
      },
    ]);
    const refused = await download(session, `/exports/${id}/download`);
    expect(refused.status).toBe(404);
  });

  it('takes an export while Redis is down, and the sweep hands it to a worker later', async () => {
    const noRedis = await startTestApp({ env: { REDIS_URL: 'redis://127.0.0.1:1' } });
    let id: string;
    try {
      const offline = await signedIn(noRedis.url, auditor.email, auditor.password);
      await offline.page('/exports');
      const started = Date.now();
      const created = await offline.submit('/exports', {
        dataset: 'audit-events',
        format: 'CSV',
        from: DAY,
        to: DAY,
        actor: seeder,
      });
      expect(created.status).toBe(303);
      expect(Date.now() - started).toBeLessThan(3000);
      id = exportIdOf(created.headers.location);
      const page = await offline.page('/exports');
      expect(page.text).toMatch(new RegExp(`id="export-${id}"[^>]*data-status="QUEUED"`));
    } finally {
      await noRedis.close();
    }
    const { resumed } = await t.app.get(CommandBus).execute(new ResumeStalledExportsCommand(0));
    expect(resumed).toBeGreaterThanOrEqual(1);
    const done = await waitForExport(t.dataSource, id);
    expect(done.status).toBe('COMPLETED');
    expect(Number(done.row_count)).toBe(SEEDED);
  });

  it('says so when a completed export’s file has gone from the export folder', async () => {
    const id = await exportAuditEvents('CSV');
    const done = await waitForExport(t.dataSource, id);
    await t.app.get<ObjectStore>(EXPORT_OBJECTS).remove(done.file_key!);
    const response = await session.agent.get(`/exports/${id}/download`);
    expect(response.status).toBe(404);
    expect(response.text).toContain('no longer in the export folder');
    const downloads = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action = 'export.downloaded' AND details->>'exportId' = $1`,
      [id],
    );
    expect(downloads).toHaveLength(0);
  });

  it('refuses a reviewer every auditor page and action (403)', async () => {
    const id = await exportAuditEvents('CSV');
    await waitForExport(t.dataSource, id);
    const reviewerSession = await signedIn(t.url, reviewer.email, reviewer.password);
    for (const page of [
      '/audit',
      '/audit/verify',
      '/exports',
      `/exports/${id}/download`,
      '/reports',
      `/reports?from=${DAY}&to=${DAY}`,
    ]) {
      const response = await reviewerSession.agent.get(page);
      expect({ page, status: response.status }).toEqual({ page, status: 403 });
    }
    await reviewerSession.page('/queue');
    const before = await t.dataSource.query(`SELECT count(*)::int AS n FROM data_exports`);
    const post = await reviewerSession.submit('/exports', {
      dataset: 'audit-events',
      format: 'CSV',
      from: DAY,
      to: DAY,
    });
    expect(post.status).toBe(403);
    const after = await t.dataSource.query(`SELECT count(*)::int AS n FROM data_exports`);
    expect(after[0].n).toBe(before[0].n);
    const verifications = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action IN ('audit.verified', 'export.downloaded') AND actor_id = $1`,
      [reviewer.id],
    );
    expect(verifications).toHaveLength(0);
  });
});
