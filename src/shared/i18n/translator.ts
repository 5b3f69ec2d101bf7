import { isArgumentElement, isLiteralElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, type Formats } from 'intl-messageformat';
import { Message, type MessageParam, type MessageParams } from './message.js';
import { LOCALES, type Locale } from './locale.js';
import { CATALOGUES, type MessageKey } from './messages/index.js';

/** Remembered renderings of instants per format; a page shows the same deadlines again and again. */
const REMEMBERED_INSTANTS = 5_000;
/** Remembered renderings of plural/select messages by their values ("剩余 3 小时 20 分钟"). */
const REMEMBERED_RENDERINGS = 10_000;

/**
 * A compiled message: its text when it has no arguments; its pieces when it has only
 * plain `{name}` arguments (joined without the formatter: most of a page's messages);
 * otherwise the ICU formatter, for plural, select, number and date arguments.
 */
type Compiled = string | readonly (string | { readonly name: string })[] | IntlMessageFormat;

/** Remembered renderings: one level per argument value, the text under `RENDERED`. */
type RenderingNode = Map<string | number | symbol, RenderingNode | string>;
const RENDERED = Symbol('rendered');

/**
 * The desk's words in one locale: catalogue messages (ICU MessageFormat, compiled once
 * each, on first use) and the locale's formats for instants (always in the business
 * time zone), numbers and lists.
 */
export class Words {
  private readonly compiled = new Map<string, Compiled>();
  private readonly renderings = new Map<string, RenderingNode>();
  private remembered = 0;
  private readonly formats: Partial<Formats>;
  private readonly numbers: Intl.NumberFormat;
  private readonly lists: Intl.ListFormat;
  private readonly instantFormats: Record<InstantStyle, Intl.DateTimeFormat>;
  private readonly instants: Record<InstantStyle, Map<number, string>>;

  constructor(
    readonly locale: Locale,
    readonly zone: string,
    private readonly catalogue: Readonly<Record<string, string>>,
  ) {
    const styles = instantStyles(zone);
    this.instantFormats = {
      datetime: new Intl.DateTimeFormat(locale, styles.datetime),
      date: new Intl.DateTimeFormat(locale, styles.date),
      time: new Intl.DateTimeFormat(locale, styles.time),
      month: new Intl.DateTimeFormat(locale, styles.month),
    };
    this.instants = { datetime: new Map(), date: new Map(), time: new Map(), month: new Map() };
    // `{at, date, datetime}` / `{at, date}` / `{at, time}` in a message use the same formats.
    this.formats = {
      date: {
        short: styles.date,
        medium: styles.date,
        long: styles.date,
        full: styles.date,
        datetime: styles.datetime,
        month: styles.month,
      },
      time: { short: styles.time, medium: styles.time, long: styles.time, full: styles.time },
    };
    this.numbers = new Intl.NumberFormat(locale);
    this.lists = new Intl.ListFormat(locale, { type: 'conjunction', style: 'long' });
  }

  /** Whether the catalogue has this key (template keys are checked against it in tests). */
  has(key: string): key is MessageKey {
    return Object.prototype.hasOwnProperty.call(this.catalogue, key);
  }

  /** Compiles every message of the catalogue now (a message that does not parse throws). */
  compileAll(): void {
    for (const key of Object.keys(this.catalogue)) {
      if (!this.compiled.has(key)) this.compiled.set(key, this.compile(key));
    }
  }

  /** A catalogue message in this locale, with its parameters. */
  t(key: MessageKey, params?: MessageParams): string {
    return this.render(key, params);
  }

  /**
   * A message, or a key with parameters, in this locale; '' for nothing. A key the
   * catalogue lacks comes back as itself (visible, and caught by the catalogue check).
   */
  text(message: Message | string | null | undefined, params?: MessageParams): string {
    if (message === null || message === undefined || message === '') return '';
    if (message instanceof Message) return this.render(message.key, message.params);
    return this.render(message, params);
  }

  /** 2026/11/25 18:05 · Nov 25, 2026, 18:05 */
  datetime(at: Date | null | undefined): string {
    return this.instant('datetime', at);
  }

  /** 2026/11/25 · Nov 25, 2026 */
  date(at: Date | null | undefined): string {
    return this.instant('date', at);
  }

  /** 18:05 */
  time(at: Date | null | undefined): string {
    return this.instant('time', at);
  }

  /** 2026年11月 · November 2026 */
  month(at: Date | null | undefined): string {
    return this.instant('month', at);
  }

  /** 1,234 */
  number(value: number): string {
    return this.numbers.format(value);
  }

  /** 甲、乙和丙 · A, B, and C */
  list(items: readonly string[]): string {
    return this.lists.format(items);
  }

  private instant(style: InstantStyle, at: Date | null | undefined): string {
    if (!at) return '';
    const ms = at.getTime();
    if (!Number.isFinite(ms)) return '';
    const remembered = this.instants[style];
    let text = remembered.get(ms);
    if (text === undefined) {
      if (remembered.size >= REMEMBERED_INSTANTS) remembered.clear();
      text = this.instantFormats[style].format(ms);
      remembered.set(ms, text);
    }
    return text;
  }

