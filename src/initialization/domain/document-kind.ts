import type { ApplicantRole, SubjectType } from './subject-type.js';

export const DOCUMENT_KINDS = [
  'ID_FRONT',
  'ID_BACK',
  'HALF_LENGTH_PHOTO',
  'AUTHORIZATION_LETTER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/**
 * The documents a request must carry. Individuals: both sides of the ID and a
 * half-length photo holding it. Organizations: the photo (holding the subject's
 * credential) and the applicant's ID, plus the stamped authorization letter when
 * the applicant is neither the subject's nor a website's administrator.
 */
export function requiredDocuments(
  subjectType: SubjectType,
  applicantRole: ApplicantRole,
): DocumentKind[] {
  const kinds: DocumentKind[] = ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'];
  if (subjectType === 'ORGANIZATION' && applicantRole === 'OTHER')
    kinds.push('AUTHORIZATION_LETTER');
  return kinds;
}
