import type { StaffRole } from '../../domain/staff-role.js';
import type { MessageKey } from '../../i18n/messages/index.js';

export interface NavItem {
  label: MessageKey;
  href: string;
}

const REVIEW: NavItem[] = [{ label: 'common.nav.queue', href: '/queue' }];
const AUDIT: NavItem[] = [
  { label: 'common.nav.requests', href: '/queue' },
  { label: 'common.nav.audit', href: '/audit' },
  { label: 'common.nav.exports', href: '/exports' },
  { label: 'common.nav.reports', href: '/reports' },
];
const ADMIN: NavItem[] = [
  { label: 'common.nav.staff', href: '/admin/users' },
  { label: 'common.nav.calendar', href: '/admin/calendar' },
  { label: 'common.nav.mail', href: '/admin/mail' },
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
