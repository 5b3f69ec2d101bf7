import { z } from 'zod';
import { msg } from '../../../shared/i18n/message.js';
import { formText } from '../../../shared/interface/http/form-schema.js';
import { FORM_FIELDS } from '../../../shared/interface/http/form-fields.pipe.js';
import { IncompleteDecisionError } from '../../domain/initialization-request.errors.js';

/**
 * The workspace's notes form (`POST /requests/:id/notes`), as the note's text. Like the
 * review forms (decision-forms.ts), a form the page would never send (the text sent twice,
 * or as fields) is refused in words and the workspace comes back with what was typed; an
 * empty note stays the request's to refuse.
 */
export const NOTE_FORM = z.object({ text: formText });

export function parseNoteForm(body: unknown): z.output<typeof NOTE_FORM> {
  const parsed = NOTE_FORM.safeParse(FORM_FIELDS.transform(body, { type: 'body' }));
  if (parsed.success) return parsed.data;
  throw new IncompleteDecisionError([msg('request.formProblem.note')]);
}
