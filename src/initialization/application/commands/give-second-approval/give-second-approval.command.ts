import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** A senior reviewer other than the first approver confirms the approval. */
export class GiveSecondApprovalCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
