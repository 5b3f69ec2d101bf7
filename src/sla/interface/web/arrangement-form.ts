import type { HolidayBlock, MakeUpWorkday, YearArrangement } from '@lib/business-calendar';
import { msg, type Message } from '../../../shared/i18n/message.js';

export interface ArrangementForm {
  year?: string;
  source?: string;
  daysOff?: string;
  makeUpWorkdays?: string;
}

const RANGE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|-{1,2}|to)\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/;
const DAY = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

/**
 * The edit form's text, one entry per line: `2027-01-01..2027-01-03 New Year's Day`
 * for days off, `2027-01-04 New Year's Day` for make-up working days. Every
 * unreadable line is reported, all at once; the calendar library checks the dates themselves.
 */
export function parseArrangementForm(
  form: ArrangementForm,
): { ok: true; arrangement: YearArrangement } | { ok: false; problems: Message[] } {
  const problems: Message[] = [];
  const year = Number(form.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    problems.push(msg('sla.calendar.problem.year', { from: 2000, to: 2100 }));
  const source = (form.source ?? '').trim();
  if (!source) problems.push(msg('sla.calendar.problem.source'));
  const daysOff: HolidayBlock[] = [];
  lines(form.daysOff).forEach((line, index) => {
    const match = RANGE.exec(line);
    if (!match)
      problems.push(msg('sla.calendar.problem.dayOffLine', { line: index + 1, text: line }));
    else daysOff.push({ from: match[1]!, to: match[2] ?? match[1]!, name: match[3]!.trim() });
  });
  const makeUpWorkdays: MakeUpWorkday[] = [];
  lines(form.makeUpWorkdays).forEach((line, index) => {
    const match = DAY.exec(line);
    if (!match)
      problems.push(msg('sla.calendar.problem.makeUpLine', { line: index + 1, text: line }));
    else makeUpWorkdays.push({ date: match[1]!, name: match[2]!.trim() });
  });
  return problems.length > 0
    ? { ok: false, problems }
    : { ok: true, arrangement: { year, source, daysOff, makeUpWorkdays } };
}

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
