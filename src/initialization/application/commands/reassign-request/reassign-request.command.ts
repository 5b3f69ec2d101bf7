import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** A senior reviewer hands a request to another reviewer (or to themselves). */
export class ReassignRequestCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly toStaffId: string,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
