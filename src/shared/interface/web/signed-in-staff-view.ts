import type { StaffRole } from '../../domain/staff-role.js';

export interface SignedInStaffView {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
}
