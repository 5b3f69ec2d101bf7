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
    /** Whether a refused form's values belong to this form (its hidden `_form` field): {{#if (isKept formState "reject")}} */
    isKept: (state: unknown, form: unknown) => keptOf(state, form) !== undefined,
    /** A refused form's value at a path, as text: {{keptValue formState "reject" "message"}} */
    keptValue: (state: unknown, form: unknown, ...rest: unknown[]) => {
      const value = valueAt(keptOf(state, form), rest.slice(0, -1));
      return typeof value === 'string' ? value : '';
    },
    /** Whether a refused form's checkbox at a path had this value: {{#if (keptHas formState "reject" "reasons" "OTHER")}} */
    keptHas: (state: unknown, form: unknown, ...rest: unknown[]) => {
      const args = rest.slice(0, -1);
      const wanted = args[args.length - 1];
      const value = valueAt(keptOf(state, form), args.slice(0, -1));
      return Array.isArray(value) ? value.includes(wanted) : value === wanted;
    },
    join: (list: unknown, separator: unknown) =>
      Array.isArray(list) ? list.join(typeof separator === 'string' ? separator : ', ') : '',
  };
}

/** The values a refused form left behind, if that form is `form`. */
function keptOf(state: unknown, form: unknown): Record<string, unknown> | undefined {
  const kept = state as { form?: unknown; values?: Record<string, unknown> } | undefined;
  if (!kept || typeof form !== 'string' || kept.form !== form) return undefined;
  return kept.values ?? {};
}

function valueAt(values: Record<string, unknown> | undefined, path: unknown[]): unknown {
  let current: unknown = values;
  for (const key of path) {
    if (current === null || typeof current !== 'object' || typeof key !== 'string')
      return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
