import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { ListStaffMembersQuery, type StaffMemberListItem } from './list-staff-members.query.js';

@QueryHandler(ListStaffMembersQuery)
export class ListStaffMembersHandler implements IQueryHandler<ListStaffMembersQuery> {
  constructor(@Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository) {}

  async execute(): Promise<StaffMemberListItem[]> {
    const members = await this.staff.list();
    return members.map((member) => ({
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      active: member.active,
      locale: member.locale,
    }));
  }
}
