import { Module } from '@nestjs/common';
import { ChooseLocaleHandler } from './application/commands/choose-locale/choose-locale.handler.js';
import { CreateStaffMemberHandler } from './application/commands/create-staff-member/create-staff-member.handler.js';
import { DeactivateStaffMemberHandler } from './application/commands/deactivate-staff-member/deactivate-staff-member.handler.js';
import { SignInHandler } from './application/commands/sign-in/sign-in.handler.js';
import { SignOutHandler } from './application/commands/sign-out/sign-out.handler.js';
import { PASSWORD_HASHER } from './application/ports/password-hasher.js';
import { SIGN_IN_THROTTLE } from './application/ports/sign-in-throttle.js';
import { STAFF_MEMBER_REPOSITORY } from './application/ports/staff-member.repository.js';
import { GetSignedInStaffHandler } from './application/queries/get-signed-in-staff/get-signed-in-staff.handler.js';
import { ListStaffMembersHandler } from './application/queries/list-staff-members/list-staff-members.handler.js';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher.js';
import { PostgresSignInThrottle } from './infrastructure/security/postgres-sign-in-throttle.js';
import { TypeormStaffMemberRepository } from './infrastructure/typeorm/typeorm-staff-member.repository.js';
import { LocaleChoiceController } from './interface/web/locale-choice.controller.js';
import { SignInController } from './interface/web/sign-in.controller.js';
import { RecentStaffChecks } from './interface/web/recent-staff-checks.js';
import { StaffAdminController } from './interface/web/staff-admin.controller.js';

const controllers = [SignInController, LocaleChoiceController, StaffAdminController];
const commandHandlers = [
  ChooseLocaleHandler,
  CreateStaffMemberHandler,
  DeactivateStaffMemberHandler,
  SignInHandler,
  SignOutHandler,
];
const queryHandlers = [GetSignedInStaffHandler, ListStaffMembersHandler];
const adapters = [
  { provide: STAFF_MEMBER_REPOSITORY, useClass: TypeormStaffMemberRepository },
  { provide: PASSWORD_HASHER, useClass: Argon2PasswordHasher },
  { provide: SIGN_IN_THROTTLE, useClass: PostgresSignInThrottle },
];

/** Staff accounts, sign-in and sessions, roles. */
@Module({
  controllers,
  providers: [...commandHandlers, ...queryHandlers, ...adapters, RecentStaffChecks],
  exports: [STAFF_MEMBER_REPOSITORY, PASSWORD_HASHER, RecentStaffChecks],
})
export class IdentityModule {}
