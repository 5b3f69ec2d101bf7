import type { HolidayBlock, MakeUpWorkday, YearArrangement } from '@lib/business-calendar';
import { DateTime } from 'luxon';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { noticeReach, withinReach, type NoticeReach } from '../../domain/notice-reach.js';

export interface ArrangementForm {
  year?: string;
  source?: string;
  daysOff?: string;
  makeUpWorkdays?: string;
}

export type ArrangementField = 'year' | 'source' | 'daysOff' | 'makeUpWorkdays';
export type ListField = 'daysOff' | 'makeUpWorkdays';

/** A line of the form that was read: which list, its number (from 1), its text and its days. */
export interface FormLine {
  field: ListField;
  line: number;
  text: string;
  /** The days it lists, in order ('YYYY-MM-DD'). */
  days: string[];
}

export interface ParsedArrangementForm {
  /** Nothing wrong with any line. */
  ok: boolean;
  /** The arrangement of the lines that could be read; null when the year cannot be. */
  arrangement: YearArrangement | null;
  lines: FormLine[];
  /** What is wrong, by field, every problem at once. */
  problems: Record<ArrangementField, Message[]>;
}

const RANGE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|–|-{1,2}|to)\s*(\d{4}-\d{2}-\d{2}))?\s+(.+)$/;
const DAY = /^(\d{4}-\d{2}-\d{2})\s+(.+)$/;

const WORDS = {
  daysOff: {
    format: 'sla.calendar.problem.dayOffLine',
    date: 'sla.calendar.problem.dayOffLineDate',
    outside: 'sla.calendar.problem.dayOffLineOutside',
  },
  makeUpWorkdays: {
    format: 'sla.calendar.problem.makeUpLine',
    date: 'sla.calendar.problem.makeUpLineDate',
    outside: 'sla.calendar.problem.makeUpLineOutside',
  },
} as const;

/**
 * The edit form's text, one entry per line: `2027-01-01..2027-01-03 New Year's Day`
 * for days off, `2027-01-04 New Year's Day` for make-up working days. Every line that
 * cannot be read, names no calendar date, or lists a day the year's notice may not (see
 * `noticeReach`) is reported by its number, all at once, and left out of the
 * arrangement; the calendar's own rules (weekends, days listed twice…) are checked
 * against the stored calendar afterwards.
 */
export function parseArrangementForm(form: ArrangementForm): ParsedArrangementForm {
  const problems: Record<ArrangementField, Message[]> = {
    year: [],
    source: [],
    daysOff: [],
    makeUpWorkdays: [],
  };
  const year = Number(form.year);
  const yearIsValid = Number.isInteger(year) && year >= 2000 && year <= 2100;
  if (!yearIsValid) problems.year.push(msg('sla.calendar.problem.year', { from: 2000, to: 2100 }));
  const reach = yearIsValid ? noticeReach(year) : null;
  const source = text(form.source).trim();
  if (!source) problems.source.push(msg('sla.calendar.problem.source'));

  const lines: FormLine[] = [];
  /** The line's days if it can be used; its problem otherwise. */
  const read = (field: ListField, line: number, text: string, ends: string[]): boolean => {
    const words = WORDS[field];
    const notADate = ends.find((day) => !isCalendarDay(day));
    if (notADate) {
      problems[field].push(msg(words.date, { line, text, day: notADate }));
      return false;
    }
    const outside = reach ? ends.find((day) => !withinReach(reach, day)) : undefined;
    if (reach && outside) {
      problems[field].push(msg(words.outside, { line, text, day: outside, ...reachWords(reach) }));
      return false;
    }
    // Without a year nothing is saved, and a range is not walked (it could span millennia).
    lines.push({ field, line, text, days: reach ? daysBetween(ends[0]!, ends.at(-1)!) : [] });
    return true;
  };

  const daysOff: HolidayBlock[] = [];
  linesOf(form.daysOff).forEach(({ line, text }) => {
    const match = RANGE.exec(text);
    if (!match) problems.daysOff.push(msg(WORDS.daysOff.format, { line, text }));
    else if (read('daysOff', line, text, [match[1]!, match[2] ?? match[1]!]))
      daysOff.push({ from: match[1]!, to: match[2] ?? match[1]!, name: match[3]!.trim() });
  });
  const makeUpWorkdays: MakeUpWorkday[] = [];
  linesOf(form.makeUpWorkdays).forEach(({ line, text }) => {
    const match = DAY.exec(text);
    if (!match) problems.makeUpWorkdays.push(msg(WORDS.makeUpWorkdays.format, { line, text }));
    else if (read('makeUpWorkdays', line, text, [match[1]!]))
      makeUpWorkdays.push({ date: match[1]!, name: match[2]!.trim() });
  });

  return {
    ok: Object.values(problems).every((list) => list.length === 0),
    arrangement: yearIsValid ? { year, source, daysOff, makeUpWorkdays } : null,
    lines,
    problems,
  };
}

/** The reach of a year's notice, as the problem sentences name it. */
function reachWords(reach: NoticeReach) {
  return { year: String(reach.year), from: reach.from, to: reach.to };
}

/** The non-empty lines of a text area, numbered as its rows are (blank rows count). */
const linesOf = (value: unknown): { line: number; text: string }[] =>
  text(value)
    .split(/\r?\n/)
    .map((line, index) => ({ line: index + 1, text: line.trim() }))
    .filter((line) => line.text !== '');

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const isCalendarDay = (day: string): boolean => DateTime.fromISO(day, { zone: 'utc' }).isValid;

/** Every day from `from` to `to` (none when `to` is before `from`: the calendar's check names that). */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const last = DateTime.fromISO(to, { zone: 'utc' });
  for (let day = DateTime.fromISO(from, { zone: 'utc' }); day <= last; day = day.plus({ days: 1 }))
    days.push(day.toISODate()!);
  return days;
}
