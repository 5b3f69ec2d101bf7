import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** Rejects with one or more reason codes and a message to the applicant. */
export class RejectRequestCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly reasons: string[],
    readonly message: string,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
