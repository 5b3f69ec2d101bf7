import { Query } from '@nestjs/cqrs';
import type { StaffRole } from '../../../../shared/domain/staff-role.js';
import type { Locale } from '../../../../shared/i18n/locale.js';

export interface StaffMemberListItem {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
  /** The language they chose for the desk, if they did (their notices speak it). */
  locale: Locale | null;
}

export class ListStaffMembersQuery extends Query<StaffMemberListItem[]> {}
