import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetSignedInStaffQuery } from '../../../identity/application/queries/get-signed-in-staff/get-signed-in-staff.query.js';
import type { SignedInStaff } from '../../../identity/contracts/signed-in-staff.js';
import {
  ListStaffMembersQuery,
  type StaffMemberListItem,
} from '../../../identity/application/queries/list-staff-members/list-staff-members.query.js';
import type { StaffContact, StaffContacts } from '../../application/ports/staff-contacts.js';

/** Staff addresses and languages from the identity context's published queries. */
@Injectable()
export class IdentityStaffContacts implements StaffContacts {
  constructor(private readonly queries: QueryBus) {}

  async active(staffId: string): Promise<StaffContact | null> {
    const staff = await this.queries.execute(new GetSignedInStaffQuery(staffId));
    return staff ? contact(staff) : null;
  }

  async activeSeniorReviewers(): Promise<StaffContact[]> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    return members
      .filter((member) => member.active && member.role === 'SENIOR_REVIEWER')
      .map(contact);
  }
}

function contact(staff: SignedInStaff | StaffMemberListItem): StaffContact {
  return { id: staff.id, email: staff.email, name: staff.displayName, locale: staff.locale };
}
