import type { PipeTransform } from '@nestjs/common';

/** A staff form's fields as Express parsed them (urlencoded, extended syntax). */
export type FormFields = Record<string, unknown>;

/**
 * The body of a form POST, as fields. A POST with no body at all (no Content-Type)
 * leaves Express's body undefined: that is a form with nothing in it, whose own rules
 * then say what is missing, in words — never a crash on reading a field of nothing.
 * Anything else that is not a set of fields (a JSON array or string) counts as empty too.
 */
export const FORM_FIELDS: PipeTransform<unknown, FormFields> = {
  transform: (body) =>
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as FormFields) : {},
};
