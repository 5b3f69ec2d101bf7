import { DateTime } from 'luxon';

/** A run of consecutive days off, inclusive at both ends ('YYYY-MM-DD'). */
export interface HolidayBlock {
  readonly from: string;
  readonly to: string;
  readonly name: string;
}

/** A Saturday or Sunday that the arrangement makes a working day (调休). */
export interface MakeUpWorkday {
  readonly date: string;
  readonly name: string;
}

/** One year's official holiday arrangement, as published by the State Council. */
export interface YearArrangement {
  readonly year: number;
  /** Where it comes from, e.g. '国务院办公厅关于2025年部分节假日安排的通知 (2024-11-12)'. */
  readonly source: string;
  readonly daysOff: readonly HolidayBlock[];
  readonly makeUpWorkdays: readonly MakeUpWorkday[];
}

export class InvalidArrangementError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The calendar arrangements are invalid: ${problems.join(' ')}`);
    this.name = 'InvalidArrangementError';
  }
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date `day` as a luxon date (zone-free arithmetic in UTC), or null if it is not one. */
export function parseDay(day: string): DateTime<true> | null {
  if (!ISO_DAY.test(day)) return null;
  const parsed = DateTime.fromISO(day, { zone: 'utc' });
  return parsed.isValid ? parsed : null;
}

/** Every day of an inclusive range, in order. */
export function daysOfBlock(block: HolidayBlock): string[] {
  const from = parseDay(block.from);
  const to = parseDay(block.to);
  const days: string[] = [];
  if (!from || !to) return days;
  for (let d = from; d <= to; d = d.plus({ days: 1 })) days.push(d.toISODate());
  return days;
}

/** The entry of an arrangement a problem is about: a block of days off, or a make-up workday. */
export interface ArrangementEntry {
  readonly kind: 'day-off' | 'make-up-workday';
  readonly name: string;
}

/**
 * A problem with a set of arrangements: what is wrong (`code`) and the facts a sentence
 * about it names, so an application can word it in its readers' languages.
 * `describeArrangementProblem` words it in English.
 */
export type ArrangementProblem =
  | { readonly code: 'not-a-year'; readonly year: number }
  | { readonly code: 'year-listed-twice'; readonly year: number }
  | { readonly code: 'source-missing'; readonly year: number }
  | {
      readonly code: 'not-a-date' | 'outside-year';
      readonly year: number;
      readonly entry: ArrangementEntry;
      readonly day: string;
    }
  | { readonly code: 'day-off-unnamed'; readonly year: number; readonly from: string }
  | {
      readonly code: 'ends-before-start';
      readonly year: number;
      readonly entry: ArrangementEntry;
      readonly from: string;
      readonly to: string;
    }
  | { readonly code: 'make-up-workday-unnamed'; readonly year: number; readonly date: string }
  | {
      readonly code: 'make-up-workday-not-weekend';
      readonly year: number;
      readonly date: string;
      readonly name: string;
    }
  | { readonly code: 'day-listed-twice'; readonly year: number; readonly day: string }
  | {
      readonly code: 'day-in-other-arrangement';
      readonly year: number;
      readonly day: string;
      readonly otherYear: number;
    }
  | { readonly code: 'day-off-and-make-up-workday'; readonly year: number; readonly day: string };

/**
 * Every problem with a set of arrangements, as sentences an admin understands; empty when
 * they can be loaded. See `arrangementProblems` for the rules.
 */
export function validateArrangements(arrangements: readonly YearArrangement[]): string[] {
  return arrangementProblems(arrangements).map(describeArrangementProblem);
}

/**
 * Every problem with a set of arrangements; empty when they can be loaded. Dates must be
 * real, in the arrangement's year or in the December before it (a notice can move days at
 * the turn of the year), make-up workdays must fall on a weekend, no day may be both off and
 * a make-up workday, and each day is listed once, by one arrangement (a December day belongs
 * to one year's notice).
 */
export function arrangementProblems(
  arrangements: readonly YearArrangement[],
): ArrangementProblem[] {
  const problems: ArrangementProblem[] = [];
  const seenYears = new Set<number>();
  const off = new Map<string, number>();
  const work = new Map<string, number>();
  /** Which arrangement (by position) listed each day first. */
  const listedBy = new Map<string, { index: number; year: number }>();
  const list = (day: string, index: number, year: number): void => {
    const first = listedBy.get(day);
    if (!first) listedBy.set(day, { index, year });
    else if (first.index === index) problems.push({ code: 'day-listed-twice', year, day });
    else if (first.year !== year)
      problems.push({ code: 'day-in-other-arrangement', year, day, otherYear: first.year });
  };

  for (const [index, arrangement] of arrangements.entries()) {
    const { year } = arrangement;
    if (!Number.isInteger(year) || year < 1900 || year > 9999) {
      problems.push({ code: 'not-a-year', year });
      continue;
    }
    if (seenYears.has(year)) problems.push({ code: 'year-listed-twice', year });
    seenYears.add(year);
    if (!arrangement.source.trim()) problems.push({ code: 'source-missing', year });

    const earliest = `${year - 1}-12-01`;
    const latest = `${year}-12-31`;
    const checkDay = (day: string, entry: ArrangementEntry): boolean => {
      if (!parseDay(day)) {
        problems.push({ code: 'not-a-date', year, entry, day });
        return false;
      }
      if (day < earliest || day > latest) {
        problems.push({ code: 'outside-year', year, entry, day });
        return false;
      }
      return true;
    };

    for (const block of arrangement.daysOff) {
      const entry: ArrangementEntry = { kind: 'day-off', name: block.name };
      if (!block.name.trim()) problems.push({ code: 'day-off-unnamed', year, from: block.from });
      if (!checkDay(block.from, entry) || !checkDay(block.to, entry)) continue;
      if (block.from > block.to) {
        problems.push({ code: 'ends-before-start', year, entry, from: block.from, to: block.to });
        continue;
      }
      for (const day of daysOfBlock(block)) {
        list(day, index, year);
        off.set(day, year);
      }
    }
    for (const { date, name } of arrangement.makeUpWorkdays) {
      if (!name.trim()) problems.push({ code: 'make-up-workday-unnamed', year, date });
      if (!checkDay(date, { kind: 'make-up-workday', name })) continue;
      if ((parseDay(date)?.weekday ?? 0) <= 5) {
        problems.push({ code: 'make-up-workday-not-weekend', year, date, name });
      }
      // A day both off and worked is reported once, below.
      if (!off.has(date)) list(date, index, year);
      work.set(date, year);
    }
  }

  for (const [day, year] of work) {
    if (off.has(day)) problems.push({ code: 'day-off-and-make-up-workday', year, day });
  }
  return problems;
}

/** A problem as one English sentence: "2027: 2027-01-03 is listed more than once." */
export function describeArrangementProblem(problem: ArrangementProblem): string {
  const { year } = problem;
  const what = (entry: ArrangementEntry): string =>
    entry.kind === 'day-off' ? `day off (${entry.name})` : `make-up workday (${entry.name})`;
  switch (problem.code) {
    case 'not-a-year':
      return `${String(year)} is not a year.`;
    case 'year-listed-twice':
      return `${year} has more than one arrangement.`;
    case 'source-missing':
      return `${year}: the source of the arrangement is missing.`;
    case 'not-a-date':
      return `${year}: ${what(problem.entry)} "${problem.day}" is not a calendar date (YYYY-MM-DD).`;
    case 'outside-year':
      return `${year}: ${what(problem.entry)} ${problem.day} is outside ${year} and the December before it.`;
    case 'day-off-unnamed':
      return `${year}: a day off starting ${problem.from} has no name.`;
    case 'ends-before-start':
      return `${year}: ${what(problem.entry)} ends (${problem.to}) before it starts (${problem.from}).`;
    case 'make-up-workday-unnamed':
      return `${year}: the make-up workday ${problem.date} has no name.`;
    case 'make-up-workday-not-weekend':
      return `${year}: make-up workday ${problem.date} (${problem.name}) is not a Saturday or Sunday.`;
    case 'day-listed-twice':
      return `${year}: ${problem.day} is listed more than once.`;
    case 'day-in-other-arrangement':
      return `${year}: ${problem.day} is also listed in the ${problem.otherYear} arrangement; list each day in one arrangement only.`;
    case 'day-off-and-make-up-workday':
      return `${year}: ${problem.day} is listed both as a day off and as a make-up workday.`;
  }
}
