export const SUBJECT_TYPES = ['INDIVIDUAL', 'ORGANIZATION'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const APPLICANT_ROLES = ['SUBJECT_ADMIN', 'WEBSITE_ADMIN', 'OTHER'] as const;
/** Who the applicant is to the subject: its administrator, a website's administrator, or someone else. */
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];
