import type { ApplicantRole, SubjectType } from './subject-type.js';

export const DOCUMENT_KINDS = [
  'ID_FRONT',
  'ID_BACK',
  'HALF_LENGTH_PHOTO',
  'AUTHORIZATION_LETTER',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  ID_FRONT: 'ID card, front',
  ID_BACK: 'ID card, back',
  HALF_LENGTH_PHOTO: 'Half-length photo holding the credential',
  AUTHORIZATION_LETTER: 'Authorization letter with company seal',
};

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
