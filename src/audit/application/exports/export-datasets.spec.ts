import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { chinaOfficialCalendar } from '@lib/business-calendar';
import { Translator } from '../../../shared/i18n/translator.js';
import { CalendarBusinessTime } from '../../domain/business-time.js';
import { DataExport } from '../../domain/data-export.js';
import { figuresOf, isInRange, type RequestRecord } from '../../domain/request-figures.js';
import { auditActionLabel, sentenceOfMasked } from '../audit-event-wording.js';
import {
  AUDIT_EVENT_COLUMNS,
  IsoTimestamps,
  REQUEST_COLUMNS,
  auditEventCells,
  businessDayWindow,
  exportLayout,
  exportSummary,
  requestCells,
  timestamp,
} from './export-datasets.js';

describe('export timestamps', () => {
  it('write the instant with the business zone’s offset, exactly as luxon does', () => {
    const times = new IsoTimestamps('Asia/Shanghai');
    const instant = new Date('2026-11-24T17:30:05.123Z');
    expect(times.format(instant)).toBe('2026-11-25T01:30:05.123+08:00');
    expect(times.format(instant)).toBe(timestamp(instant, 'Asia/Shanghai'));
    expect(times.format(null)).toBeNull();
  });

  it('give a spreadsheet the business zone’s wall-clock time, as Excel cells have no zone', () => {
    const times = new IsoTimestamps('Asia/Shanghai');
    expect(times.cell(new Date('2026-11-24T17:30:05.123Z'))).toEqual({
      text: '2026-11-25T01:30:05.123+08:00',
      wallClock: new Date('2026-11-25T01:30:05.123Z'),
      shows: 'minute',
    });
    expect(times.cell(null)).toBeNull();
  });

  it('follow a zone’s offset across a daylight-saving change', () => {
    const times = new IsoTimestamps('America/New_York');
    const start = DateTime.fromISO('2026-03-08T00:00:00', { zone: 'America/New_York' });
    for (let minutes = 0; minutes < 6 * 60; minutes += 7) {
      const instant = start.plus({ minutes }).toJSDate();
      expect(times.format(instant)).toBe(timestamp(instant, 'America/New_York'));
    }
  });
});

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');
const times = new IsoTimestamps('Asia/Shanghai');
const ZONE = 'Asia/Shanghai';

