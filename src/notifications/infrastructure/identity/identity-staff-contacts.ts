import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetSignedInStaffQuery } from '../../../identity/application/queries/get-signed-in-staff/get-signed-in-staff.query.js';
import { ListStaffMembersQuery } from '../../../identity/application/queries/list-staff-members/list-staff-members.query.js';
import type { StaffContact, StaffContacts } from '../../application/ports/staff-contacts.js';

/** Staff addresses from the identity context's published queries. */
@Injectable()
export class IdentityStaffContacts implements StaffContacts {
  constructor(private readonly queries: QueryBus) {}

  async active(staffId: string): Promise<StaffContact | null> {
    const staff = await this.queries.execute(new GetSignedInStaffQuery(staffId));
    return staff ? { id: staff.id, email: staff.email, name: staff.displayName } : null;
  }

  async activeSeniorReviewers(): Promise<StaffContact[]> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    return members
      .filter((member) => member.active && member.role === 'SENIOR_REVIEWER')
      .map((member) => ({ id: member.id, email: member.email, name: member.displayName }));
  }
}
