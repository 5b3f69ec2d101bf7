import type { Locale } from '../../../shared/i18n/locale.js';

export interface CalendarNames {
  /** January to December: 一月 … 十二月 · January … December. */
  months: readonly string[];
  /** Monday to Sunday: 周一 · Mon, and in full (星期一 · Monday) for screen readers. */
  weekdays: readonly { short: string; long: string }[];
}

const known = new Map<Locale, CalendarNames>();

/** The names of months and weekdays in a locale, from Intl, worked out once per locale. */
export function calendarNames(locale: Locale): CalendarNames {
  let names = known.get(locale);
  if (!names) {
    const month = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    const short = new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 2024-01-01 was a Monday.
    names = {
      months: Array.from({ length: 12 }, (_, index) => month.format(Date.UTC(2024, index, 1))),
      weekdays: Array.from({ length: 7 }, (_, index) => {
        const day = Date.UTC(2024, 0, 1 + index);
        return { short: short.format(day), long: long.format(day) };
      }),
    };
    known.set(locale, names);
  }
  return names;
}
