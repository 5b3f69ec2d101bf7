import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { RequestStatus } from '../../../domain/request-status.js';

/** A request the deactivated holder no longer holds, and the state it kept. */
export interface ReturnedRequest {
  id: string;
  reference: string;
  status: RequestStatus;
}

/**
 * Published to other contexts (deactivating a staff account): the open requests `holderId`
 * holds go back, in the state each is in — released, so that nobody holds them, or
 * reassigned to `toStaffId` (a senior reviewer the admin chose). Each one is audited.
 * Joins the caller's transaction, so it commits (or not) with the deactivation.
 */
export class ReleaseHeldRequestsCommand extends Command<ReturnedRequest[]> {
  constructor(
    readonly input: {
      holderId: string;
      /** Null: release them. */
      toStaffId: string | null;
      actor: Actor;
      ip: string | null;
    },
  ) {
    super();
  }
}
