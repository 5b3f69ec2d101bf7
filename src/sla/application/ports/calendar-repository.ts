import type { YearArrangement } from '@lib/business-calendar';

/** The official arrangements (days off, make-up working days) stored per year. */
export interface CalendarRepository {
  loadArrangements(): Promise<YearArrangement[]>;
  /**
   * Holds the calendar for one change until the unit of work ends: changes of the
   * calendar (of any year) happen one after another, each seeing the one before.
   */
  lockForChange(): Promise<void>;
  /** Replaces the year's arrangement with this one (days it no longer lists are removed). */
  saveYear(arrangement: YearArrangement, savedBy: string, now: Date): Promise<void>;
  /** When each stored year was last changed, and by whom. */
  yearHistory(): Promise<{ year: number; source: string; updatedAt: Date; updatedBy: string }[]>;
}
export const CALENDAR_REPOSITORY = Symbol('CalendarRepository');
