/** The staff member behind a session, as the other contexts see them. */
export type { SignedInStaff } from '../application/queries/get-signed-in-staff/signed-in-staff.js';
