export const STAFF_ROLES = ['REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR', 'ADMIN'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);
}

export const ROLE_LABELS: Record<StaffRole, string> = {
  REVIEWER: 'Reviewer',
  SENIOR_REVIEWER: 'Senior reviewer',
  AUDITOR: 'Auditor',
  ADMIN: 'Administrator',
};
