import { DateTime } from 'luxon';
import type { ComposedMail } from '../outbox-message.js';

/** A paragraph, a bulleted list, or somebody's words quoted as written. */
export type Block = string | { list: readonly string[] } | { quote: string };

/** A bilingual letter: the Chinese text first, then the English one. */
export interface Letter {
  kind: string;
  to: string;
  subject: string;
  zh: readonly Block[];
  en: readonly Block[];
}

/** What every mail needs to know beyond its event: where "local time" is, whom to call. */
export interface MailStyle {
  zone: string;
  supportContact: string;
}

const CLOSING = {
  zh: ['此邮件由系统自动发送，请勿直接回复。', '阿里云 ICP 备案 · 账号邮箱初始化'],
  en: [
    'This message was sent automatically; please do not reply to it.',
    'Alibaba Cloud ICP Filing · Account Email Initialization',
  ],
};

/** Plain text and simple HTML of the same letter. */
export function renderLetter(letter: Letter): ComposedMail {
  const zh = [...letter.zh, ...CLOSING.zh];
  const en = [...letter.en, ...CLOSING.en];
  const text = [...zh.map(blockText), '——————————', ...en.map(blockText)].join('\n\n') + '\n';
  const html =
    '<!doctype html><html><body style="font-family: sans-serif; line-height: 1.5; color: #1c2733">' +
    `<div lang="zh-CN">${zh.map(blockHtml).join('')}</div>` +
    '<hr style="border: 0; border-top: 1px solid #ccd3da; margin: 1.5em 0">' +
    `<div lang="en">${en.map(blockHtml).join('')}</div>` +
    '</body></html>';
  return { kind: letter.kind, to: letter.to, subject: letter.subject, text, html };
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

/** A moment as the applicant reads it: in the business zone, named. */
export function localTime(at: Date, zone: string): { zh: string; en: string } {
  const time = DateTime.fromJSDate(at, { zone });
  const beijing = zone === 'Asia/Shanghai';
  const offset = `UTC${time.toFormat('ZZ')}`;
  return {
    zh: `${time.toFormat('yyyy年M月d日 HH:mm')}（${beijing ? '北京时间' : offset}）`,
    en: `${time.setLocale('en-GB').toFormat('d MMMM yyyy, HH:mm')} (${beijing ? 'Beijing time' : offset})`,
  };
}