describe('an export file’s words', () => {
  it('head every column in the requester’s language, each with the same code in either', () => {
    for (const dataset of ['audit-events', 'requests'] as const) {
      const english = exportLayout(dataset, en, ZONE);
      const chinese = exportLayout(dataset, zh, ZONE);
      const columns = dataset === 'audit-events' ? AUDIT_EVENT_COLUMNS : REQUEST_COLUMNS;
      expect(english.columns.map((column) => column.code)).toEqual([...columns]);
      expect(chinese.columns.map((column) => column.code)).toEqual([...columns]);
      for (const { header } of chinese.columns) expect(header).toMatch(/[\u4e00-\u9fff]|^IP /);
    }
    const english = exportLayout('audit-events', en, ZONE);
    expect(english.sheetName).toBe('Audit events');
    expect(english.columns.map((column) => column.header)).toEqual([
      'Seq',
      'Occurred at (UTC+8)',
      'Actor',
      'Actor role',
      'Actor type',
      'Action',
      'Description',
      'Request',
      'Subject',
      'Details in words',
      'Details (JSON)',
      'IP',
      'Hash',
    ]);
    expect(english.summary).toEqual({ title: 'Summary', item: 'Item', value: 'Value' });
    expect(english.summaryCell('Rows', '3')).toBe('Rows: 3');
    const chinese = exportLayout('requests', zh, ZONE);
    expect(chinese.sheetName).toBe('申请');
    expect(chinese.columns.slice(0, 3)).toEqual([
      { code: 'reference', header: '申请编号', width: 22 },
      { code: 'received_at', header: '收到时间（UTC+8）', width: 18 },
      { code: 'received_on', header: '收到工作日', width: 12 },
    ]);
    expect(chinese.summary).toEqual({ title: '汇总', item: '项目', value: '内容' });
    expect(chinese.summaryCell('行数', '3')).toBe('行数：3');
    expect(chinese.columnCodes).toEqual({ title: '列代码', code: '代码', header: '列名' });
    expect(exportLayout('requests', en, ZONE).columnCodes.title).toBe('Column codes');
  });

  it('say in the header of a column that counts that it is a count, in either language', () => {
    const header = (words: typeof en, code: string) =>
      exportLayout('requests', words, ZONE).columns.find((column) => column.code === code)!.header;
    expect(header(en, 'sent_back_count')).toBe('Sent back at second approval (count)');
    expect(header(zh, 'sent_back_count')).toBe('复核退回（次数）');
    expect(header(en, 'business_minutes_to_decision')).toBe('Time to decision (business minutes)');
    expect(header(en, 'due_at')).toBe('Due at (UTC+8)');
    expect(header(zh, 'decided_at')).toBe('办结时间（UTC+8）');
  });

  it('write a request’s codes as words, and leave its data as recorded (masked)', () => {
    const receivedAt = new Date('2026-11-23T02:00:00Z');
    const figures = {
      record: {
        id: 'r-1',
        reference: 'BD-1',
        receivedAt,
        subjectType: 'ORGANIZATION',
        filingNumber: '浙ICP备12345678号',
        subjectName: '杭州示例科技有限公司',
        credentialNumber: '91330100MA2XXXXX1A',
        applicantName: '王芳',
        applicantIdNumber: '330102199001011234',
        applicantPhone: '13812345678',
        newAccountEmail: 'wang@example.com',
        status: 'REJECTED',
        clockStartedAt: receivedAt,
        dueAt: null,
        decidedAt: new Date('2026-11-24T02:00:00Z'),
        decisionOutcome: 'REJECTED',
        decidedBy: '李娜',
        rejectReasons: ['DOCUMENT_UNCLEAR', 'SOMETHING_NEW'],
        slaOutcome: 'MISSED' as const,
        assigneeName: null,
        firstApprovedBy: null,
        secondApprovedBy: null,
        secondApprovalSubmitters: ['王芳', '王芳'],
        sentBackCount: 1,
        riskFlags: ['SUBJECT_MISMATCH'],
      },
      receivedOn: '2026-11-23',
      decidedOn: '2026-11-24',
      businessMinutesToDecision: 480,
    };
    const byCode = (cells: unknown[]) =>
      Object.fromEntries(REQUEST_COLUMNS.map((code, index) => [code, cells[index]]));
    const chinese = byCode(requestCells(figures, times, zh));
    expect(chinese).toMatchObject({
      reference: 'BD-1',
      subject_type: '单位',
      status: '已驳回',
      decision: '已驳回',
      decided_by: '李娜',
      reject_reasons: '材料不清晰；SOMETHING_NEW',
      submitted_for_second_approval_by: '王芳（2 次，退回 1 次）',
      sent_back_count: 1,
      sla: '超时办结',
      business_minutes_to_decision: 480,
      risk_flags: '主体信息不一致',
    });
    expect(chinese.applicant_phone).not.toContain('13812345678');
    expect(chinese.received_at).toEqual({
      text: '2026-11-23T10:00:00.000+08:00',
      wallClock: new Date('2026-11-23T10:00:00.000Z'),
      shows: 'minute',
    });
    expect(chinese.received_on).toEqual({
      text: '2026-11-23',
      wallClock: new Date('2026-11-23T00:00:00.000Z'),
      shows: 'day',
    });
    const english = byCode(requestCells(figures, times, en));
    expect(english).toMatchObject({
      subject_type: 'Organization',
      status: 'Rejected',
      decision: 'Rejected',
      reject_reasons: 'A document is not clear enough to read; SOMETHING_NEW',
      submitted_for_second_approval_by: '王芳 (2 times, 1 sent back)',
      sla: 'Missed',
      risk_flags: 'Subject mismatch',
    });
  });

  it('name each person who sent a request for a second approval once, with how often and how often it came back', () => {
    const base = {
      receivedOn: '2026-11-23',
      decidedOn: null,
      businessMinutesToDecision: null,
      record: {} as RequestRecord,
    };
    const submitters = (names: string[], sentBackCount: number, words: typeof en) =>
      requestCells(
        {
          ...base,
          record: {
            ...requestRecord(new Date('2026-11-23T02:00:00Z')),
            secondApprovalSubmitters: names,
            sentBackCount,
          },
        },
        times,
        words,
      )[REQUEST_COLUMNS.indexOf('submitted_for_second_approval_by')];
    expect(submitters(['Li Na', 'Li Na', 'Li Na'], 2, en)).toBe('Li Na (3 times, 2 sent back)');
    expect(submitters(['Li Na', 'Li Na', 'Chen Jing', 'Li Na'], 3, en)).toBe(
      'Li Na (3 times, 2 sent back); Chen Jing (sent back)',
    );
    expect(submitters(['Li Na', 'Chen Jing', 'Li Na'], 2, zh)).toBe(
      'Li Na（2 次，退回 1 次）；Chen Jing（被退回）',
    );
    expect(submitters(['Li Na'], 0, en)).toBe('Li Na');
    expect(submitters(['Li Na'], 0, zh)).toBe('Li Na');
    expect(submitters([], 0, en)).toBeNull();
  });

  it('write an audit event’s role, kind of actor, action and sentence as words', () => {
    const event = {
      seq: 7,
      occurredAt: new Date('2026-11-23T02:00:00Z'),
      actorType: 'STAFF',
      actorId: 'a-1',
      actorRole: 'REVIEWER',
      actorName: '李娜',
      action: 'request.claimed',
      requestId: 'r-1',
      requestReference: 'BD-1',
      subjectId: null,
      details: { note: 'x' },
      ip: '10.0.0.1',
      hash: 'h',
    };
    const chinese = auditEventCells(event, times, zh);
    expect(chinese.slice(0, 5)).toEqual([
      7,
      {
        text: '2026-11-23T10:00:00.000+08:00',
        wallClock: new Date('2026-11-23T10:00:00.000Z'),
        shows: 'minute',
      },
      '李娜',
      '审核员',
      '员工',
    ]);
    expect(chinese[5]).toBe(zh.text(auditActionLabel('request.claimed')));
    expect(chinese[6]).toContain('李娜');
    expect(chinese[6]).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.slice(7)).toEqual(['BD-1', null, '备注：x', '{"note":"x"}', '10.0.0.1', 'h']);
    const english = auditEventCells(event, times, en);
    expect(english.slice(3, 6)).toEqual(['Reviewer', 'Staff member', 'Claimed']);
    expect(english[6]).toBe(en.text(sentenceOfMasked(event, event.details)));
  });

  it('sum the file up in the requester’s language, its instants and counts as a script reads them', () => {
    const dataExport = DataExport.request({
      id: '0b6f0c1e-5d2a-4c55-9f5e-2f0d8d3f9a10',
      dataset: 'requests',
      format: 'CSV',
      filters: { from: '2026-11-01', to: '2026-11-30', subjectType: 'ORGANIZATION' },
      locale: 'zh-CN',
      requestedById: null,
      requestedByName: '陈静',
      now: new Date('2026-11-25T02:00:00Z'),
    });
    const head = { seq: 12, hash: 'a'.repeat(64), updatedAt: null };
    const at = new Date('2026-11-25T02:00:00Z');
    expect(exportSummary(dataExport, 1234, head, at, 'Asia/Shanghai', zh)).toEqual([
      ['导出内容', '申请导出（CSV），2026-11-01 至 2026-11-30，主体类型“单位”'],
      ['导出编号', dataExport.id],
      ['数据集', '申请'],
      ['筛选条件', '2026-11-01 至 2026-11-30，主体类型“单位”'],
      ['行数', '1234'],
      ['导出时间', '2026-11-25T10:00:00.000+08:00'],
      ['导出人', '陈静'],
      ['审计日志哈希链头', `#12 ${'a'.repeat(64)}`],
    ]);
    expect(exportSummary(dataExport, 1234, head, at, 'Asia/Shanghai', en)[3]).toEqual([
      'Filters',
      '2026-11-01 to 2026-11-30, subject type “Organization”',
    ]);
  });
});

