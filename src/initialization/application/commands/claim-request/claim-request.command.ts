import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** Claims a request from the queue: it moves to IN_REVIEW, held by the reviewer. */
export class ClaimRequestCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
