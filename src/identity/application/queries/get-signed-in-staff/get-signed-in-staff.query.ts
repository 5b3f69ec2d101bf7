import { Query } from '@nestjs/cqrs';
import type { SignedInStaff } from './signed-in-staff.js';

/** The active staff member with this id, or null (unknown or deactivated). */
export class GetSignedInStaffQuery extends Query<SignedInStaff | null> {
  constructor(readonly staffId: string) {
    super();
  }
}
