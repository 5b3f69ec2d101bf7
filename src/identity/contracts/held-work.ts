import type { Actor, StaffActor } from '../../shared/domain/actor.js';
import type { Message } from '../../shared/i18n/message.js';

/** An open request a member of staff holds, as the deactivation page lists it. */
export interface HeldRequest {
  id: string;
  reference: string;
  statusLabel: Message;
  dueAt: Date | null;
  /** When a request waiting for the applicant expires. */
  expiresAt: Date | null;
  /** Its page, for a viewer who may open it (null otherwise). */
  href: string | null;
}

/** A request given back by a deactivation, and the state it kept (`IN_REVIEW`, …: the request's own status code). */
export interface ReturnedRequest {
  id: string;
  reference: string;
  status: string;
}

/**
 * The review work a member of staff holds: what identity needs to deactivate an account
 * without leaving requests held by nobody who can act. Identity owns this port; the
 * context that owns the requests implements it (initialization's `HeldWorkForIdentity`),
 * and the composition root wires the two, so identity depends on no context.
 */
export interface HeldWork {
  /** Every open request `staffId` holds, awaiting the applicant included, the earliest due first. */
  heldBy(staffId: string, viewer: StaffActor): Promise<HeldRequest[]>;
  /**
   * Gives back everything `holderId` holds, in the current unit of work: released (nobody
   * holds them; each keeps its state) or, given `toStaffId`, reassigned to that senior
   * reviewer. Each request's change is audited.
   */
  giveBack(
    holderId: string,
    toStaffId: string | null,
    context: { actor: Actor; ip: string | null },
  ): Promise<ReturnedRequest[]>;
}
export const HELD_WORK = Symbol('HeldWork');
