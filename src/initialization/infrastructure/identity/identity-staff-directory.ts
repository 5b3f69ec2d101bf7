import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
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
}
