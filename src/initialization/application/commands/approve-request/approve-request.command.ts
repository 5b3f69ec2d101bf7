import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** The assignee approves; organizations and flagged requests then wait for a second senior. */
export class ApproveRequestCommand extends Command<'APPROVED' | 'AWAITING_SECOND_APPROVAL'> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
