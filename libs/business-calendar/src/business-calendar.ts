import { DateTime, IANAZone } from 'luxon';
import {
  daysOfBlock,
  InvalidArrangementError,
  parseDay,
  validateArrangements,
  type YearArrangement,
} from './arrangement.js';
import { CHINA_OFFICIAL_ARRANGEMENTS } from './data/china-official-2024-2026.js';
import { zoneOffsets } from './zone-offsets.js';

/** Business hours as minutes after midnight in the business zone: [start, end). */
export interface BusinessHours {
  readonly start: number;
  readonly end: number;
}

export interface BusinessCalendarOptions {
  /** IANA zone in which calendar days and business hours are read. */
  readonly zone?: string;
  readonly hours?: BusinessHours;
}

/** 'official': the year's arrangement is loaded; 'fallback': the year counts Monday–Friday. */
export type Coverage = 'official' | 'fallback';

export interface DueAtWithCoverage {
  readonly dueAt: Date;
  /** Years the computation touched that have no arrangement (counted Monday–Friday). */
  readonly fallbackYears: number[];
}

export const DEFAULT_BUSINESS_ZONE = 'Asia/Shanghai';
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { start: 9 * 60, end: 18 * 60 };
/** Ten years of business-hour boundaries; past that the cache starts over. */
const WALL_CLOCK_CACHE_SIZE = 10_000;

const MS_PER_MINUTE = 60_000;

/**
 * A working calendar: which days are business days (official arrangements, or Monday–Friday
 * for years without one) and business-time arithmetic within business hours. Calendar days
 * are 'YYYY-MM-DD' strings in the business zone; instants are `Date`s. Nothing here reads the
 * server's local zone.
 */
export class BusinessCalendar {
  readonly zone: string;
  readonly hours: BusinessHours;
  private readonly daysOff = new Set<string>();
  private readonly makeUpWorkdays = new Set<string>();
  private readonly officialYearSet: ReadonlySet<number>;
  /** Instants of wall-clock times already worked out ("2026-11-25 1080" → ms): zone maths is slow. */
  private readonly wallClockCache = new Map<string, number>();
  /** The zone's UTC offset (minutes) at an instant. */
  private readonly offsetAt: (ms: number) => number;

  constructor(arrangements: readonly YearArrangement[], options: BusinessCalendarOptions = {}) {
    const problems = validateArrangements(arrangements);
    if (problems.length > 0) throw new InvalidArrangementError(problems);
    this.zone = options.zone ?? DEFAULT_BUSINESS_ZONE;
    if (!IANAZone.isValidZone(this.zone)) {
      throw new RangeError(`"${this.zone}" is not an IANA time zone.`);
    }
    this.offsetAt = zoneOffsets(this.zone);
    this.hours = checkHours(options.hours ?? DEFAULT_BUSINESS_HOURS);
    for (const arrangement of arrangements) {
      for (const block of arrangement.daysOff) {
        for (const day of daysOfBlock(block)) this.daysOff.add(day);
      }
      for (const { date } of arrangement.makeUpWorkdays) this.makeUpWorkdays.add(date);
    }
    this.officialYearSet = new Set(arrangements.map((a) => a.year));
  }

  /** Years with an official arrangement loaded, ascending. */
  get officialYears(): number[] {
    return [...this.officialYearSet].sort((a, b) => a - b);
  }

  coverage(year: number): Coverage {
    return this.officialYearSet.has(year) ? 'official' : 'fallback';
  }

  /** The given years that have no arrangement, distinct and ascending. */
  yearsWithoutArrangement(years: readonly number[]): number[] {
    return [...new Set(years)].filter((y) => this.coverage(y) === 'fallback').sort((a, b) => a - b);
  }

  /**
   * The years without an arrangement among the calendar days from `from` to `to` (either
   * order, both included). A computation spanning them counted those years Monday–Friday.
   */
  fallbackYearsBetween(from: string | Date, to: string | Date): number[] {
    const [a, b] = [yearOf(this.dayOf(from)), yearOf(this.dayOf(to))];
    const years: number[] = [];
    for (let y = Math.min(a, b); y <= Math.max(a, b); y += 1) years.push(y);
    return this.yearsWithoutArrangement(years);
  }

  /** The calendar day ('YYYY-MM-DD') of an instant in the calendar's zone. */
  calendarDayOf(instant: Date): string {
    return this.dayOfMillis(checkInstant(instant).getTime());
  }

  /** A listed make-up workday, or a Monday–Friday that is not a listed day off. */
  isBusinessDay(day: string | Date): boolean {
    return this.isWorkday(this.dayOf(day));
  }

  /** The first business day strictly after `day`. */
  nextBusinessDay(day: string | Date): string {
    let d = this.dayOf(day);
    do d = addDays(d, 1);
    while (!this.isWorkday(d));
    return d;
  }

