import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/**
 * An admin ends one sign-in lockout (or an account's slow-down), as the lockout list
 * names it: its scope, the account's email ('' for an address across accounts) and the
 * address ('' for an account across addresses). Answers whether one was in force.
 */
export class ClearSignInLockoutCommand extends Command<boolean> {
  constructor(
    readonly actor: Actor,
    readonly scope: string,
    readonly email: string,
    readonly address: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
