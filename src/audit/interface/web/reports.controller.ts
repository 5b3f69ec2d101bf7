import { Controller, Get, Query, Render } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { REJECT_REASON_LABELS } from '../../../initialization/domain/reject-reason.js';
import { Roles } from '../../../shared/interface/http/access.decorators.js';
import { GetSlaReportQuery } from '../../application/queries/get-sla-report/get-sla-report.query.js';
import { InvalidReportRangeError } from '../../domain/sla-report.errors.js';
import type { PeriodFigures, SlaReport } from '../../domain/sla-report.js';
import { horizontalBarChart, verticalBarChart } from './charts/svg-chart.js';

const percent = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`;
const hours = (value: number | null): string => (value === null ? '—' : value.toFixed(1));

function periodRow(period: PeriodFigures) {
  return {
    ...period,
    onTime: percent(period.onTimeRate),
    median: hours(period.medianHours),
    p90: hours(period.p90Hours),
  };
}

/** The report as the page shows it: each chart with the table of its numbers beneath. */
function reportView(report: SlaReport) {
  const days = report.days;
  const weeks = report.weeks;
  const dayLabel = (key: string): string => key.slice(5);
  const reasons = report.rejectReasons.map((reason) => ({
    ...reason,
    label: REJECT_REASON_LABELS[reason.code as keyof typeof REJECT_REASON_LABELS] ?? reason.code,
    sharePercent: percent(reason.share),
  }));
  return {
    range: report.range,
    total: periodRow(report.total),
    days: days.map(periodRow),
    weeks: weeks.map(periodRow),
    reviewers: report.reviewers.map((reviewer) => ({
      ...reviewer,
      median: hours(reviewer.medianHours),
      sentBackPercent: percent(reviewer.sentBackShare),
    })),
    rejections: report.rejections,
    reasons,
    charts: {
      throughput: verticalBarChart({
        id: 'chart-throughput',
        title: 'Received and decided per business day',
        description: `Requests received and decided on each business day from ${report.range.from} to ${report.range.to}.`,
        categories: days.map((day) => dayLabel(day.key)),
        series: [
          { name: 'Received', values: days.map((day) => day.received) },
          { name: 'Decided', values: days.map((day) => day.decided) },
        ],
        integers: true,
        format: (value) => String(Math.round(value)),
      }),
      onTime: verticalBarChart({
        id: 'chart-on-time',
        title: 'On-time rate per week',
        description: 'Share of approvals and rejections made by their deadline, per week.',
        categories: weeks.map((week) => week.key),
        series: [
          {
            name: 'On time',
            values: weeks.map((week) => (week.onTimeRate === null ? null : week.onTimeRate * 100)),
          },
        ],
        max: 100,
        format: (value) => `${Math.round(value)}%`,
      }),
      hours: verticalBarChart({
        id: 'chart-hours',
        title: 'Business hours to decision per week',
        description:
          'Median and 90th percentile of business hours from receipt to approval or rejection, per week.',
        categories: weeks.map((week) => week.key),
        series: [
          { name: 'Median', values: weeks.map((week) => week.medianHours) },
          { name: '90th percentile', values: weeks.map((week) => week.p90Hours) },
        ],
        format: (value) => value.toFixed(1),
      }),
      reviewers: horizontalBarChart({
        id: 'chart-reviewers',
        title: 'Decisions per reviewer',
        description: 'Approvals and rejections each reviewer made final in the range.',
        items: report.reviewers.map((reviewer) => ({
          label: reviewer.name,
          value: reviewer.decisions,
        })),
        format: (value) => String(Math.round(value)),
      }),
      reasons: horizontalBarChart({
        id: 'chart-reasons',
        title: 'Reject reasons',
        description: 'How often each reason was given in the rejections of the range.',
        items: reasons.map((reason) => ({ label: reason.label, value: reason.count })),
        format: (value) => String(Math.round(value)),
      }),
    },
  };
}

/** SLA and throughput for auditors, drawn on the server. */
@Controller('reports')
@Roles('AUDITOR')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Render('pages/reports/index')
  async report(@Query('from') from?: string, @Query('to') to?: string): Promise<object> {
    const asked = {
      from: typeof from === 'string' ? from : '',
      to: typeof to === 'string' ? to : '',
    };
    try {
      const report = await this.queries.execute(new GetSlaReportQuery(asked.from, asked.to));
      return { pageTitle: 'Reports', ...reportView(report) };
    } catch (error) {
      if (!(error instanceof InvalidReportRangeError)) throw error;
      return { pageTitle: 'Reports', range: asked, error: error.message };
    }
  }
}
