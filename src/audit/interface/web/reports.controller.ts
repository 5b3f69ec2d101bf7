import { Controller, Get, Inject, Query, Render, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { Roles } from '../../../shared/interface/http/access.decorators.js';
import { pageLocale } from '../../../shared/interface/http/request-locale.js';
import { GetSlaReportQuery } from '../../application/queries/get-sla-report/get-sla-report.query.js';
import { InvalidReportRangeError } from '../../domain/sla-report.errors.js';
import { presentReport, presentReportError } from './reports.presenter.js';

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
    try {
      const report = await this.queries.execute(new GetSlaReportQuery(asked.from, asked.to));
      const words = this.translator.words(pageLocale(request, this.config.DEFAULT_LOCALE));
      return presentReport(report, words);
    } catch (error) {
      if (!(error instanceof InvalidReportRangeError)) throw error;
      return presentReportError(asked, error.sentence);
    }
  }
}
