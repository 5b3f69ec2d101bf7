import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/**
 * An admin gives an account another role; its sessions end. `staff` is an id or an email
 * address; `role` as the form sent it.
 */
export class ChangeStaffRoleCommand extends Command<void> {
  constructor(
    readonly actor: Actor,
    readonly staff: string,
    readonly role: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
