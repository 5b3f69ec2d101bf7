import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** A reviewer or senior writes an internal note on a request (for the staff only). */
export class AddNoteCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly author: StaffActor,
    readonly text: string,
    readonly ip: string | null,
  ) {
    super();
  }
}
