import { Controller, Get, Inject, Query, Render, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { REJECT_REASONS, type RejectReason } from '../../../initialization/domain/reject-reason.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { Translator, type Words } from '../../../shared/i18n/translator.js';
import { Roles } from '../../../shared/interface/http/access.decorators.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
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

/** A reject reason the desk knows, by its label; any other code as recorded. */
const reasonLabel = (code: string): Message | string =>
  (REJECT_REASONS as readonly string[]).includes(code)
    ? msg(`request.rejectReason.${code as RejectReason}`)
    : code;

/**
 * The report as the page shows it: each chart with the table of its numbers beneath.
 * The charts are drawn here, so their titles, descriptions, series and labels are
 * rendered here too, in the page's language; the tables' words are the template's.
 */
function reportView(report: SlaReport, words: Words) {
  const days = report.days;
  const weeks = report.weeks;
  const dayLabel = (key: string): string => key.slice(5);
  const reasons = report.rejectReasons.map((reason) => ({
    ...reason,
    label: reasonLabel(reason.code),
    sharePercent: percent(reason.share),
  }));
  const empty = words.t('reports.chart.noData');
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

/** SLA and throughput for auditors, drawn on the server in the reader's language. */
@Controller('reports')
@Roles('AUDITOR')
export class ReportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly translator: Translator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/reports/index')
  async report(
    @Req() request: Request,
    @Query('from') from?: string,
    @Query('to') to?: string,
  ): Promise<object> {
    const asked = {
      from: typeof from === 'string' ? from : '',
      to: typeof to === 'string' ? to : '',
    };
    const pageTitle = msg('reports.title');
    try {
      const report = await this.queries.execute(new GetSlaReportQuery(asked.from, asked.to));
      const words = this.translator.words(pageLocale(request, this.config.DEFAULT_LOCALE));
      return { pageTitle, ...reportView(report, words) };
    } catch (error) {
      if (!(error instanceof InvalidReportRangeError)) throw error;
      return { pageTitle, range: asked, error: error.sentence };
    }
  }
}
