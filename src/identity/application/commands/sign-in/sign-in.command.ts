import { Command } from '@nestjs/cqrs';
import type { Locale } from '../../../../shared/i18n/locale.js';
import type { SignedInStaff } from '../../queries/get-signed-in-staff/signed-in-staff.js';

export class SignInCommand extends Command<SignedInStaff> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly ip: string,
    /** The language chosen on the sign-in page, saved on an account that has none yet. */
    readonly localeChosenBeforeSignIn: Locale | null = null,
  ) {
    super();
  }
}
