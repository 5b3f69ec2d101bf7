import { z } from 'zod';
import { DOCUMENT_KINDS } from '../../../initialization/domain/document-kind.js';
import { REJECT_REASONS } from '../../../initialization/domain/reject-reason.js';

/**
 * What the notices read from the initialization events' details. A detail
 * missing or malformed is a programming error: the parse throws and the
 * decision rolls back rather than commit without its mail.
 */
const reference = z.string().min(1);
const email = z.string().trim().min(3);
const applicant = {
  reference,
  applicantEmail: email,
  applicantName: z.string().default(''),
};

export const approvalDetails = z.object({
  reference,
  newAccountEmail: email,
  previousAccountEmail: email.nullish().transform((value) => value ?? null),
  aliyunAccountId: z.string(),
  awaitingSecondApproval: z.boolean().optional(),
});

export const rejectionDetails = z.object({
  ...applicant,
  reasons: z.array(z.enum(REJECT_REASONS)).min(1),
  message: z.string(),
});

export const informationRequestDetails = z.object({
  ...applicant,
  documents: z.array(z.enum(DOCUMENT_KINDS)),
  fields: z.array(z.string()),
  message: z.string(),
  expiresAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
});

export const expiryDetails = z.object(applicant);

export const slaDetails = z.object({
  reference,
  dueAt: z.iso.datetime({ offset: true }).transform((value) => new Date(value)),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
});
