import { sameOrganization } from '@lib/credentials';
import type { SubjectType } from './subject-type.js';

/**
 * Whether what an applicant typed names the same filing subject as the
 * registry record. Used at intake (the SUBJECT_MISMATCH flag) and in the
 * workspace (which differences to highlight), so both always agree.
 */
const normaliseName = (name: string): string =>
  name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

export function sameSubjectName(registered: string, typed: string): boolean {
  return normaliseName(registered) === normaliseName(typed);
}

/**
 * The same credential once normalised; for an organization, a current unified
 * social credit code also matches the older organization code it contains
 * (positions 9–17), which HiChina-era records may still hold.
 */
export function sameCredentialNumber(
  subjectType: SubjectType,
  typed: string,
  registered: string,
): boolean {
  const a = typed.normalize('NFKC').trim().toUpperCase();
  const b = registered.normalize('NFKC').trim().toUpperCase();
  if (subjectType === 'ORGANIZATION') return sameOrganization(a, b);
  return a === b;
}
