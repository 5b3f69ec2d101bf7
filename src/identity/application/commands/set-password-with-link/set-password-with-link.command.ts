import { Command } from '@nestjs/cqrs';

/** A staff member sets a new password with the one-time link an admin handed them. */
export class SetPasswordWithLinkCommand extends Command<{ email: string }> {
  constructor(
    readonly token: string,
    readonly newPassword: string,
    readonly confirmPassword: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
