import { z } from 'zod';
import { APPLICANT_ROLES, SUBJECT_TYPES } from '../../domain/subject-type.js';

// A NUL byte cannot be stored in PostgreSQL text; no field has a use for control characters.
// eslint-disable-next-line no-control-regex
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]*$/;

const required = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .regex(NO_CONTROL_CHARACTERS, `${what} must not contain control characters`);

/**
 * The `request` field of an intake submission. Its shape is checked here; the
 * checksums, the filing number and the documents are checked by the parser,
 * which reports every problem at once.
 */
export const intakeRequestSchema = z.object({
  externalId: required('externalId').max(100, 'externalId must be at most 100 characters'),
  receivedAt: z.iso.datetime({
    offset: true,
    error: 'receivedAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00',
  }),
  subjectType: z.enum(SUBJECT_TYPES, { error: 'subjectType must be INDIVIDUAL or ORGANIZATION' }),
  filingNumber: required('filingNumber').max(48, 'filingNumber is too long'),
  subjectName: required('subjectName').max(200, 'subjectName must be at most 200 characters'),
  credentialNumber: required('credentialNumber').max(40, 'credentialNumber is too long'),
  applicant: z.object(
    {
      name: required('applicant.name').max(100, 'applicant.name must be at most 100 characters'),
      idNumber: required('applicant.idNumber'),
      role: z.enum(APPLICANT_ROLES, {
        error: 'applicant.role must be SUBJECT_ADMIN, WEBSITE_ADMIN or OTHER',
      }),
      phone: z
        .string({ error: 'applicant.phone is required' })
        .trim()
        .regex(/^\+?[0-9][0-9 -]{5,30}$/, 'applicant.phone must be a phone number'),
    },
    { error: 'applicant is required' },
  ),
  newAccountEmail: z.email({ error: 'newAccountEmail must be an email address' }).max(254),
  aliyunAccountId: z
    .string({ error: 'aliyunAccountId is required' })
    .trim()
    .regex(/^[0-9]{6,32}$/, 'aliyunAccountId must be the numeric Alibaba Cloud account id'),
});

export type IntakeRequestInput = z.infer<typeof intakeRequestSchema>;
