import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/** What the admin hands over: the link's secret token (shown once, never stored) and until when it works. */
export interface IssuedPasswordReset {
  token: string;
  expiresAt: Date;
  staffId: string;
  email: string;
  displayName: string;
}

/**
 * An admin resets a staff member's password: a one-time set-password link is issued
 * (voiding any earlier one), the old password stops working and every session ends.
 */
export class IssuePasswordResetCommand extends Command<IssuedPasswordReset> {
  constructor(
    readonly actor: Actor,
    readonly staffId: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
