import { Query } from '@nestjs/cqrs';

export type CalendarDayKind = 'workday' | 'weekend' | 'day-off' | 'make-up' | 'blank';

export interface CalendarDayCell {
  day: number | null;
  isoDate: string | null;
  kind: CalendarDayKind;
  /** The holiday or make-up day's name, or "Working day" / "Weekend". */
  title: string;
}

export interface CalendarYearView {
  year: number;
  official: boolean;
  source: string | null;
  businessDays: number;
  months: { name: string; weeks: CalendarDayCell[][] }[];
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