/** A request received at `receivedAt`, undecided. */
function requestRecord(receivedAt: Date): RequestRecord {
  return {
    id: 'r',
    reference: 'BD-1',
    receivedAt,
    subjectType: 'ORGANIZATION',
    filingNumber: '',
    subjectName: '',
    credentialNumber: '',
    applicantName: '',
    applicantIdNumber: '',
    applicantPhone: '',
    newAccountEmail: '',
    status: 'SUBMITTED',
    clockStartedAt: receivedAt,
    dueAt: null,
    decidedAt: null,
    decisionOutcome: null,
    decidedBy: null,
    rejectReasons: [],
    slaOutcome: null,
    assigneeName: null,
    firstApprovedBy: null,
    secondApprovedBy: null,
    secondApprovalSubmitters: [],
    sentBackCount: 0,
    riskFlags: [],
  };
}

describe('the window a requests export reads', () => {
  const time = new CalendarBusinessTime(chinaOfficialCalendar());
  const record = requestRecord;
  const inside = (at: Date, window: { from: Date; before: Date }) =>
    at.getTime() >= window.from.getTime() && at.getTime() < window.before.getTime();

  it('holds exactly the instants whose business day is in the range, so its count is the rows', () => {
    // Around National Day 2025 (1–8 October off, Sunday 28 September and Saturday
    // 11 October worked) and an ordinary weekend; ranges starting and ending on days off.
    const ranges = [
      { from: '2025-09-29', to: '2025-10-09' },
      { from: '2025-10-04', to: '2025-10-11' },
      { from: '2025-11-08', to: '2025-11-08' },
      { from: '2025-11-07', to: '2025-11-10' },
    ];
    const start = DateTime.fromISO('2025-09-20T00:00:00', { zone: ZONE });
    for (const range of ranges) {
      const window = businessDayWindow(range, time);
      for (let hours = 0; hours < 60 * 24; hours += 5) {
        for (const at of [start.plus({ hours }), start.plus({ hours, minutes: 59 })]) {
          const instant = at.toJSDate();
          const counted = isInRange(figuresOf(record(instant), time), range);
          expect({ range, at: at.toISO(), inWindow: inside(instant, window) }).toEqual({
            range,
            at: at.toISO(),
            inWindow: counted,
          });
        }
      }
    }
  });

  it('is empty for a range of days off only', () => {
    const window = businessDayWindow({ from: '2025-10-01', to: '2025-10-05' }, time);
    expect(window.before.getTime()).toBe(window.from.getTime());
  });
});
