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

const requiredText = () =>
  z.string().trim().min(1).regex(NO_CONTROL_CHARACTERS, rule('field.control-characters'));

/**
 * The `request` field of an intake submission. Its shape is checked here; the
 * checksums, the filing number and the documents are checked by the parser,
 * which reports every problem at once.
 */
export const intakeRequestSchema = z.object({
  externalId: requiredText().max(100),
  receivedAt: z.iso.datetime({ offset: true, ...rule('datetime.invalid') }),
  subjectType: z.enum(SUBJECT_TYPES, rule('subject-type.invalid')),
  filingNumber: requiredText().max(48),
  subjectName: requiredText().max(200),
  credentialNumber: requiredText().max(40),
  applicant: z.object({
    name: requiredText().max(100),
    idNumber: requiredText(),
    role: z.enum(APPLICANT_ROLES, rule('applicant-role.invalid')),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,30}$/, rule('phone.invalid')),
  }),
  newAccountEmail: z.email(rule('email.invalid')).max(254),
  aliyunAccountId: z
    .string()
    .trim()
    .regex(/^[0-9]{6,32}$/, rule('aliyun-account-id.invalid')),
});

export type IntakeRequestInput = z.infer<typeof intakeRequestSchema>;
