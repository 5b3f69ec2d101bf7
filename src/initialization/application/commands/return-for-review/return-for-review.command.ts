import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** A second senior sends an approved request back to its reviewer with a note. */
export class ReturnForReviewCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly note: string,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
