import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  arrangementProblems,
  BusinessCalendar,
  type ArrangementEntry,
  type ArrangementProblem,
  type YearArrangement,
} from '@lib/business-calendar';
import { DateTime } from 'luxon';
import type { DeadlinePolicy } from '../../initialization/contracts/sla.js';
import type { Message } from '../../shared/i18n/message.js';
import { arrangementProblem, outsideReachProblem } from '../domain/calendar.errors.js';
import { changedDays, dayChanges, type DayChanges } from '../domain/day-changes.js';
import { inYearBefore, noticeReach, withinReach } from '../domain/notice-reach.js';
import { BusinessCalendarSource } from './business-calendar-source.js';
import { CalendarDeadlinePolicy } from './calendar-deadline-policy.js';

/** One thing wrong with an arrangement, and what of the form it is about, when known. */
export interface CalendarProblem {
  message: Message;
  /** The form field (list) it is about; none for the year as a whole. */
  field: 'source' | 'daysOff' | 'makeUpWorkdays' | null;
  /** The days it names, so a form can point at the lines listing them. */
  days: string[];
  /** The library's problem code, or 'outside-reach'. */
  code: ArrangementProblem['code'] | 'outside-reach';
}

/** What saving an arrangement would do, worked out from the calendar as stored. */
export interface CalendarChangePlan {
  arrangement: YearArrangement;
  /** The year's stored arrangement it replaces; null when it adds the year. */
  before: YearArrangement | null;
  /** The stored calendar this plan was made from (a digest): a save checks it has not moved on. */
  basis: string;
  changes: DayChanges;
  /** Changed days of the year before (late December). */
  yearBeforeDays: string[];
  /** The deadline rules on the calendar as it will be once saved. */
  policy: DeadlinePolicy;
  /** Open requests whose clock started from here on are worked out again. */
  clockStartedFrom: Date;
}

/**
 * Checks an arrangement against the stored calendar and works out what saving it
 * changes: the days, and (through the deadline policy on the calendar as it will be)
 * the deadlines. The preview and the save both use it, so what an administrator
 * confirms is what is saved.
 */
@Injectable()
export class CalendarChangePlanner {
  constructor(
    private readonly source: BusinessCalendarSource,
    private readonly deadlines: CalendarDeadlinePolicy,
  ) {}

  plan(
    stored: readonly YearArrangement[],
    arrangement: YearArrangement,
  ): { problems: CalendarProblem[]; plan: null } | { problems: []; plan: CalendarChangePlan } {
    const others = stored.filter((candidate) => candidate.year !== arrangement.year);
    const problems = problemsOf(others, arrangement);
    if (problems.length > 0) return { problems, plan: null };
    const before = stored.find((candidate) => candidate.year === arrangement.year) ?? null;
    const changes = dayChanges(before, arrangement);
    const reach = noticeReach(arrangement.year);
    const calendar = new BusinessCalendar([...others, arrangement], this.source.options);
    return {
      problems: [],
      plan: {
        arrangement,
        before,
        basis: calendarBasis(stored),
        changes,
        yearBeforeDays: changedDays(changes).filter((day) => inYearBefore(reach, day)),
        policy: this.deadlines.on(calendar),
        clockStartedFrom: this.earliestAffectedStart(arrangement.year),
      },
    };
  }

  /**
   * An arrangement can list days from late December of the year before. A request whose
   * clock started a little earlier can have its deadline then, so every request whose
   * clock started from November 1 of the year before is worked out again (a month and more
   * covers any deadline of a few business days; unchanged ones stay as they are; requests
   * waiting for the applicant are looked at by their reply deadline).
   */
  private earliestAffectedStart(year: number): Date {
    return DateTime.fromObject(
      { year: year - 1, month: 11, day: 1 },
      { zone: this.source.options.zone },
    ).toJSDate();
  }
}

/** A digest of the stored calendar: changes whenever any year's arrangement does. */
export function calendarBasis(stored: readonly YearArrangement[]): string {
  return createHash('sha256').update(JSON.stringify(stored)).digest('hex').slice(0, 32);
}

/**
 * Every problem with the arrangement beside the others stored: the library's rules, and the
 * desk's: a day outside the year and its late December (which the library's wider "the
 * December before" would let through) is refused.
 */
function problemsOf(
  others: readonly YearArrangement[],
  arrangement: YearArrangement,
): CalendarProblem[] {
  const reach = noticeReach(arrangement.year);
  const problems: CalendarProblem[] = arrangementProblems([...others, arrangement])
    .filter((problem) => problem.code !== 'outside-year' || problem.year !== arrangement.year)
    .map((problem) => ({
      message: arrangementProblem(problem),
      field: fieldOf(problem),
      days: daysOf(problem),
      code: problem.code,
    }));
  const outside = (entry: ArrangementEntry, days: string[]): void => {
    for (const day of new Set(days))
      if (isCalendarDay(day) && !withinReach(reach, day))
        problems.push({
          message: outsideReachProblem(entry, day, reach),
          field: entry.kind === 'day-off' ? 'daysOff' : 'makeUpWorkdays',
          days: [day],
          code: 'outside-reach',
        });
  };
  for (const block of arrangement.daysOff)
    outside({ kind: 'day-off', name: block.name }, [block.from, block.to]);
  for (const day of arrangement.makeUpWorkdays)
    outside({ kind: 'make-up-workday', name: day.name }, [day.date]);
  return problems;
}

/** A real 'YYYY-MM-DD' (the library words any other as "not a calendar date"). */
const isCalendarDay = (day: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(day) && DateTime.fromISO(day, { zone: 'utc' }).isValid;

function fieldOf(problem: ArrangementProblem): CalendarProblem['field'] {
  if (problem.code === 'source-missing') return 'source';
  if (problem.code === 'day-off-unnamed') return 'daysOff';
  if (problem.code === 'make-up-workday-unnamed' || problem.code === 'make-up-workday-not-weekend')
    return 'makeUpWorkdays';
  if ('entry' in problem) return problem.entry.kind === 'day-off' ? 'daysOff' : 'makeUpWorkdays';
  return null;
}

function daysOf(problem: ArrangementProblem): string[] {
  if ('day' in problem) return [problem.day];
  if ('date' in problem) return [problem.date];
  if ('from' in problem) return [problem.from];
  return [];
}
