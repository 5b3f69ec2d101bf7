import type { StaffActor } from '../../../shared/domain/actor.js';

/** Staff as review sees them: who can be handed a request. */
export interface StaffDirectory {
  /** The active staff member with this id, as an actor, or null. */
  activeStaff(staffId: string): Promise<StaffActor | null>;
  /** Active reviewers and senior reviewers, by name: who can hold a request. */
  reviewers(): Promise<StaffActor[]>;
}
export const STAFF_DIRECTORY = Symbol('StaffDirectory');
