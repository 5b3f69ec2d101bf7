import Handlebars from 'handlebars';
import { DateTime } from 'luxon';
import { zoneOffsets } from '@lib/business-calendar';
import { isLocale, type Locale } from '../../i18n/locale.js';
import { Message, type MessageParams } from '../../i18n/message.js';
import type { Translator, Words } from '../../i18n/translator.js';

/** The wall clock of an instant in a zone, as text parts (a page formats hundreds of dates). */
interface WallClock {
  date: string;
  time: string;
  seconds: string;
  offset: string;
}

/** What Handlebars hands a helper last: the named arguments, and the page's data. */
interface HelperOptions {
  hash?: MessageParams;
  data?: { root?: { locale?: unknown } };
}

/**
 * Handlebars helpers format; they decide nothing. Words come from the catalogue in the
 * page's locale (`locale` in the render context); dates are shown in the business time
 * zone whatever the server's own zone.
 */
export function viewHelpers(
  translator: Translator,
): Record<string, (...args: unknown[]) => unknown> {
  const zone = translator.zone;
  const offsetAt = zoneOffsets(zone);
  const wordsOf = (options: unknown): Words => {
    const locale = (options as HelperOptions | undefined)?.data?.root?.locale;
    return translator.words(isLocale(locale) ? locale : FALLBACK_LOCALE);
  };
  const asDate = (value: unknown): Date | null => {
    if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
    if (typeof value === 'string' && value) return DateTime.fromISO(value, { zone }).toJSDate();
    return null;
  };
  // A page shows the same instants again and again (deadlines at 18:00 of a few days, and
  // each date twice: as text and in `datetime`), so the last few thousand are remembered.
  const recent = new Map<number, WallClock | null>();
  const wallClock = (value: unknown): WallClock | null => {
    let ms: number;
    if (Object.prototype.toString.call(value) === '[object Date]') ms = (value as Date).getTime();
    else if (typeof value === 'string' && value) ms = DateTime.fromISO(value, { zone }).toMillis();
    else return null;
    if (!Number.isFinite(ms)) return null;
    let clock = recent.get(ms);
    if (clock === undefined) {
      if (recent.size >= 5_000) recent.clear();
      clock = wallClockAt(ms);
      recent.set(ms, clock);
    }
    return clock;
  };
  const wallClockAt = (ms: number): WallClock | null => {
    const offset = offsetAt(ms);
    // The UTC fields of the instant moved by the offset are the zone's wall clock.
    const iso = new Date(ms + offset * 60_000).toISOString();
    if (iso.length !== 24) return null; // years beyond 9999 are not ours to show
    const sign = offset < 0 ? '-' : '+';
    const minutes = Math.abs(offset);
    return {
      date: iso.slice(0, 10),
      time: iso.slice(11, 16),
      seconds: iso.slice(16, 23),
      offset: `${sign}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`,
    };
  };
  return {
    /**
     * A catalogue message in the page's locale: `{{t "queue.title"}}`, `{{t "x" count=3}}`,
     * or a view model's `Message` (or key): `{{t statusLabel}}`.
     */
    // One positional argument, then Handlebars' options: `{{t key}}`, `{{t key n=1}}`, `(t key)`.
    t: (message: unknown, options: unknown) => {
      const words = wordsOf(options);
      if (message === null || message === undefined || message === '') return '';
      if (typeof message === 'string' || message instanceof Message)
        return words.text(message, (options as HelperOptions).hash);
      return typeof message === 'number' ? String(message) : '';
    },
    /** 2026年11月25日 14:05 · Nov 25, 2026, 14:05 */
    datetime: (value: unknown, options: unknown) => wordsOf(options).datetime(asDate(value)),
    /** 2026年11月25日 · Nov 25, 2026 (not named `date`: it would shadow a view model's `date` field) */
    dateOnly: (value: unknown, options: unknown) => wordsOf(options).date(asDate(value)),
    /** 1,234 */
    number: (value: unknown, options: unknown) =>
      typeof value === 'number' ? wordsOf(options).number(value) : '',
    /** ISO 8601 with offset, for <time datetime>: 2026-11-25T14:05:00.000+08:00 */
    isoTime: (value: unknown) => {
      const clock = wallClock(value);
      return clock ? `${clock.date}T${clock.time}${clock.seconds}${clock.offset}` : '';
    },
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
    /** A list of texts joined the locale's way: 甲、乙和丙 · A, B, and C */
    list: (items: unknown, options: unknown) =>
      Array.isArray(items)
        ? wordsOf(options).list(items.map((item) => wordsOf(options).text(item as string)))
        : '',
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

const pad = (value: number): string => String(value).padStart(2, '0');

/** Only a page rendered without the request's locale (none should be) falls back to this. */
export const FALLBACK_LOCALE: Locale = 'zh-CN';

/**
 * A template's source with every static `{{t "key"}}` (no named arguments) written out
 * as its words in one locale, escaped as Handlebars would: compiled once per locale,
 * a page's fixed words cost nothing when it renders. Keys the catalogue lacks stay as
 * they are (the catalogue check names them).
 */
export function withStaticWords(source: string, words: Words): string {
  return source.replace(/\{\{t "([^"]+)"\}\}/g, (mustache, key: string) =>
    words.has(key) ? Handlebars.escapeExpression(words.t(key)) : mustache,
  );
}
