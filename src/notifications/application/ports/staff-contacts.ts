import type { Locale } from '../../../shared/i18n/locale.js';

/** Whom staff notices go to, and in which language. */
export interface StaffContact {
  id: string;
  email: string;
  name: string;
  /** The language they chose for the desk; null: they chose none (the deployment's default). */
  locale: Locale | null;
}

export interface StaffContacts {
  /** The active staff member with this id, or null. */
  active(staffId: string): Promise<StaffContact | null>;
  activeSeniorReviewers(): Promise<StaffContact[]>;
}
export const STAFF_CONTACTS = Symbol('StaffContacts');
