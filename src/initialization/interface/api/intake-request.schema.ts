import { z } from 'zod';
import { APPLICANT_ROLES, SUBJECT_TYPES } from '../../domain/subject-type.js';
import type { SchemaRule } from './intake-field-problems.js';

// A NUL byte cannot be stored in PostgreSQL text; no field has a use for control characters.
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

/**
 * A check's rule, named by its problem code where zod would put an English message;
 * `schemaProblems` turns it into the code and the words in the caller's language.
 * Missing values, wrong types and lengths need no code here: zod's issue says which.
 */
const rule = (code: SchemaRule) => ({ error: code });

/**
 * A lone half of a UTF-16 surrogate pair (`"\ud800"` in JSON) is no character: no
 * text can hold it, and PostgreSQL's json refuses it.
 */
const UNPAIRED_SURROGATE = /\p{Cs}/u;

/**
 * Text as the desk keeps it: trimmed (and, with `nfkc`, NFKC-normalised) first, so
 * that `max` counts the characters that are stored; no control characters, no
 * unpaired surrogates.
 */
const requiredText = (max?: number, { nfkc = false } = {}) => {
  const text = (nfkc ? z.string().normalize('NFKC') : z.string()).trim().min(1);
  return (max === undefined ? text : text.max(max))
    .regex(NO_CONTROL_CHARACTERS, rule('field.control-characters'))
    .refine((value) => !UNPAIRED_SURROGATE.test(value), rule('field.unpaired-surrogate'));
};

/** The applicant's part of the `request` field. */
export const applicantSchema = z.strictObject({
  name: requiredText(100),
  idNumber: requiredText(),
  role: z.enum(APPLICANT_ROLES, rule('applicant-role.invalid')),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{5,30}$/, rule('phone.invalid')),
});

/**
 * The `request` field of an intake submission. Its shape is checked here, every
 * key known (at any depth); the checksums, the filing number and the documents are
 * checked by the parser, which reports every problem at once.
 */
export const intakeRequestSchema = z.strictObject({
  externalId: requiredText(100),
  receivedAt: z.iso.datetime({ offset: true, ...rule('datetime.invalid') }),
  subjectType: z.enum(SUBJECT_TYPES, rule('subject-type.invalid')),
  filingNumber: requiredText(48),
  // Kept NFKC-normalised (full-width letters and digits folded), so compared as such.
  subjectName: requiredText(200, { nfkc: true }),
  credentialNumber: requiredText(40),
  applicant: applicantSchema,
  newAccountEmail: z.email(rule('email.invalid')).max(254),
  aliyunAccountId: z
    .string()
    .trim()
    .regex(/^[0-9]{6,32}$/, rule('aliyun-account-id.invalid')),
});

export type IntakeRequestInput = z.infer<typeof intakeRequestSchema>;
