import { DateTime } from 'luxon';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { CalendarProblem } from '../../application/calendar-change-plan.js';
import { festivalName } from '../../application/queries/get-calendar-year/festival-name.js';
import type { CalendarYearPreview } from '../../application/queries/preview-calendar-year/preview-calendar-year.query.js';
import type { ListedDay } from '../../domain/day-changes.js';
import { noticeReach } from '../../domain/notice-reach.js';
import type {
  ArrangementField,
  ArrangementForm,
  FormLine,
  ParsedArrangementForm,
} from './arrangement-form.js';

/** The form's text as typed, to show again or to carry in the confirmation. */
export interface TypedArrangement {
  year: string;
  source: string;
  daysOff: string;
  makeUpWorkdays: string;
}

export function typedArrangement(form: ArrangementForm): TypedArrangement {
  const text = (value: unknown): string => (typeof value === 'string' ? value : '');
  return {
    year: text(form.year),
    source: text(form.source),
    daysOff: text(form.daysOff),
    makeUpWorkdays: text(form.makeUpWorkdays),
  };
}

/** The problems of a refused form: all of them above it, and each beside its field. */
export interface FormProblems {
  all: Message[];
  source: Message[];
  daysOff: Message[];
  makeUpWorkdays: Message[];
}

/**
 * The form's own problems (by line) and the calendar's (checked against the stored
 * arrangements); a calendar problem about days goes beside the list whose lines hold them.
 * The form checks the source itself, so the calendar's "source missing" is not said twice.
 */
export function formProblems(
  parsed: ParsedArrangementForm,
  calendar: readonly CalendarProblem[],
): FormProblems | null {
  const byField: Record<ArrangementField, Message[]> = {
    year: [...parsed.problems.year],
    source: [...parsed.problems.source],
    daysOff: [...parsed.problems.daysOff],
    makeUpWorkdays: [...parsed.problems.makeUpWorkdays],
  };
  const all = Object.values(byField).flat();
  for (const problem of calendar) {
    if (problem.code === 'source-missing') continue;
    all.push(problem.message);
    const fields = new Set<ArrangementField>(problem.field ? [problem.field] : []);
    if (fields.size === 0)
      for (const line of parsed.lines)
        if (line.days.some((day) => problem.days.includes(day))) fields.add(line.field);
    for (const field of fields) byField[field].push(problem.message);
  }
  return all.length === 0
    ? null
    : {
        all,
        source: byField.source,
        daysOff: byField.daysOff,
        makeUpWorkdays: byField.makeUpWorkdays,
      };
}

/** A changed day as the preview's table shows it. */
export interface PreviewDay {
  day: string;
  /** Of the year before (late December): the table says which year. */
  yearBefore: number | null;
  until: Message;
  after: Message;
}

/** What the preview section shows. */
export interface PreviewView {
  year: number;
  basis: string;
  deadlines: number;
  replyDeadlines: number;
  /** "This arrangement also changes 2026-12-31, …", and the lines that do. */
  yearBefore: number;
  yearBeforeDays: string[];
  yearBeforeLines: Message[];
  days: PreviewDay[];
  /** The text as submitted, carried by the confirmation. */
  typed: TypedArrangement;
  changedMeanwhile: boolean;
}

export function previewView(
  preview: CalendarYearPreview,
  lines: readonly FormLine[],
  typed: TypedArrangement,
  changedMeanwhile: boolean,
): PreviewView {
  const { changes, yearBeforeDays } = preview;
  const yearBefore = preview.year - 1;
  const days: PreviewDay[] = [
    ...changes.added.map((day) => ({ day: day.day, until: null, after: day })),
    ...changes.removed.map((day) => ({ day: day.day, until: day, after: null })),
    ...changes.changed.map((day) => ({
      day: day.day,
      until: { day: day.day, kind: day.previousKind, name: day.previousName },
      after: day,
    })),
  ]
    .sort((a, b) => (a.day < b.day ? -1 : 1))
    .map(({ day, until, after }) => ({
      day,
      yearBefore: day < `${preview.year}-01-01` ? yearBefore : null,
      until: dayWords(day, until),
      after: dayWords(day, after),
    }));
  const yearBeforeLines = lines.flatMap((line) => {
    const touched = line.days.filter((day) => yearBeforeDays.includes(day));
    if (touched.length === 0) return [];
    return [
      msg(
        line.field === 'daysOff'
          ? 'sla.calendar.preview.dayOffLineYearBefore'
          : 'sla.calendar.preview.makeUpLineYearBefore',
        { line: line.line, text: line.text, days: touched.join(', '), yearBefore },
      ),
    ];
  });
  return {
    year: preview.year,
    basis: preview.basis,
    deadlines: preview.deadlines ?? 0,
    replyDeadlines: preview.replyDeadlines ?? 0,
    yearBefore,
    yearBeforeDays,
    yearBeforeLines,
    days,
    typed,
    changedMeanwhile,
  };
}

/** The help beside the form: which days the year's notice may list, and the preview. */
export function arrangementHelp(year: number): Message {
  const reach = noticeReach(year);
  return msg('sla.calendar.help', {
    year,
    yearBefore: year - 1,
    from: reach.from,
    yearBeforeEnd: `${year - 1}-12-31`,
  });
}

/** What a day is: as listed, or an ordinary working day or weekend. */
function dayWords(day: string, listed: ListedDay | null): Message {
  if (listed?.kind === 'DAY_OFF')
    return msg('sla.calendar.dayOffOf', { name: festivalName(listed.name) });
  if (listed?.kind === 'MAKE_UP_WORKDAY')
    return msg('sla.calendar.makeUpDayOf', { name: festivalName(listed.name) });
  return DateTime.fromISO(day, { zone: 'utc' }).weekday <= 5
    ? msg('sla.calendar.workday')
    : msg('sla.calendar.weekend');
}
