import type { StaffRole } from './staff-role.js';

/** Who did something: a signed-in staff member, an intake client, or the system itself. */
export type Actor =
  | { readonly kind: 'STAFF'; readonly id: string; readonly role: StaffRole; readonly name: string }
  | { readonly kind: 'INTAKE_CLIENT'; readonly name: string }
  | { readonly kind: 'SYSTEM'; readonly name: string }
  | { readonly kind: 'ANONYMOUS'; readonly name: string };

export type StaffActor = Extract<Actor, { kind: 'STAFF' }>;

export const systemActor = (name: string): Actor => ({ kind: 'SYSTEM', name });
