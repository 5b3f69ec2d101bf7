/** Whom staff notices go to. */
export interface StaffContact {
  id: string;
  email: string;
  name: string;
}

export interface StaffContacts {
  /** The active staff member with this id, or null. */
  active(staffId: string): Promise<StaffContact | null>;
  activeSeniorReviewers(): Promise<StaffContact[]>;
}
export const STAFF_CONTACTS = Symbol('StaffContacts');
