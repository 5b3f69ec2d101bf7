import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

export class CreateStaffMemberCommand extends Command<{ id: string }> {
  constructor(
    readonly actor: Actor,
    readonly email: string,
    readonly displayName: string,
    readonly role: string,
    readonly password: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
