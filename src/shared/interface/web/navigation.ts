import type { StaffRole } from '../../domain/staff-role.js';

export interface NavItem {
  label: string;
  href: string;
}

const REVIEW: NavItem[] = [{ label: 'Queue', href: '/queue' }];
const AUDIT: NavItem[] = [
  { label: 'Requests', href: '/queue' },
  { label: 'Audit', href: '/audit' },
  { label: 'Exports', href: '/exports' },
  { label: 'Reports', href: '/reports' },
];
const ADMIN: NavItem[] = [
  { label: 'Staff', href: '/admin/users' },
  { label: 'Calendar', href: '/admin/calendar' },
  { label: 'Mail', href: '/admin/mail' },
];

export const NAVIGATION: Record<StaffRole, NavItem[]> = {
  REVIEWER: REVIEW,
  SENIOR_REVIEWER: REVIEW,
  AUDITOR: AUDIT,
  ADMIN: ADMIN,
};

/** Where each role lands after signing in. */
export const HOME_BY_ROLE: Record<StaffRole, string> = {
  REVIEWER: '/queue',
  SENIOR_REVIEWER: '/queue',
  AUDITOR: '/audit',
  ADMIN: '/admin/users',
};
