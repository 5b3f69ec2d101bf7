import { Query } from '@nestjs/cqrs';
import type { StaffRole } from '../../../../shared/domain/staff-role.js';

export interface StaffMemberListItem {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  active: boolean;
}

export class ListStaffMembersQuery extends Query<StaffMemberListItem[]> {}
