import type { StaffMember } from '../../domain/staff-member.js';

export interface StaffMemberRepository {
  findById(id: string): Promise<StaffMember | null>;
  /** The staff member with this id, their row locked until the unit of work ends. */
  findByIdForUpdate(id: string): Promise<StaffMember | null>;
  findByEmail(email: string): Promise<StaffMember | null>;
  /** Inserts or updates; throws StaffEmailTakenError when the email is in use. */
  save(member: StaffMember): Promise<void>;
  list(): Promise<StaffMember[]>;
  /**
   * The ids of the active administrators, their rows locked until the unit of work ends:
   * two admins demoting each other at once cannot leave the desk without one.
   */
  activeAdminIdsForUpdate(): Promise<string[]>;
}
export const STAFF_MEMBER_REPOSITORY = Symbol('StaffMemberRepository');
