import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { ReturnedRequest } from '../../../contracts/held-work.js';

/** What a deactivation did with the work the account held. */
export interface Deactivation {
  staffId: string;
  displayName: string;
  /** The requests it held, given back. */
  returned: ReturnedRequest[];
  /** The senior reviewer who holds them now; null: they were released. */
  handedTo: { id: string; name: string } | null;
}

/**
 * The account can no longer sign in; the requests it holds are given back in the same
 * transaction: released, or reassigned to the active senior reviewer `handTo`.
 * `staff` is an id or an email address.
 */
export class DeactivateStaffMemberCommand extends Command<Deactivation> {
  constructor(
    readonly actor: Actor,
    readonly staff: string,
    readonly ip: string | null = null,
    /** The id of the senior reviewer to take over the held requests; null releases them. */
    readonly handTo: string | null = null,
  ) {
    super();
  }
}
