import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { GetSignedInStaffQuery } from './get-signed-in-staff.query.js';
import type { SignedInStaff } from './signed-in-staff.js';

@QueryHandler(GetSignedInStaffQuery)
export class GetSignedInStaffHandler implements IQueryHandler<GetSignedInStaffQuery> {
  constructor(@Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository) {}

  async execute(query: GetSignedInStaffQuery): Promise<SignedInStaff | null> {
    const member = await this.staff.findById(query.staffId);
    if (!member?.canSignIn()) return null;
    return {
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      locale: member.locale,
      endedSessions: member.endedSessions,
    };
  }
}
