import { DateTime } from 'luxon';
import type { BusinessCalendar } from '@lib/business-calendar';

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

/** BusinessTime on the official working calendar (the same one the deadlines use). */
export class CalendarBusinessTime implements BusinessTime {
  constructor(private readonly calendar: BusinessCalendar) {}

  get zone(): string {
    return this.calendar.zone;
  }

  isBusinessDay(date: string): boolean {
    return this.calendar.isBusinessDay(date);
  }

  minutesBetween(from: Date, to: Date): number {
    return Math.max(0, Math.round(this.calendar.businessMinutesBetween(from, to)));
  }

  businessDayOf(at: Date): string {
    const day = DateTime.fromJSDate(at, { zone: this.calendar.zone }).toISODate()!;
    return this.calendar.isBusinessDay(day) ? day : this.calendar.nextBusinessDay(day);
  }
}
