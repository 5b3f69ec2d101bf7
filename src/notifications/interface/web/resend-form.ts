import { z } from 'zod';
import { parseForm, type FormProblemWords } from '../../../shared/interface/http/form-schema.js';

/**
 * The confirmation of a resend (`POST /admin/mail/:id/resend`), whose page says the
 * recipient may get the mail twice (see shared/interface/http/form-schema.ts). Anything
 * but its `confirmed=yes` is no confirmation (back to the confirmation page, as before).
 */
export const RESEND_FORM = z.object({
  confirmed: z
    .string()
    .optional()
    .transform((value) => value === 'yes'),
});

const WORDS: FormProblemWords = { confirmed: 'notifications.formProblem.confirmed' };

/** Whether the resend was confirmed, or a 400 in words when the form is malformed. */
export function parseResendForm(body: unknown): z.output<typeof RESEND_FORM> {
  return parseForm(RESEND_FORM, body, WORDS);
}
