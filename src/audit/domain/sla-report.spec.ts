import { describe, expect, it } from '@jest/globals';
import { chinaOfficialCalendar } from '@lib/business-calendar';
import { msg } from '../../shared/i18n/message.js';
import { Translator } from '../../shared/i18n/translator.js';
import { CalendarBusinessTime } from './business-time.js';
import { figuresOf, isInRange, type RequestRecord } from './request-figures.js';
import { InvalidReportRangeError } from './sla-report.errors.js';
import { SlaReportBuilder, percentile, weekOf } from './sla-report.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');
const time = new CalendarBusinessTime(chinaOfficialCalendar());

let counter = 0;
function request(overrides: Partial<RequestRecord>): RequestRecord {
  counter += 1;
  const receivedAt = overrides.receivedAt ?? new Date('2026-11-23T10:00:00+08:00');
  return {
    id: `id-${counter}`,
    reference: `BD-${counter}`,
    receivedAt,
    subjectType: 'INDIVIDUAL',
    filingNumber: '浙ICP备12345678号',
    subjectName: '王芳',
    credentialNumber: '330102199001011234',
    applicantName: '王芳',
    applicantIdNumber: '330102199001011234',
    applicantPhone: '13812345678',
    newAccountEmail: 'wang@example.com',
    status: 'PENDING_REVIEW',
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
    ...overrides,
  };
}

describe('the SLA report', () => {
  it('interpolates percentiles between ranks, as Excel does', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([4], 90)).toBe(4);
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    expect(percentile([10, 20, 30, 40, 50], 90)).toBe(46);
  });

  it('names ISO weeks by their Monday, and business days with their weekday, in either language', () => {
    const week = weekOf('2026-11-26');
    expect(week.key).toBe('2026-W48');
    expect(en.text(week.label)).toBe('Week of 2026-11-23');
    expect(zh.text(week.label)).toBe('2026-11-23 起的一周');
    const report = new SlaReportBuilder({ from: '2026-11-27', to: '2026-11-30' }, time).build();
    expect(report.days.map((day) => en.text(day.label))).toEqual([
      '2026-11-27 Fri',
      '2026-11-30 Mon',
    ]);
    expect(report.days.map((day) => zh.text(day.label))).toEqual([
      '2026-11-27 周五',
      '2026-11-30 周一',
    ]);
    expect(zh.text(report.total.label)).toBe('2026-11-27 至 2026-11-30');
  });

  it('refuses a range in words, naming every problem', () => {
    const refusal = new InvalidReportRangeError([
      msg('reports.problem.order'),
      msg('reports.problem.tooLong', { days: 366 }),
    ]);
    expect(refusal.code).toBe('report.invalid-range');
    expect(en.text(refusal.sentence)).toBe(
      'The report cannot be shown: the first day must not be after the last; a report covers at most 366 days.',
    );
    expect(zh.text(refusal.sentence)).toBe(
      '无法显示报表：开始日期不能晚于结束日期；报表最多涵盖 366 天。',
    );
  });

  it('counts receipts and decisions on their business days, with on-time rate, breaches and decision times', () => {
    const range = { from: '2026-11-23', to: '2026-11-29' };
    const builder = new SlaReportBuilder(range, time);
    const records = [
      // Received Monday 10:00, approved Monday 14:00 by Li Na: 4 business hours, on time.
      request({
        decidedAt: new Date('2026-11-23T14:00:00+08:00'),
        decisionOutcome: 'APPROVED',
        decidedBy: 'Li Na',
        slaOutcome: 'MET',
        status: 'APPROVED',
      }),
      // Received Monday 10:00, rejected Thursday 10:00 by Li Na: 27 business hours, late.
      request({
        decidedAt: new Date('2026-11-26T10:00:00+08:00'),
        decisionOutcome: 'REJECTED',
        decidedBy: 'Li Na',
        rejectReasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        slaOutcome: 'MISSED',
        status: 'REJECTED',
      }),
      // Received Saturday: counts on Monday 30 November, outside the range.
      request({ receivedAt: new Date('2026-11-28T10:00:00+08:00') }),
      // Approved after a senior sent Wang Fang's first approval back once.
      request({
        receivedAt: new Date('2026-11-24T09:00:00+08:00'),
        decidedAt: new Date('2026-11-25T09:00:00+08:00'),
        decisionOutcome: 'APPROVED',
        decidedBy: 'Zhao Lei',
        slaOutcome: 'MET',
        status: 'APPROVED',
        secondApprovalSubmitters: ['Wang Fang', 'Wang Fang'],
        sentBackCount: 1,
      }),
      request({
        receivedAt: new Date('2026-11-10T09:00:00+08:00'),
        decidedAt: new Date('2026-11-27T11:00:00+08:00'),
        decisionOutcome: 'EXPIRED',
        status: 'EXPIRED',
      }),
    ];
    for (const record of records) {
      const figures = figuresOf(record, time);
      if (isInRange(figures, range)) builder.add(figures);
    }
    const report = builder.build();

    expect(report.days.map((day) => day.key)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
    ]);
    expect(report.days[0]).toMatchObject({
      received: 2,
      decided: 1,
      approved: 1,
      met: 1,
      medianHours: 4,
    });
    expect(report.days[3]).toMatchObject({ decided: 1, rejected: 1, breaches: 1, onTimeRate: 0 });
    expect(report.days[4]).toMatchObject({ decided: 1, expired: 1, medianHours: null });
    expect(report.total).toMatchObject({
      received: 3,
      decided: 4,
      approved: 2,
      rejected: 1,
      expired: 1,
      met: 2,
      breaches: 1,
      medianHours: 9,
    });
    expect(report.total.onTimeRate).toBeCloseTo(2 / 3);
    expect(report.total.p90Hours).toBeCloseTo(23.4);
    expect(report.weeks).toHaveLength(1);
    expect(report.weeks[0]).toMatchObject({ key: '2026-W48', received: 3, decided: 4 });
    expect(report.reviewers).toEqual([
      {
        name: 'Li Na',
        decisions: 2,
        medianHours: 15.5,
        submittedForSecondApproval: 0,
        sentBack: 0,
        sentBackShare: null,
      },
      {
        name: 'Zhao Lei',
        decisions: 1,
        medianHours: 9,
        submittedForSecondApproval: 0,
        sentBack: 0,
        sentBackShare: null,
      },
      {
        name: 'Wang Fang',
        decisions: 0,
        medianHours: null,
        submittedForSecondApproval: 2,
        sentBack: 1,
        sentBackShare: 0.5,
      },
    ]);
    expect(report.rejections).toBe(1);
    expect(report.rejectReasons).toEqual([
      { code: 'DOCUMENT_UNCLEAR', count: 1, share: 1 },
      { code: 'INFO_MISMATCH', count: 1, share: 1 },
    ]);
  });
});
