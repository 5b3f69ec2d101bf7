import { DateTime } from 'luxon';

/**
 * Handlebars helpers format; they decide nothing. Dates are shown in the
 * business time zone whatever the server's own zone.
 */
export function viewHelpers(zone: string): Record<string, (...args: unknown[]) => unknown> {
  const toDateTime = (value: unknown): DateTime | null => {
    if (Object.prototype.toString.call(value) === '[object Date]')
      return DateTime.fromJSDate(value as Date, { zone });
    if (typeof value === 'string' && value) return DateTime.fromISO(value, { zone });
    return null;
  };
  return {
    /** 2026-11-25 14:05 */
    datetime: (value: unknown) => toDateTime(value)?.toFormat('yyyy-MM-dd HH:mm') ?? '',
    /** 2026-11-25 (not named `date`: a helper would shadow a view model's `date` field) */
    dateOnly: (value: unknown) => toDateTime(value)?.toFormat('yyyy-MM-dd') ?? '',
    /** ISO 8601 with offset, for <time datetime>. */
    isoTime: (value: unknown) => toDateTime(value)?.toISO() ?? '',
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
    and: (...args: unknown[]) => args.slice(0, -1).every(Boolean),
    or: (...args: unknown[]) => args.slice(0, -1).some(Boolean),
    /** Looks up what a refused form left behind: {{formValue formState "message"}} */
    formValue: (state: unknown, field: unknown) => {
      const values = (state as { values?: Record<string, unknown> } | undefined)?.values;
      const value = typeof field === 'string' ? values?.[field] : undefined;
      return typeof value === 'string' ? value : '';
    },
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  };
}
