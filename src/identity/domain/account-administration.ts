import type { Actor } from '../../shared/domain/actor.js';
import {
  LastActiveAdminError,
  OwnAccountChangeError,
  type AccountChange,
} from './staff-lifecycle.errors.js';
import type { StaffMember } from './staff-member.js';

/** A change an admin (or the command line) makes to somebody's account. */
export interface AccountChangeRequest {
  change: AccountChange;
  by: Actor;
  member: StaffMember;
  /** For a change of role: the role it is to become. */
  newRole?: string;
  /** The active administrators now, held still until the change commits. */
  activeAdminIds: readonly string[];
}

/**
 * The rules of administering accounts that one account cannot know alone: an admin
 * never changes their own role nor deactivates themselves (another admin does), and
 * the desk always keeps an active administrator.
 */
export function refuseUnsafeAccountChange(request: AccountChangeRequest): void {
  const { change, by, member, newRole, activeAdminIds } = request;
  if (by.kind === 'STAFF' && by.id === member.id) throw new OwnAccountChangeError(change);
  const losesAdmin =
    member.active && member.role === 'ADMIN' && (change === 'deactivate' || newRole !== 'ADMIN');
  const othersRemain = activeAdminIds.some((id) => id !== member.id);
  if (losesAdmin && !othersRemain) throw new LastActiveAdminError(member.displayName, change);
}
