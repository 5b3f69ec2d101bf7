import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/** A deactivated account may sign in again. `staff` is an id or an email address. */
export class ReactivateStaffMemberCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly staff: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