  /** Business days in a calendar year (2024: 251, 2025: 248, 2026: 248). */
  businessDaysInYear(year: number): number {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      throw new RangeError(`${year} is not a four-digit year.`);
    }
    let count = 0;
    for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
      if (this.isWorkday(d)) count += 1;
    }
    return count;
  }

  /**
   * When the clock starts for something received at `receivedAt`: that instant if it is on a
   * business day before the end of business hours (the start of hours if earlier), otherwise
   * the start of hours on the next business day. Its date is "day 0".
   */
  effectiveStart(receivedAt: Date, hours?: BusinessHours): Date {
    return this.startOf(receivedAt, this.hoursOr(hours)).toJSDate();
  }

  /**
   * The end of business hours on the `businessDays`-th business day after day 0 (see
   * `effectiveStart`). Used for the SLA (`dueAt`) and for AWAITING_APPLICANT expiry
   * (15 business days after the information was requested).
   */
  endOfBusinessDayAfter(start: Date, businessDays: number, hours?: BusinessHours): Date {
    if (!Number.isInteger(businessDays) || businessDays < 0) {
      throw new RangeError(`businessDays must be a whole number ≥ 0, not ${businessDays}.`);
    }
    const h = this.hoursOr(hours);
    let day = isoDay(this.startOf(start, h));
    for (let i = 0; i < businessDays; i += 1) day = this.nextBusinessDay(day);
    return this.wallClock(day, h.end).toJSDate();
  }

  /** The SLA deadline: the end of business hours on the N-th business day after day 0. */
  dueAt(receivedAt: Date, businessDays = 2, hours?: BusinessHours): Date {
    return this.endOfBusinessDayAfter(receivedAt, businessDays, hours);
  }

  /** `dueAt`, plus the years it counted Monday–Friday for want of an arrangement. */
  dueAtWithCoverage(receivedAt: Date, businessDays = 2, hours?: BusinessHours): DueAtWithCoverage {
    const dueAt = this.dueAt(receivedAt, businessDays, hours);
    return { dueAt, fallbackYears: this.fallbackYearsBetween(receivedAt, dueAt) };
  }

  /**
   * Business minutes (inside business hours on business days) in [from, to). Signed: when
   * `to` is before `from` the result is minus the minutes in [to, from), so "time remaining
   * until dueAt" turns negative once it is passed. Fractional when the instants are not on
   * whole minutes.
   */
  businessMinutesBetween(from: Date, to: Date, hours?: BusinessHours): number {
    const [a, b] = [checkInstant(from).getTime(), checkInstant(to).getTime()];
    const h = this.hoursOr(hours);
    if (b < a) {
      const forward = this.businessMillisIn(b, a, h);
      return forward === 0 ? 0 : -forward / MS_PER_MINUTE;
    }
    return this.businessMillisIn(a, b, h) / MS_PER_MINUTE;
  }

  /**
   * `businessMinutesBetween(from, instant)` for each of `instants`, exactly, walking the
   * calendar once: the gaps between the instants (in time order) are added up, so a page
   * of fifty deadlines spread over a month costs a month of days, not fifty.
   */
  businessMinutesFrom(from: Date, instants: readonly Date[], hours?: BusinessHours): number[] {
    const origin = checkInstant(from).getTime();
    const h = this.hoursOr(hours);
    const times = [...new Set(instants.map((instant) => checkInstant(instant).getTime()))];
    const signed = new Map<number, number>();
    const walk = (sorted: number[], sign: 1 | -1): void => {
      let total = 0;
      let previous = origin;
      for (const time of sorted) {
        total +=
          sign > 0
            ? this.businessMillisIn(previous, time, h)
            : this.businessMillisIn(time, previous, h);
        signed.set(time, total === 0 ? 0 : (sign * total) / MS_PER_MINUTE);
        previous = time;
      }
    };
    walk(
      times.filter((time) => time >= origin).sort((x, y) => x - y),
      1,
    );
    walk(
      times.filter((time) => time < origin).sort((x, y) => y - x),
      -1,
    );
    return instants.map((instant) => signed.get(instant.getTime())!);
  }

  /** Business milliseconds in [a, b), for a ≤ b (whole numbers, so they add up exactly). */
  private businessMillisIn(a: number, b: number, h: BusinessHours): number {
    let total = 0;
    const last = this.dayOfMillis(b);
    for (let d = this.dayOfMillis(a); d <= last; d = addDays(d, 1)) {
      if (!this.isWorkday(d)) continue;
      const start = Math.max(a, this.wallClockMillis(d, h.start));
      const end = Math.min(b, this.wallClockMillis(d, h.end));
      if (end > start) total += end - start;
    }
    return total;
  }

  /**
   * The earliest instant from which at most `minutes` business minutes remain before `at`:
   * `businessMinutesBetween(result, at) === minutes`, and for any `now`,
   * `now >= result` exactly when `businessMinutesBetween(now, at) <= minutes`. The SLA stores
   * `subtractBusinessMinutes(dueAt, 240)` as the at-risk moment. When the minutes reach back
   * exactly to the start of a business day, the result is the end of the previous business
   * day (no business time lies between the two).
   */
  subtractBusinessMinutes(at: Date, minutes: number, hours?: BusinessHours): Date {
    if (!Number.isFinite(minutes) || minutes < 0) {
      throw new RangeError(`minutes must be a finite number ≥ 0, not ${minutes}.`);
    }
    const h = this.hoursOr(hours);
    const atMs = checkInstant(at).getTime();
    let remaining = Math.round(minutes * MS_PER_MINUTE);
    for (let d = this.dayOf(at); ; d = addDays(d, -1)) {
      if (!this.isWorkday(d)) continue;
      const start = this.wallClockMillis(d, h.start);
      const end = Math.min(atMs, this.wallClockMillis(d, h.end));
      const available = Math.max(0, end - start);
      if (available > remaining) return new Date(end - remaining);
      remaining -= available;
    }
  }

  /** `isBusinessDay` for a day already known to be a valid 'YYYY-MM-DD'. */
  private isWorkday(day: string): boolean {
    if (this.makeUpWorkdays.has(day)) return true;
    if (this.daysOff.has(day)) return false;
    return weekday(day) <= 5;
  }

  private startOf(instant: Date, h: BusinessHours): DateTime {
    const local = DateTime.fromJSDate(checkInstant(instant), { zone: this.zone });
    const day = isoDay(local);
    if (this.isWorkday(day) && local < this.wallClock(day, h.end)) {
      return DateTime.max(local, this.wallClock(day, h.start));
    }
    return this.wallClock(this.nextBusinessDay(day), h.start);
  }

  /** `wallClock(day, minuteOfDay)` in epoch milliseconds, remembered (lists ask for the same days). */
  private wallClockMillis(day: string, minuteOfDay: number): number {
    const key = `${day} ${minuteOfDay}`;
    let millis = this.wallClockCache.get(key);
    if (millis === undefined) {
      if (this.wallClockCache.size >= WALL_CLOCK_CACHE_SIZE) this.wallClockCache.clear();
      millis = this.wallClock(day, minuteOfDay).toMillis();
      this.wallClockCache.set(key, millis);
    }
    return millis;
  }

  /** `minuteOfDay` minutes after midnight (wall clock) on `day` in the business zone. */
  private wallClock(day: string, minuteOfDay: number): DateTime {
    if (minuteOfDay === 24 * 60) return this.wallClock(addDays(day, 1), 0);
    const { year, month, dayOfMonth } = partsOf(day);
    return DateTime.fromObject(
      {
        year,
        month,
        day: dayOfMonth,
        hour: Math.floor(minuteOfDay / 60),
        minute: minuteOfDay % 60,
      },
      { zone: this.zone },
    );
  }

  /** The calendar day of an instant in the business zone. */
  private dayOfMillis(ms: number): string {
    const shifted = new Date(ms + this.offsetAt(ms) * MS_PER_MINUTE).toISOString();
    return shifted.length === 24
      ? shifted.slice(0, 10)
      : isoDay(DateTime.fromMillis(ms, { zone: this.zone }));
  }

  private dayOf(day: string | Date): string {
    if (typeof day !== 'string') {
      // Not `instanceof Date`: a Date from another realm (a VM context, a worker) is a Date too.
      return this.dayOfMillis(checkInstant(day).getTime());
    }
    if (!parseDay(day)) throw new RangeError(`"${day}" is not a calendar date (YYYY-MM-DD).`);
    return day;
  }

  private hoursOr(hours: BusinessHours | undefined): BusinessHours {
    return hours ? checkHours(hours) : this.hours;
  }
}

