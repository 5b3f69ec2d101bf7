import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { daysOfBlock } from '@lib/business-calendar';
import { DateTime } from 'luxon';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import { BusinessCalendarSource } from '../../business-calendar-source.js';
import { CALENDAR_REPOSITORY, type CalendarRepository } from '../../ports/calendar-repository.js';
import { festivalName } from './festival-name.js';
import {
  GetCalendarYearQuery,
  type CalendarDayCell,
  type CalendarYearView,
} from './get-calendar-year.query.js';

@QueryHandler(GetCalendarYearQuery)
export class GetCalendarYearHandler implements IQueryHandler<GetCalendarYearQuery> {
  constructor(
    @Inject(CALENDAR_REPOSITORY) private readonly repository: CalendarRepository,
    private readonly source: BusinessCalendarSource,
  ) {}

  async execute(query: GetCalendarYearQuery): Promise<CalendarYearView> {
    const [calendar, arrangements, history] = await Promise.all([
      this.source.current(),
      this.repository.loadArrangements(),
      this.repository.yearHistory(),
    ]);
    const arrangement = arrangements.find((candidate) => candidate.year === query.year) ?? null;
    // Every arrangement: next year's notice may list days of this December.
    const names = new Map<string, string>();
    const makeUp = new Map<string, string>();
    for (const stored of arrangements) {
      for (const block of stored.daysOff)
        for (const day of daysOfBlock(block)) names.set(day, block.name);
      for (const day of stored.makeUpWorkdays) makeUp.set(day.date, day.name);
    }

    const months = Array.from({ length: 12 }, (_, index) => {
      const first = DateTime.utc(query.year, index + 1, 1);
      const cells: CalendarDayCell[] = Array.from({ length: first.weekday - 1 }, () => ({
        day: null,
        isoDate: null,
        kind: 'blank',
        title: null,
      }));
      for (let day = first; day.month === first.month; day = day.plus({ days: 1 })) {
        const date = day.toISODate()!;
        const kind: CalendarDayCell['kind'] = makeUp.has(date)
          ? 'make-up'
          : names.has(date)
            ? 'day-off'
            : calendar.isBusinessDay(date)
              ? 'workday'
              : 'weekend';
        const what = makeUp.has(date)
          ? msg('sla.calendar.makeUpDayOf', { name: festivalName(makeUp.get(date)!) })
          : (festivalNameOf(names.get(date)) ??
            msg(kind === 'workday' ? 'sla.calendar.workday' : 'sla.calendar.weekend'));
        cells.push({
          day: day.day,
          isoDate: date,
          kind,
          title: msg('sla.calendar.dayTitle', { date, what }),
        });
      }
      const weeks: CalendarDayCell[][] = [];
      for (let start = 0; start < cells.length; start += 7)
        weeks.push(cells.slice(start, start + 7));
      return { month: index + 1, weeks };
    });

    const thisYear = DateTime.fromJSDate(query.now, { zone: calendar.zone }).year;
    return {
      year: query.year,
      official: arrangement !== null,
      source: arrangement?.source ?? null,
      businessDays: calendar.businessDaysInYear(query.year),
      months,
      form: {
        source: arrangement?.source ?? '',
        daysOff: (arrangement?.daysOff ?? [])
          .map((block) => `${block.from}..${block.to} ${block.name}`)
          .join('\n'),
        makeUpWorkdays: (arrangement?.makeUpWorkdays ?? [])
          .map((day) => `${day.date} ${day.name}`)
          .join('\n'),
      },
      years: history.map((entry) => ({ ...entry, current: entry.year === query.year })),
      missingYears: calendar.yearsWithoutArrangement([thisYear, thisYear + 1]),
    };
  }
}

function festivalNameOf(name: string | undefined): Message | string | undefined {
  return name === undefined ? undefined : festivalName(name);
}
