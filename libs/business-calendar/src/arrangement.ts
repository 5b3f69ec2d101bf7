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

/**
 * Every problem with a set of arrangements, as sentences an admin understands; empty when
 * they can be loaded. Dates must be real, in the arrangement's year or in the December before
 * it (a notice can move days at the turn of the year), make-up workdays must fall on a
 * weekend, no day may be both off and a make-up workday, and each day is listed once, by
 * one arrangement (a December day belongs to one year's notice).
 */
export function validateArrangements(arrangements: readonly YearArrangement[]): string[] {
  const problems: string[] = [];
  const seenYears = new Set<number>();
  const off = new Map<string, number>();
  const work = new Map<string, number>();
  /** Which arrangement (by position) listed each day first. */
  const listedBy = new Map<string, { index: number; year: number }>();
  const list = (day: string, index: number, year: number): void => {
    const first = listedBy.get(day);
    if (!first) listedBy.set(day, { index, year });
    else if (first.index === index) problems.push(`${year}: ${day} is listed more than once.`);
    else if (first.year !== year)
      problems.push(
        `${year}: ${day} is also listed in the ${first.year} arrangement; list each day in one arrangement only.`,
      );
  };

  for (const [index, arrangement] of arrangements.entries()) {
    const { year } = arrangement;
    if (!Number.isInteger(year) || year < 1900 || year > 9999) {
      problems.push(`${String(year)} is not a year.`);
      continue;
    }
    if (seenYears.has(year)) problems.push(`${year} has more than one arrangement.`);
    seenYears.add(year);
    if (!arrangement.source.trim())
      problems.push(`${year}: the source of the arrangement is missing.`);

    const earliest = `${year - 1}-12-01`;
    const latest = `${year}-12-31`;
    const checkDay = (day: string, what: string): boolean => {
      if (!parseDay(day)) {
        problems.push(`${year}: ${what} "${day}" is not a calendar date (YYYY-MM-DD).`);
        return false;
      }
      if (day < earliest || day > latest) {
        problems.push(`${year}: ${what} ${day} is outside ${year} and the December before it.`);
        return false;
      }
      return true;
    };

    for (const block of arrangement.daysOff) {
      const what = `day off (${block.name})`;
      if (!block.name.trim())
        problems.push(`${year}: a day off starting ${block.from} has no name.`);
      if (!checkDay(block.from, what) || !checkDay(block.to, what)) continue;
      if (block.from > block.to) {
        problems.push(`${year}: ${what} ends (${block.to}) before it starts (${block.from}).`);
        continue;
      }
      for (const day of daysOfBlock(block)) {
        list(day, index, year);
        off.set(day, year);
      }
    }
    for (const { date, name } of arrangement.makeUpWorkdays) {
      if (!name.trim()) problems.push(`${year}: the make-up workday ${date} has no name.`);
      if (!checkDay(date, `make-up workday (${name})`)) continue;
      if ((parseDay(date)?.weekday ?? 0) <= 5) {
        problems.push(`${year}: make-up workday ${date} (${name}) is not a Saturday or Sunday.`);
      }
      // A day both off and worked is reported once, below.
      if (!off.has(date)) list(date, index, year);
      work.set(date, year);
    }
  }

  for (const [day, year] of work) {
    if (off.has(day)) {
      problems.push(`${year}: ${day} is listed both as a day off and as a make-up workday.`);
    }
  }
  return problems;
}
