import { z } from 'zod';
import type { CorrectableField } from '../../domain/correctable-field.js';
import { applicantSchema, intakeRequestSchema } from './intake-request.schema.js';

const intake = intakeRequestSchema.shape;

/**
 * The `request` field of a resubmission: corrected values of the fields the reviewer
 * asked for, shaped and checked as at intake (`{"applicant":{"phone":"13911112222"}}`).
 * Only the correctable fields exist here; which of them were asked for is the request's.
 */
export const correctionRequestSchema = z
  .strictObject({
    applicant: applicantSchema.pick({ name: true, idNumber: true, phone: true }).partial(),
    newAccountEmail: intake.newAccountEmail,
    aliyunAccountId: intake.aliyunAccountId,
    subjectName: intake.subjectName,
    credentialNumber: intake.credentialNumber,
  })
  .partial();

export type CorrectionRequestInput = z.output<typeof correctionRequestSchema>;

/** The intake fields that exist but cannot be corrected: they need a new application. */
export const NOT_CORRECTABLE_FIELDS = [
  'externalId',
  'receivedAt',
  'subjectType',
  'filingNumber',
  'applicant.role',
] as const;

/** A checked correction's values by field, as intake would store them. */
export function correctedValuesOf(
  input: CorrectionRequestInput,
): Partial<Record<CorrectableField, string>> {
  const values: Partial<Record<CorrectableField, string>> = {};
  const applicant = input.applicant ?? {};
  if (applicant.name !== undefined) values['applicant.name'] = applicant.name;
  if (applicant.idNumber !== undefined)
    values['applicant.idNumber'] = applicant.idNumber.toUpperCase();
  if (applicant.phone !== undefined) values['applicant.phone'] = applicant.phone;
  if (input.newAccountEmail !== undefined)
    values.newAccountEmail = input.newAccountEmail.toLowerCase();
  if (input.aliyunAccountId !== undefined) values.aliyunAccountId = input.aliyunAccountId;
  if (input.subjectName !== undefined) values.subjectName = input.subjectName;
  if (input.credentialNumber !== undefined)
    values.credentialNumber = input.credentialNumber.toUpperCase();
  return values;
}
