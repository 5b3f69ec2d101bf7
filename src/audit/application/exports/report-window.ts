import { DateTime } from 'luxon';
import type { DayRange } from '../../domain/request-figures.js';

/**
 * The instants to read so that every request whose business day of receipt or
 * decision lies in the range is among them: a day off counts on the next
 * business day, and the longest run of days off (Spring Festival) is 9 days.
 */
export function readingWindow(range: DayRange): { from: Date; before: Date } {
  return {
    from: DateTime.fromISO(range.from, { zone: 'UTC' }).minus({ days: 16 }).toJSDate(),
    before: DateTime.fromISO(range.to, { zone: 'UTC' }).plus({ days: 2 }).toJSDate(),
  };
}
