import { z } from 'zod';
import {
  formText,
  optionalFormText,
  parseForm,
  type FormProblemWords,
} from '../../../shared/interface/http/form-schema.js';
import { parseArrangementForm, type ParsedArrangementForm } from './arrangement-form.js';
import { typedArrangement, type TypedArrangement } from './calendar-preview.presenter.js';

/**
 * The calendar's edit form (`POST /admin/calendar`), from the edit step or from the
 * preview's Save button, which carries the same text (see shared/interface/http/form-schema.ts).
 * The schema reads the shape the page sends; the arrangement's lines are then read by
 * `parseArrangementForm`, every line's problem in words beside its field, as before.
 */
export const CALENDAR_FORM = z.object({
  year: optionalFormText,
  source: optionalFormText,
  daysOff: optionalFormText,
  makeUpWorkdays: optionalFormText,
  /** The stored calendar the preview was made from. */
  basis: formText,
  /** 'yes' from the preview's Save button. */
  confirm: formText,
});

/** What the form gives the calendar's commands and queries. */
export interface CalendarFormInput {
  /** The arrangement as read from its lines, every problem by field. */
  parsed: ParsedArrangementForm;
  /** What was typed, to show again. */
  typed: TypedArrangement;
  /** The stored calendar the preview was made from ('' when the form does not say). */
  basis: string;
  /** Sent from the preview's Save button. */
  confirmed: boolean;
}

const WORDS: FormProblemWords = {
  year: 'sla.formProblem.year',
  source: 'sla.formProblem.source',
  daysOff: 'sla.formProblem.daysOff',
  makeUpWorkdays: 'sla.formProblem.makeUpWorkdays',
  basis: 'sla.formProblem.preview',
  confirm: 'sla.formProblem.preview',
};

/** The calendar form as its input, or a 400 in words naming every field that is malformed. */
export function parseCalendarForm(body: unknown): CalendarFormInput {
  const { basis, confirm, ...arrangement } = parseForm(CALENDAR_FORM, body, WORDS);
  return {
    parsed: parseArrangementForm(arrangement),
    typed: typedArrangement(arrangement),
    basis,
    confirmed: confirm === 'yes',
  };
}
