export const SUBJECT_TYPES = ['INDIVIDUAL', 'ORGANIZATION'] as const;
/** An individual (resident ID) or an organization (credit code, or an older code). */
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export function isSubjectType(value: unknown): value is SubjectType {
  return typeof value === 'string' && (SUBJECT_TYPES as readonly string[]).includes(value);
}
