import type { StaffRole } from '../../domain/staff-role.js';
import type { Locale } from '../../i18n/locale.js';

export interface SignedInStaffView {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  locale: Locale | null;
}
