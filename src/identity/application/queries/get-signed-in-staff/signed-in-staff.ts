import type { StaffRole } from '../../../../shared/domain/staff-role.js';

/** The staff member behind a session, as the rest of the app sees them. */
export interface SignedInStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
}
