import type { StaffMember } from '../../domain/staff-member.js';

export interface StaffMemberRepository {
  findById(id: string): Promise<StaffMember | null>;
  findByEmail(email: string): Promise<StaffMember | null>;
  /** Inserts or updates; throws StaffEmailTakenError when the email is in use. */
  save(member: StaffMember): Promise<void>;
  list(): Promise<StaffMember[]>;
}
export const STAFF_MEMBER_REPOSITORY = Symbol('StaffMemberRepository');
