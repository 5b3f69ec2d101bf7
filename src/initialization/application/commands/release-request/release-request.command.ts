import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** Puts a held request back into the queue. */
export class ReleaseRequestCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
