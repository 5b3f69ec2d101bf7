import { Command } from '@nestjs/cqrs';
import type { SignedInStaff } from '../../queries/get-signed-in-staff/signed-in-staff.js';

export class SignInCommand extends Command<SignedInStaff> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly ip: string,
  ) {
    super();
  }
}