  private render(key: string, params: MessageParams | undefined): string {
    let compiled = this.compiled.get(key);
    if (compiled === undefined) {
      // Text that is no key (recorded data handed to `{{t}}` by mistake) is shown as it is,
      // and not remembered: the compiled messages stay as many as the catalogue's.
      if (!this.has(key)) return key;
      compiled = this.compile(key);
      this.compiled.set(key, compiled);
    }
    if (typeof compiled === 'string') return compiled;
    if (Array.isArray(compiled)) {
      let text = '';
      for (const piece of compiled as readonly (string | { name: string })[])
        text += typeof piece === 'string' ? piece : this.plain(params?.[piece.name]);
      return text;
    }
    return this.formatted(key, compiled as IntlMessageFormat, params);
  }

  /** A plain `{name}` argument's text: a nested message rendered, a list joined, a number as is. */
  private plain(value: MessageParam): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'string') return value;
    if (value instanceof Message) return this.text(value);
    if (Array.isArray(value)) return this.list(value.map((item: Message) => this.text(item)));
    return String(value);
  }

  /**
   * A plural, select, number or date message. The formatter is slow next to a page's
   * other work (it builds parts and finds its Intl formatters by serialising their
   * options), and a page asks for the same few renderings again and again ("剩余 3 小时"),
   * so each rendering is remembered, in a tree of the message's argument values.
   */
  private formatted(key: string, format: IntlMessageFormat, params: MessageParams | undefined) {
    let node = this.renderings.get(key);
    if (!node) {
      node = new Map();
      this.renderings.set(key, node);
    }
    // Walked without building the formatter's values: a remembered rendering allocates nothing.
    if (params) {
      for (const name in params) {
        const value = params[name];
        const at =
          value instanceof Date
            ? value.getTime()
            : typeof value === 'number' || typeof value === 'string'
              ? value
              : this.plain(value);
        let next = node.get(at) as RenderingNode | undefined;
        if (!next) {
          if (this.remembered >= REMEMBERED_RENDERINGS) this.forgetRenderings();
          next = new Map();
          node.set(at, next);
        }
        node = next;
      }
    }
    let text = node.get(RENDERED) as string | undefined;
    if (text === undefined) {
      text = String(format.format(this.values(params)));
      node.set(RENDERED, text);
      this.remembered += 1;
    }
    return text;
  }

  private forgetRenderings(): void {
    this.renderings.clear();
    this.remembered = 0;
  }

  private compile(key: string): Compiled {
    const source = this.has(key) ? this.catalogue[key]! : undefined;
    if (source === undefined) return key;
    let format: IntlMessageFormat;
    try {
      format = new IntlMessageFormat(source, this.locale, this.formats, { ignoreTag: true });
    } catch (error) {
      throw new Error(`The ${this.locale} message "${key}" does not parse: ${String(error)}`, {
        cause: error,
      });
    }
    // A message without arguments is its own text: kept as a string, never formatted again.
    const ast = format.getAst();
    if (ast.length === 0) return '';
    const [only] = ast;
    if (ast.length === 1 && only && isLiteralElement(only)) return only.value;
    if (ast.every((element) => isLiteralElement(element) || isArgumentElement(element)))
      return ast.map((element) =>
        isLiteralElement(element) ? element.value : { name: element.value },
      );
    return format;
  }

  private values(params: MessageParams | undefined): Record<string, string | number | Date> {
    const values: Record<string, string | number | Date> = {};
    if (!params) return values;
    for (const name in params) {
      const value = params[name];
      if (value === null || value === undefined) values[name] = '';
      else if (value instanceof Message) values[name] = this.text(value);
      else if (Array.isArray(value))
        values[name] = this.list((value as readonly Message[]).map((item) => this.text(item)));
      else values[name] = value as string | number | Date;
    }
    return values;
  }
}

type InstantStyle = 'datetime' | 'date' | 'time' | 'month';

function instantStyles(zone: string): Record<InstantStyle, Intl.DateTimeFormatOptions> {
  const date: Intl.DateTimeFormatOptions = {
    timeZone: zone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  };
  const time: Intl.DateTimeFormatOptions = {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  };
  return {
    date,
    time,
    datetime: { ...date, ...time },
    month: { timeZone: zone, year: 'numeric', month: 'long' },
  };
}

/**
 * The desk's words in every locale, for one business time zone. One instance serves the
 * whole process: catalogues are loaded once and each message is compiled once per locale.
 */
export class Translator {
  private readonly byLocale: Record<Locale, Words>;

  constructor(readonly zone: string) {
    this.byLocale = Object.fromEntries(
      LOCALES.map((locale) => [locale, new Words(locale, zone, CATALOGUES[locale])]),
    ) as Record<Locale, Words>;
  }

  words(locale: Locale): Words {
    return this.byLocale[locale];
  }
}
