import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** "Sign out all my other sessions": every session of theirs but `keptSession` ends. */
export class EndOtherSessionsCommand extends Command<void> {
  constructor(
    readonly actor: StaffActor,
    readonly keptSession: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
