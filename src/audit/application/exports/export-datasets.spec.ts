import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { Translator } from '../../../shared/i18n/translator.js';
import { DataExport } from '../../domain/data-export.js';
import { auditActionLabel, sentenceOfMasked } from '../audit-event-wording.js';
import {
  AUDIT_EVENT_COLUMNS,
  IsoTimestamps,
  REQUEST_COLUMNS,
  auditEventCells,
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

describe('an export file’s words', () => {
  it('head every column in the requester’s language, each with the same code in either', () => {
    for (const dataset of ['audit-events', 'requests'] as const) {
      const english = exportLayout(dataset, en);
      const chinese = exportLayout(dataset, zh);
      const columns = dataset === 'audit-events' ? AUDIT_EVENT_COLUMNS : REQUEST_COLUMNS;
      expect(english.columns.map((column) => column.code)).toEqual([...columns]);
      expect(chinese.columns.map((column) => column.code)).toEqual([...columns]);
      for (const { header } of chinese.columns) expect(header).toMatch(/[\u4e00-\u9fff]|^IP /);
    }
    const english = exportLayout('audit-events', en);
    expect(english.sheetName).toBe('Audit events');
    expect(english.columns.map((column) => column.header)).toEqual([
      'Seq',
      'Occurred at',
      'Actor',
      'Actor role',
      'Actor type',
      'Action',
      'Description',
      'Request',
      'Subject',
      'Details',
      'IP',
      'Hash',
    ]);
    expect(english.summary).toEqual({ title: 'Summary', item: 'Item', value: 'Value' });
    expect(english.summaryCell('Rows', '3')).toBe('Rows: 3');
    const chinese = exportLayout('requests', zh);
    expect(chinese.sheetName).toBe('申请');
    expect(chinese.columns.slice(0, 3)).toEqual([
      { code: 'reference', header: '申请编号' },
      { code: 'received_at', header: '收到时间' },
      { code: 'received_on', header: '收到工作日' },
    ]);
    expect(chinese.summary).toEqual({ title: '汇总', item: '项目', value: '内容' });
    expect(chinese.summaryCell('行数', '3')).toBe('行数：3');
    expect(chinese.columnCodes).toEqual({ title: '列代码', code: '代码', header: '列名' });
    expect(exportLayout('requests', en).columnCodes.title).toBe('Column codes');
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
      submitted_for_second_approval_by: '王芳；王芳',
      sent_back_count: 1,
      sla: '超时办结',
      business_minutes_to_decision: 480,
      risk_flags: '主体信息不一致',
    });
    expect(chinese.applicant_phone).not.toContain('13812345678');
    const english = byCode(requestCells(figures, times, en));
    expect(english).toMatchObject({
      subject_type: 'Organization',
      status: 'Rejected',
      decision: 'Rejected',
      reject_reasons: 'A document is not clear enough to read; SOMETHING_NEW',
      submitted_for_second_approval_by: '王芳; 王芳',
      sla: 'Missed',
      risk_flags: 'Subject mismatch',
    });
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
      '2026-11-23T10:00:00.000+08:00',
      '李娜',
      '审核员',
      '员工',
    ]);
    expect(chinese[5]).toBe(zh.text(auditActionLabel('request.claimed')));
    expect(chinese[6]).toContain('李娜');
    expect(chinese[6]).toMatch(/[\u4e00-\u9fff]/);
    expect(chinese.slice(7)).toEqual(['BD-1', null, '{"note":"x"}', '10.0.0.1', 'h']);
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
