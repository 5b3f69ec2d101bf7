import { isUuid } from '../../../shared/domain/uuid.js';
import type { StaffMember } from '../../domain/staff-member.js';
import { StaffMemberNotFoundError } from '../../domain/staff-member.errors.js';
import type { StaffMemberRepository } from '../ports/staff-member.repository.js';

/** The account an admin or the command line names, by id or by email; refused when there is none. */
export async function staffAccount(
  staff: StaffMemberRepository,
  reference: string,
): Promise<StaffMember> {
  const member = isUuid(reference)
    ? await staff.findById(reference)
    : await staff.findByEmail(reference);
  if (!member) throw new StaffMemberNotFoundError(reference);
  return member;
}
