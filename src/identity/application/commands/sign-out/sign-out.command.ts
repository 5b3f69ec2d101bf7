import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

export class SignOutCommand extends Command<void> {
  constructor(
    readonly actor: StaffActor,
    readonly ip: string | null,
  ) {
    super();
  }
}
