import { z } from 'zod';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { MessageKey } from '../../../shared/i18n/messages/index.js';
import type { DocumentCheckInput } from '../../domain/initialization-request.js';
import { IncompleteDecisionError } from '../../domain/initialization-request.errors.js';

/** An urlencoded form as Express parses it (extended syntax: `checks[<id>][legible]=yes`). */
export type DecisionForm = Record<string, unknown>;

/**
 * The review forms of the request workspace, one schema a form, each giving the input of
 * its command. The schemas read the shape of what a browser sends from the page (one text,
 * a group of checkboxes, the version the page was rendered with); what a decision needs
 * (a reason, a note…) stays the aggregate's to say. Fields a form does not name
 * (`_csrf`, `_form`) are passed over.
 */

/** A text field: absent is empty; sent twice or as fields (`note[a]=…`) it is no text. */
const text = z
  .string()
  .optional()
  .transform((value) => value ?? '');

/** A checkbox group: absent, one value, or several; an empty value is none. */
const choices = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (Array.isArray(value) ? value : value ? [value] : []));

/** The version of the request the page was rendered with, if the form says (the claim form does not). */
const version = z
  .string()
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const number = Number(value);
    if (Number.isInteger(number) && number > 0) return number;
    context.addIssue({ code: 'custom', message: 'version', input: value });
    return z.NEVER;
  });

/** A check box: ticked says yes, any other value or none says no. */
const ticked = z
  .string()
  .optional()
  .transform((value) => value === 'yes' || value === 'true' || value === 'on');

/** Every document's four answers and note, by the document's id. */
const checks = z
  .record(
    z.string(),
    z.object({
      legible: ticked,
      authentic: ticked,
      valid: ticked,
      matchesApplication: ticked,
      note: text,
    }),
  )
  .optional()
  .transform((byDocument = {}): DocumentCheckInput[] =>
    Object.entries(byDocument).map(([documentId, answers]) => ({ documentId, ...answers })),
  );

/** Checkboxes (one value each) or a comma-separated list: `applicant.phone, subjectName`. */
const fieldList = choices.transform((values) =>
  values
    .flatMap((value) => value.split(/[,\n]/))
    .map((field) => field.trim())
    .filter(Boolean),
);

/** The schema of each decision's form, by the last segment of its URL. */
export const DECISION_FORMS = {
  claim: z.object({ version }),
  release: z.object({ version }),
  reassign: z.object({ assigneeId: text, version }),
  checks: z.object({ checks, version }),
  approve: z.object({ version }),
  'second-approval': z.object({ version }),
  return: z.object({ note: text, version }),
  reject: z.object({ reasons: choices, message: text, version }),
  'request-info': z.object({ documents: choices, fields: fieldList, message: text, version }),
};

export type DecisionName = keyof typeof DECISION_FORMS;
export type DecisionInput<Name extends DecisionName> = z.output<(typeof DECISION_FORMS)[Name]>;

/** What is wrong with a field the page would never send so, in words (one sentence a field). */
const FIELD_PROBLEMS: Partial<Record<string, MessageKey>> = {
  version: 'request.formProblem.version',
  assigneeId: 'request.formProblem.assignee',
  checks: 'request.formProblem.checks',
  note: 'request.formProblem.note',
  reasons: 'request.formProblem.reasons',
  message: 'request.formProblem.message',
  documents: 'request.decisionProblem.notADocumentKind',
  fields: 'request.formProblem.fields',
};

/**
 * The decision's form as its command's input, or an IncompleteDecisionError naming every
 * field that is wrong at once (the page then comes back with the reason and what was typed).
 */
export function parseDecisionForm<Name extends DecisionName>(
  name: Name,
  form: DecisionForm,
): DecisionInput<Name> {
  const parsed = DECISION_FORMS[name].safeParse(form);
  if (parsed.success) return parsed.data as DecisionInput<Name>;
  throw new IncompleteDecisionError(formProblems(parsed.error.issues));
}

/** One sentence a field that is wrong, in the order the fields were found wrong. */
export function formProblems(issues: readonly z.core.$ZodIssue[]): Message[] {
  const fields = new Set(issues.map((issue) => String(issue.path[0] ?? '')));
  return [...fields].map((field) => msg(FIELD_PROBLEMS[field] ?? 'common.error.400.text'));
}
