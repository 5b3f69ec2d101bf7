import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';

export type CalendarDayKind = 'workday' | 'weekend' | 'day-off' | 'make-up' | 'blank';

export interface CalendarDayCell {
  day: number | null;
  isoDate: string | null;
  kind: CalendarDayKind;
  /** "2027-01-01: New Year's Day", "2026-12-26: Make-up working day (New Year)", "…: Working day"; none for a blank. */
  title: Message | null;
}

export interface CalendarYearView {
  year: number;
  official: boolean;
  source: string | null;
  businessDays: number;
  /** January (1) to December (12), each as weeks from Monday; the page names months and weekdays in its language. */
  months: { month: number; weeks: CalendarDayCell[][] }[];
  /** The arrangement as the edit form shows it, one entry per line. */
  form: { source: string; daysOff: string; makeUpWorkdays: string };
  years: { year: number; source: string; updatedAt: Date; updatedBy: string; current: boolean }[];
  missingYears: number[];
}

export class GetCalendarYearQuery extends Query<CalendarYearView> {
  constructor(
    readonly year: number,
    readonly now: Date,
  ) {
    super();
  }
}
