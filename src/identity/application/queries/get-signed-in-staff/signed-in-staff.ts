import type { StaffRole } from '../../../../shared/domain/staff-role.js';
import type { Locale } from '../../../../shared/i18n/locale.js';
import type { EndedSessions } from '../../../domain/ended-sessions.js';

/** The staff member behind a session, as the rest of the app sees them. */
export interface SignedInStaff {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole;
  /** Their chosen language; null: the browser's decides. */
  locale: Locale | null;
  /**
   * When their sessions were last all ended (and the one kept), for the session check;
   * absent or null: never.
   */
  endedSessions?: EndedSessions | null;
}
