// Beside the controller in interface/web: it writes the charts in the reader's Words.
import { REJECT_REASONS, type RejectReason } from '../../../initialization/contracts/vocabulary.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { Words } from '../../../shared/i18n/translator.js';
import type { DayRange } from '../../domain/request-figures.js';
import type { PeriodFigures, SlaReport } from '../../domain/sla-report.js';
import { horizontalBarChart, verticalBarChart } from './charts/svg-chart.js';

const percent = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`;
const hours = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

/** A day, a week or the whole range as a row of the report's tables. */
export interface PresentedPeriod {
  key: string;
  label: Message;
  received: number;
  decided: number;
  approved: number;
  rejected: number;
  expired: number;
  /** "87.5%", "—" without decisions by a deadline. */
  onTime: string;
  breaches: number;
  /** Business hours, "12.3" or "—". */
  median: string;
  p90: string;
}

function periodRow(period: PeriodFigures): PresentedPeriod {
  return {
    key: period.key,
    label: period.label,
    received: period.received,
    decided: period.decided,
    approved: period.approved,
    rejected: period.rejected,
    expired: period.expired,
    onTime: percent(period.onTimeRate),
    breaches: period.breaches,
    median: hours(period.medianHours),
    p90: hours(period.p90Hours),
  };
}

/** A reject reason the desk knows, by its label; any other code as recorded. */
const reasonLabel = (code: string): Message | string =>
  (REJECT_REASONS as readonly string[]).includes(code)
    ? msg(`request.rejectReason.${code as RejectReason}`)
    : code;

/** The page for a range the report could not be drawn for: the range as asked, and why. */
export function presentReportError(asked: DayRange, sentence: Message) {
  return { pageTitle: msg('reports.title'), range: asked, error: sentence };
}

/**
 * The report as the page shows it: each chart with the table of its numbers beneath.
 * The charts are drawn here, so their titles, descriptions, series and labels are
 * rendered here too, in the page's language; the tables' words are the template's.
 */
export function presentReport(report: SlaReport, words: Words) {
  const days = report.days;
  const weeks = report.weeks;
  const dayLabel = (key: string): string => key.slice(5);
  const reasons = report.rejectReasons.map((reason) => ({
    code: reason.code,
    label: reasonLabel(reason.code),
    count: reason.count,
    sharePercent: percent(reason.share),
  }));
  const empty = words.t('reports.chart.noData');
  return {
    pageTitle: msg('reports.title'),
    range: report.range,
    total: periodRow(report.total),
    days: days.map(periodRow),
    weeks: weeks.map(periodRow),
    reviewers: report.reviewers.map((reviewer) => ({
      name: reviewer.name,
      decisions: reviewer.decisions,
      median: hours(reviewer.medianHours),
      submittedForSecondApproval: reviewer.submittedForSecondApproval,
      sentBack: reviewer.sentBack,
      sentBackPercent: percent(reviewer.sentBackShare),
    })),
    rejections: report.rejections,
    reasons,
    charts: {
      throughput: verticalBarChart({
        id: 'chart-throughput',
        title: words.t('reports.chart.throughput.title'),
        description: words.t('reports.chart.throughput.description', { ...report.range }),
        empty,
        categories: days.map((day) => dayLabel(day.key)),
        series: [
          { name: words.t('reports.figure.received'), values: days.map((day) => day.received) },
          { name: words.t('reports.figure.decided'), values: days.map((day) => day.decided) },
        ],
        integers: true,
        format: (value) => String(Math.round(value)),
      }),
      onTime: verticalBarChart({
        id: 'chart-on-time',
        title: words.t('reports.chart.onTime.title'),
        description: words.t('reports.chart.onTime.description'),
        empty,
        categories: weeks.map((week) => week.key),
        series: [
          {
            name: words.t('reports.chart.onTime.series'),
            values: weeks.map((week) => (week.onTimeRate === null ? null : week.onTimeRate * 100)),
          },
        ],
        max: 100,
        format: (value) => `${Math.round(value)}%`,
      }),
      hours: verticalBarChart({
        id: 'chart-hours',
        title: words.t('reports.chart.hours.title'),
        description: words.t('reports.chart.hours.description'),
        empty,
        categories: weeks.map((week) => week.key),
        series: [
          {
            name: words.t('reports.chart.hours.median'),
            values: weeks.map((week) => week.medianHours),
          },
          { name: words.t('reports.chart.hours.p90'), values: weeks.map((week) => week.p90Hours) },
        ],
        format: (value) => value.toFixed(1),
      }),
      reviewers: horizontalBarChart({
        id: 'chart-reviewers',
        title: words.t('reports.chart.reviewers.title'),
        description: words.t('reports.chart.reviewers.description'),
        empty,
        items: report.reviewers.map((reviewer) => ({
          label: reviewer.name,
          value: reviewer.decisions,
        })),
        labelsAreData: true,
        format: (value) => String(Math.round(value)),
      }),
      reasons: horizontalBarChart({
        id: 'chart-reasons',
        title: words.t('reports.chart.reasons.title'),
        description: words.t('reports.chart.reasons.description'),
        empty,
        items: reasons.map((reason) => ({ label: words.text(reason.label), value: reason.count })),
        format: (value) => String(Math.round(value)),
      }),
    },
  };
}
