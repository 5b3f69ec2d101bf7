import {
  maskEmail,
  maskIdentifier,
  maskName,
  maskPhone,
} from '../../shared/domain/personal-data.js';
import type { SubjectType } from './subject-type.js';

/**
 * The fields a reviewer may ask the applicant to correct, named as the intake JSON
 * names them. Not among them: what would change the documents required or the filing
 * matched (subject type, filing number, applicant role) — those need a new application.
 */
export const CORRECTABLE_FIELDS = [
  'applicant.name',
  'applicant.idNumber',
  'applicant.phone',
  'newAccountEmail',
  'aliyunAccountId',
  'subjectName',
  'credentialNumber',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export function isCorrectableField(value: string): value is CorrectableField {
  return (CORRECTABLE_FIELDS as readonly string[]).includes(value);
}

/** Corrected values, one per field the applicant answered. */
export type CorrectedValues = Partial<Record<CorrectableField, string>>;

/** One field's value before and after a correction. */
export interface FieldChange {
  field: CorrectableField;
  was: string;
  now: string;
}

/**
 * A field's value as the audit trail may keep it: ID and credential numbers, phone
 * numbers, names and email addresses masked (the audit trail never holds them in full);
 * a subject's name is a person's name for an individual.
 */
export function auditedValue(field: CorrectableField, value: string, subject: SubjectType): string {
  switch (field) {
    case 'applicant.idNumber':
    case 'credentialNumber':
      return maskIdentifier(value);
    case 'applicant.phone':
      return maskPhone(value);
    case 'applicant.name':
      return maskName(value);
    case 'newAccountEmail':
      return maskEmail(value);
    case 'subjectName':
      return subject === 'INDIVIDUAL' ? maskName(value) : value;
    case 'aliyunAccountId':
      return value;
  }
}
