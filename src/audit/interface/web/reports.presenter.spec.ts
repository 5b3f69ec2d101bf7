import { describe, expect, it } from '@jest/globals';
import { msg } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import type { PeriodFigures, SlaReport } from '../../domain/sla-report.js';
import { presentReport, presentReportError } from './reports.presenter.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

function period(key: string, figures: Partial<PeriodFigures> = {}): PeriodFigures {
  return {
    key,
    label: msg('reports.period.week', { monday: key }),
    received: 10,
    decided: 8,
    approved: 6,
    rejected: 1,
    expired: 1,
    withdrawn: 0,
    met: 7,
    breaches: 1,
    onTimeRate: 0.875,
    medianHours: 12.345,
    p90Hours: null,
    ...figures,
  };
}

const report: SlaReport = {
  range: { from: '2026-11-23', to: '2026-11-29' },
  days: [period('2026-11-23'), period('2026-11-24', { received: 0, onTimeRate: null })],
  weeks: [period('2026-11-23')],
  total: period('total'),
  reviewers: [
    {
      name: 'Li Na',
      decisions: 5,
      medianHours: 3,
      submittedForSecondApproval: 4,
      sentBack: 1,
      sentBackShare: 0.25,
    },
  ],
  rejections: 4,
  rejectReasons: [
    { code: 'DOCUMENT_UNCLEAR', count: 3, share: 0.75 },
    { code: 'LEGACY_CODE', count: 1, share: 0.25 },
  ],
};

describe('presentReport', () => {
  it('writes each period’s rates as percentages and its hours to one decimal, a dash for none', () => {
    const view = presentReport(report, en);
    expect(view.total).toEqual({
      key: 'total',
      label: msg('reports.period.week', { monday: 'total' }),
      received: 10,
      decided: 8,
      approved: 6,
      rejected: 1,
      expired: 1,
      onTime: '87.5%',
      breaches: 1,
      median: '12.3',
      p90: '—',
    });
    expect(view.days.map((day) => day.onTime)).toEqual(['87.5%', '—']);
    expect(view.reviewers).toEqual([
      {
        name: 'Li Na',
        decisions: 5,
        median: '3.0',
        submittedForSecondApproval: 4,
        sentBack: 1,
        sentBackPercent: '25.0%',
      },
    ]);
    expect(view.range).toEqual(report.range);
    expect(view.rejections).toBe(4);
  });

  it('names a known reject reason in words and keeps an unknown code as recorded', () => {
    const [known, unknown] = presentReport(report, en).reasons;
    expect(en.text(known!.label)).toBe('A document is not clear enough to read');
    expect(zh.text(known!.label)).toBe('材料不清晰');
    expect(unknown).toEqual({
      code: 'LEGACY_CODE',
      label: 'LEGACY_CODE',
      count: 1,
      sharePercent: '25.0%',
    });
  });

  it('draws the charts in the reader’s language', () => {
    const english = presentReport(report, en).charts;
    const chinese = presentReport(report, zh).charts;
    expect(String(english.throughput)).toContain('Received and decided per business day');
    expect(String(english.throughput)).toContain('from 2026-11-23 to 2026-11-29');
    expect(String(chinese.throughput)).toContain('每个工作日的收到数与办结数');
    expect(String(chinese.throughput)).toContain('2026-11-23 至 2026-11-29');
    expect(String(english.reasons)).toContain('A document is not clear enough to read');
    expect(String(chinese.reasons)).toContain('材料不清晰');
    expect(String(english.reviewers)).toContain('Li Na');
  });

  it('says when a chart has nothing to draw, in the reader’s language', () => {
    const empty: SlaReport = { ...report, reviewers: [], rejections: 0, rejectReasons: [] };
    expect(String(presentReport(empty, en).charts.reasons)).toContain('No data in this range');
    expect(String(presentReport(empty, zh).charts.reviewers)).toContain('此范围内没有数据');
  });
});

describe('presentReportError', () => {
  it('keeps the range as asked and the reason it was refused', () => {
    const sentence = msg('reports.problem.order');
    expect(presentReportError({ from: '2026-12-01', to: '2026-11-01' }, sentence)).toEqual({
      pageTitle: msg('reports.title'),
      range: { from: '2026-12-01', to: '2026-11-01' },
      error: sentence,
    });
  });
});
