import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/**
 * A signed-in staff member changes their own password (the current one required).
 * Their other sessions end; `keptSession` (a reference to the session they asked
 * from) goes on.
 */
export class ChangeOwnPasswordCommand extends Command<void> {
  constructor(
    readonly actor: StaffActor,
    readonly currentPassword: string,
    readonly newPassword: string,
    readonly confirmPassword: string,
    readonly keptSession: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
