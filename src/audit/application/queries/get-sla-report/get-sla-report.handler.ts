import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DateTime } from 'luxon';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import { InvalidReportRangeError } from '../../../domain/sla-report.errors.js';
import { isValidDate } from '../../../domain/export-filters.js';
import { figuresOf, isInRange, type DayRange } from '../../../domain/request-figures.js';
import { SlaReportBuilder, type SlaReport } from '../../../domain/sla-report.js';
import { readingWindow } from '../../exports/report-window.js';
import { BUSINESS_TIME_SOURCE, type BusinessTimeSource } from '../../ports/business-time-source.js';
import { REQUEST_FACTS_READER, type RequestFactsReader } from '../../ports/request-facts.reader.js';
import { GetSlaReportQuery } from './get-sla-report.query.js';

const MAX_DAYS = 366;

/**
 * Reads the same rows as the `requests` export (same reader, same figures per
 * request), so every number on the report can be counted from that file.
 */
@QueryHandler(GetSlaReportQuery)
export class GetSlaReportHandler implements IQueryHandler<GetSlaReportQuery> {
  constructor(
    @Inject(REQUEST_FACTS_READER) private readonly requests: RequestFactsReader,
    @Inject(BUSINESS_TIME_SOURCE) private readonly businessTime: BusinessTimeSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetSlaReportQuery): Promise<SlaReport> {
    const time = await this.businessTime.current();
    const range = this.rangeOf(query, time.zone);
    const window = readingWindow(range);
    const builder = new SlaReportBuilder(range, time);
    await this.requests.readRequests(
      { receivedOrDecidedFrom: window.from, receivedOrDecidedBefore: window.before },
      async ({ rows }) => {
        for await (const record of rows) {
          const figures = figuresOf(record, time);
          if (isInRange(figures, range)) builder.add(figures);
        }
      },
    );
    return builder.build();
  }

  private rangeOf(query: GetSlaReportQuery, zone: string): DayRange {
    const today = DateTime.fromJSDate(this.clock.now(), { zone });
    const to = query.to?.trim() || today.toISODate()!;
    const from = query.from?.trim() || today.minus({ days: 27 }).toISODate()!;
    const problems: Message[] = [];
    if (!isValidDate(from)) problems.push(msg('reports.problem.from'));
    if (!isValidDate(to)) problems.push(msg('reports.problem.to'));
    if (problems.length === 0) {
      if (from > to) problems.push(msg('reports.problem.order'));
      const days = DateTime.fromISO(to).diff(DateTime.fromISO(from), 'days').days;
      if (days >= MAX_DAYS) problems.push(msg('reports.problem.tooLong', { days: MAX_DAYS }));
    }
    if (problems.length > 0) throw new InvalidReportRangeError(problems);
    return { from, to };
  }
}
