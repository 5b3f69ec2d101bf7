import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/**
 * An admin resends an ABANDONED message (delivery unknown), having confirmed that the
 * recipient may get it twice: a new message that references the old one, delivered like
 * any other. Returns the new message's id.
 */
export class ResendMessageCommand extends Command<string> {
  constructor(
    readonly actor: StaffActor,
    readonly messageId: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
