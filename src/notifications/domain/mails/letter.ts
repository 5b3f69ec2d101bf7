import { DateTime } from 'luxon';
import type { Locale } from '../../../shared/i18n/locale.js';
import type { MessageKey } from '../../../shared/i18n/messages/index.js';
import type { Words } from '../../../shared/i18n/translator.js';
import type { ComposedMail } from '../outbox-message.js';

/** A paragraph, a bulleted list, or somebody's words quoted as written. */
export type Block = string | { list: readonly string[] } | { quote: string };

/** The two languages every letter to an applicant is written in: Chinese first, then English. */
export interface Bilingual {
  zh: Words;
  en: Words;
}

/** A letter to an applicant, written once and rendered in both languages. */
export interface Letter {
  kind: string;
  to: string;
  /** The request's reference, which every subject starts with. */
  reference: string;
  subject: MessageKey;
  /** The letter's paragraphs in one language (the closing is added). */
  body: (words: Words) => readonly Block[];
}

/**
 * What every mail needs to know beyond its event: where "local time" is, whom to call,
 * the language of staff notices to staff who chose none, and where the desk is reached
 * (PUBLIC_BASE_URL: every link in a mail starts with it).
 */
export interface MailStyle {
  zone: string;
  supportContact: string;
  defaultLocale: Locale;
  publicBaseUrl: string;
}

/**
 * A link as a mail may hold it: absolute (`https://desk.example.com/requests/…`), so the
 * reader's mail program can open it. A path alone ("/requests/…") is a programming error.
 */
export function mailLink(url: string): string {
  if (!/^https?:\/\/[^/\s]+/i.test(url)) {
    throw new Error(`a link in a mail must be absolute (http:// or https://), not "${url}"`);
  }
  return url;
}

const closing = (words: Words): Block[] => [
  words.t('notifications.letter.sentAutomatically'),
  words.t('notifications.letter.signature'),
];

/** Plain text and simple HTML of the same letter: the Chinese text first, then the English one. */
export function renderLetter(letter: Letter, words: Bilingual): ComposedMail {
  const zh = [...letter.body(words.zh), ...closing(words.zh)];
  const en = [...letter.body(words.en), ...closing(words.en)];
  const text = [...zh.map(blockText), '——————————', ...en.map(blockText)].join('\n\n') + '\n';
  const html =
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; color: #1c2733">' +
    `<div lang="zh-CN">${zh.map(blockHtml).join('')}</div>` +
    '<hr style="border: 0; border-top: 1px solid #ccd3da; margin: 1.5em 0">' +
    `<div lang="en">${en.map(blockHtml).join('')}</div>` +
    '</body></html>';
  const subject = `${letter.reference} ${words.zh.t(letter.subject)} / ${words.en.t(letter.subject)}`;
  return { kind: letter.kind, to: letter.to, subject, text, html };
}

/** "张伟，您好：" / "Dear 张伟,", or a plain hello when the name is not known. */
export function greeting(words: Words, name: string): string {
  return name.trim()
    ? words.t('notifications.letter.greeting', { name: name.trim() })
    : words.t('notifications.letter.hello');
}

function blockText(block: Block): string {
  if (typeof block === 'string') return block;
  if ('list' in block) return block.list.map((item) => `  • ${item}`).join('\n');
  return block.quote
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

function blockHtml(block: Block): string {
  if (typeof block === 'string') return `<p>${escapeHtml(block)}</p>`;
  if ('list' in block) {
    return `<ul>${block.list.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  }
  const lines = block.quote.split(/\r?\n/).map(escapeHtml).join('<br>');
  return `<blockquote style="margin: 0.5em 0; padding-left: 0.8em; border-left: 3px solid #ccd3da">${lines}</blockquote>`;
}

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * A moment as the applicant reads it, in the business zone and named: "2026年3月20日
 * 18:00（北京时间）" / "20 March 2026, 18:00 (Beijing time)" (English letters write the
 * day first, as British English does), or the zone's offset outside Beijing.
 */
export function localTime(at: Date, zone: string, words: Words): string {
  const locale = words.locale === 'en' ? 'en-GB' : words.locale;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(at);
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  return isBeijing(zone)
    ? words.t('notifications.letter.beijingTime', { date, time })
    : words.t('notifications.letter.zonedTime', { date, time, offset: utcOffset(at, zone) });
}

/** A deadline as a staff notice states it: "2026-03-20 18:00 Beijing time". */
export function dueTime(at: Date, zone: string, words: Words): string {
  const wallClock = DateTime.fromJSDate(at, { zone }).toFormat('yyyy-MM-dd HH:mm');
  return isBeijing(zone)
    ? words.t('notifications.staff.due', { at: wallClock })
    : words.t('notifications.staff.dueZoned', { at: wallClock, offset: utcOffset(at, zone) });
}

const isBeijing = (zone: string): boolean => zone === 'Asia/Shanghai';

/** UTC+09:00 */
const utcOffset = (at: Date, zone: string): string =>
  `UTC${DateTime.fromJSDate(at, { zone }).toFormat('ZZ')}`;
