import { BadRequestException } from '@nestjs/common';
import { z } from 'zod';
import { msg, type Message } from '../../i18n/message.js';
import type { MessageKey } from '../../i18n/messages/index.js';
import { FORM_FIELDS } from './form-fields.pipe.js';

/**
 * Web forms parsed at the boundary: each form has one zod schema (in a `*-form.ts` beside
 * its controller) that turns the body Express parsed (urlencoded, extended syntax) into
 * its command's input. The schemas read the shape of what a browser sends from the page;
 * what the values must be (a password long enough, a known role…) stays the domain's to
 * say, in its own words, as before. A body the page would never send (a field sent twice,
 * a field sent as fields `a[b]=…`) is refused as a whole: a 400 page that names every
 * field that is wrong, one sentence each, in the reader's language. Fields a schema does
 * not name (`_csrf`, `_form`) are passed over.
 */

/** A text field: absent is empty; sent twice or as fields, it is no text. */
export const formText = z
  .string()
  .optional()
  .transform((value) => value ?? '');

/** A text field whose absence the page's own rules tell apart from an empty one. */
export const optionalFormText = z.string().optional();

/** A malformed form: what is wrong, one sentence a field, all at once (400, in words). */
export class MalformedFormException extends BadRequestException {
  constructor(readonly problems: readonly Message[]) {
    super(oneAfterAnother(problems));
  }
}

/** The sentence for each field a schema reads, by the field's name. */
export type FormProblemWords = Readonly<Record<string, MessageKey>>;

/**
 * The form's body as its schema's output, or a MalformedFormException naming every field
 * that is wrong. A body that is no set of fields at all is an empty form (FORM_FIELDS).
 */
export function parseForm<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  words: FormProblemWords,
): z.output<Schema> {
  const parsed = schema.safeParse(FORM_FIELDS.transform(body, { type: 'body' }));
  if (parsed.success) return parsed.data;
  // One sentence a field (or a group of fields that share one), in the order they were found wrong.
  const sentences = new Set(
    parsed.error.issues.map(
      (issue) => words[String(issue.path[0] ?? '')] ?? 'common.error.400.text',
    ),
  );
  throw new MalformedFormException([...sentences].map((key) => msg(key)));
}

/** Sentences one after another, as one message: "A. B. C." · "甲。乙。丙。" */
function oneAfterAnother(problems: readonly Message[]): Message {
  const [first = msg('common.error.400.text'), ...rest] = problems;
  return rest.length === 0
    ? first
    : msg('common.formProblem.andMore', {
        problem: first,
        more: oneAfterAnother(rest),
      });
}
