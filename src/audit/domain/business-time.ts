import { DateTime } from 'luxon';

/**
 * Business time as the reports and exports need it: minutes inside business
 * hours between two instants, and the business day an instant counts on.
 */
export interface BusinessTime {
  /** The IANA zone business days are counted in (Asia/Shanghai). */
  readonly zone: string;
  /** Minutes within business hours on business days between `from` and `to` (0 if `to` is earlier). */
  minutesBetween(from: Date, to: Date): number;
  /**
   * The business day (`yyyy-MM-dd` in the business zone) an instant counts on:
   * its own date when that is a business day, otherwise the next business day.
   */
  businessDayOf(at: Date): string;
  isBusinessDay(date: string): boolean;
}

export interface WorkingHoursOptions {
  zone: string;
  /** Minutes after midnight, e.g. 540 for 09:00. */
  dayStart: number;
  dayEnd: number;
  isBusinessDay(date: string): boolean;
}

/** BusinessTime over any business-day rule (the official calendar, or plain weekdays). */
export class WorkingHours implements BusinessTime {
  constructor(private readonly options: WorkingHoursOptions) {}

  get zone(): string {
    return this.options.zone;
  }

  isBusinessDay(date: string): boolean {
    return this.options.isBusinessDay(date);
  }

  minutesBetween(from: Date, to: Date): number {
    if (to.getTime() <= from.getTime()) return 0;
    const { zone, dayStart, dayEnd } = this.options;
    const end = DateTime.fromJSDate(to, { zone });
    let day = DateTime.fromJSDate(from, { zone }).startOf('day');
    let milliseconds = 0;
    while (day <= end) {
      const date = day.toISODate()!;
      if (this.options.isBusinessDay(date)) {
        const open = day.plus({ minutes: dayStart }).toMillis();
        const close = day.plus({ minutes: dayEnd }).toMillis();
        const start = Math.max(open, from.getTime());
        const stop = Math.min(close, to.getTime());
        if (stop > start) milliseconds += stop - start;
      }
      day = day.plus({ days: 1 });
    }
    return Math.round(milliseconds / 60_000);
  }

  businessDayOf(at: Date): string {
    let day = DateTime.fromJSDate(at, { zone: this.options.zone }).startOf('day');
    // No arrangement has more than a couple of weeks of consecutive days off.
    for (let guard = 0; guard < 60 && !this.options.isBusinessDay(day.toISODate()!); guard += 1) {
      day = day.plus({ days: 1 });
    }
    return day.toISODate()!;
  }
}

/** Monday to Friday: the rule for a year with no official arrangement loaded. */
export function isWeekday(date: string): boolean {
  const weekday = DateTime.fromISO(date, { zone: 'UTC' }).weekday;
  return weekday <= 5;
}
