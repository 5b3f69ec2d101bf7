import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ListStaffMembersQuery } from '../../../identity/application/queries/list-staff-members/list-staff-members.query.js';
import { GetSignedInStaffQuery } from '../../../identity/application/queries/get-signed-in-staff/get-signed-in-staff.query.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import type { StaffDirectory } from '../../application/ports/staff-directory.js';

/** The identity context's staff, through its published query. */
@Injectable()
export class IdentityStaffDirectory implements StaffDirectory {
  constructor(private readonly queries: QueryBus) {}

  async activeStaff(staffId: string): Promise<StaffActor | null> {
    const staff = await this.queries.execute(new GetSignedInStaffQuery(staffId));
    return staff
      ? { kind: 'STAFF', id: staff.id, role: staff.role, name: staff.displayName }
      : null;
  }

  async reviewers(): Promise<StaffActor[]> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    return members
      .filter(
        (member) =>
          member.active && (member.role === 'REVIEWER' || member.role === 'SENIOR_REVIEWER'),
      )
      .map((member): StaffActor => ({
        kind: 'STAFF',
        id: member.id,
        role: member.role,
        name: member.displayName,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }
}
