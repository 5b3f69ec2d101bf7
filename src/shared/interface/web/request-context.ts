import type { SignedInStaffView } from './signed-in-staff-view.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Set by the session guard for signed-in staff. */
      staff?: SignedInStaffView;
    }
  }
}
export {};