/** The calendar built from the official 2024–2026 arrangements shipped with this library. */
export function chinaOfficialCalendar(options: BusinessCalendarOptions = {}): BusinessCalendar {
  return new BusinessCalendar(CHINA_OFFICIAL_ARRANGEMENTS, options);
}

function checkHours(hours: BusinessHours): BusinessHours {
  const { start, end } = hours;
  if (
    !Number.isInteger(start) ||
    !Number.isInteger(end) ||
    start < 0 ||
    start >= end ||
    end > 1440
  ) {
    throw new RangeError(
      `Business hours must be whole minutes after midnight with 0 ≤ start < end ≤ 1440, not ${start}–${end}.`,
    );
  }
  return hours;
}

function checkInstant(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError('The instant is an invalid Date.');
  return instant;
}

function isoDay(dt: DateTime): string {
  const day = dt.toISODate();
  if (day === null) throw new RangeError(`Invalid date: ${dt.invalidExplanation ?? 'unknown'}.`);
  return day;
}

// Plain calendar-date arithmetic on valid 'YYYY-MM-DD' strings: no zone is involved, so a
// UTC Date serves as the calendar (only its UTC fields are read).
function partsOf(day: string): { year: number; month: number; dayOfMonth: number } {
  return {
    year: yearOf(day),
    month: Number(day.slice(5, 7)),
    dayOfMonth: Number(day.slice(8, 10)),
  };
}

function utcCalendarDate(day: string, plusDays = 0): Date {
  const { year, month, dayOfMonth } = partsOf(day);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, dayOfMonth + plusDays);
  return date;
}

function addDays(day: string, days: number): string {
  return utcCalendarDate(day, days).toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
function weekday(day: string): number {
  return utcCalendarDate(day).getUTCDay() || 7;
}

function yearOf(day: string): number {
  return Number(day.slice(0, 4));
}
