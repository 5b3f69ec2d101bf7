import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ChooseLocaleHandler } from './application/commands/choose-locale/choose-locale.handler.js';
import { CreateStaffMemberHandler } from './application/commands/create-staff-member/create-staff-member.handler.js';
import { DeactivateStaffMemberHandler } from './application/commands/deactivate-staff-member/deactivate-staff-member.handler.js';
import { SignInHandler } from './application/commands/sign-in/sign-in.handler.js';
import { ClearSignInLockoutHandler } from './application/commands/clear-sign-in-lockout/clear-sign-in-lockout.handler.js';
import { SignOutHandler } from './application/commands/sign-out/sign-out.handler.js';
import { ChangeStaffRoleHandler } from './application/commands/change-staff-role/change-staff-role.handler.js';
import { ReactivateStaffMemberHandler } from './application/commands/reactivate-staff-member/reactivate-staff-member.handler.js';
import { AccountAdministrationHandler } from './application/queries/account-administration/account-administration.handler.js';
import { StaffLifecycleController } from './interface/web/staff-lifecycle.controller.js';
import { PASSWORD_HASHER } from './application/ports/password-hasher.js';
import { SIGN_IN_THROTTLE } from './application/ports/sign-in-throttle.js';
import { STAFF_MEMBER_REPOSITORY } from './application/ports/staff-member.repository.js';
import { GetSignedInStaffHandler } from './application/queries/get-signed-in-staff/get-signed-in-staff.handler.js';
import { ListStaffMembersHandler } from './application/queries/list-staff-members/list-staff-members.handler.js';
import { ListSignInLockoutsHandler } from './application/queries/list-sign-in-lockouts/list-sign-in-lockouts.handler.js';
import { Argon2PasswordHasher } from './infrastructure/security/argon2-password-hasher.js';
import { PostgresSignInThrottle } from './infrastructure/security/postgres-sign-in-throttle.js';
import { TypeormStaffMemberRepository } from './infrastructure/typeorm/typeorm-staff-member.repository.js';
import { LocaleChoiceController } from './interface/web/locale-choice.controller.js';
import { SignInController } from './interface/web/sign-in.controller.js';
import { RecentStaffChecks } from './interface/web/recent-staff-checks.js';
import { StaffAdminController } from './interface/web/staff-admin.controller.js';
import { SignInLockoutsController } from './interface/web/sign-in-lockouts.controller.js';
// Staff credentials: password resets, set-password links, the own-account page.
import { ChangeOwnPasswordHandler } from './application/commands/change-own-password/change-own-password.handler.js';
import { EndOtherSessionsHandler } from './application/commands/end-other-sessions/end-other-sessions.handler.js';
import { IssuePasswordResetHandler } from './application/commands/issue-password-reset/issue-password-reset.handler.js';
import { SetPasswordWithLinkHandler } from './application/commands/set-password-with-link/set-password-with-link.handler.js';
import { PasswordRules } from './application/password-rules.js';
import { PASSWORD_RESET_LINK_REPOSITORY } from './application/ports/password-reset-link.repository.js';
import { PASSWORD_STRENGTH } from './application/ports/password-strength.js';
import { SECRET_TOKENS } from './application/ports/secret-tokens.js';
import { PasswordLinkHandler } from './application/queries/password-link/password-link.handler.js';
import { RandomSecretTokens } from './infrastructure/security/random-secret-tokens.js';
import { ZxcvbnPasswordStrength } from './infrastructure/security/zxcvbn-password-strength.js';
import { TypeormPasswordResetLinkRepository } from './infrastructure/typeorm/typeorm-password-reset-link.repository.js';
import { OwnAccountController } from './interface/web/own-account.controller.js';
import { PasswordResetAdminController } from './interface/web/password-reset-admin.controller.js';
import { SetPasswordController } from './interface/web/set-password.controller.js';

const controllers = [
  SignInController,
  LocaleChoiceController,
  StaffAdminController,
  SignInLockoutsController,
  StaffLifecycleController,
  PasswordResetAdminController,
  SetPasswordController,
  OwnAccountController,
];
const commandHandlers = [
  ChooseLocaleHandler,
  CreateStaffMemberHandler,
  DeactivateStaffMemberHandler,
  SignInHandler,
  SignOutHandler,
  ClearSignInLockoutHandler,
  ReactivateStaffMemberHandler,
  ChangeStaffRoleHandler,
  IssuePasswordResetHandler,
  SetPasswordWithLinkHandler,
  ChangeOwnPasswordHandler,
  EndOtherSessionsHandler,
];
const queryHandlers = [
  GetSignedInStaffHandler,
  ListStaffMembersHandler,
  ListSignInLockoutsHandler,
  AccountAdministrationHandler,
  PasswordLinkHandler,
];
const adapters = [
  { provide: STAFF_MEMBER_REPOSITORY, useClass: TypeormStaffMemberRepository },
  { provide: PASSWORD_HASHER, useClass: Argon2PasswordHasher },
  { provide: SIGN_IN_THROTTLE, useClass: PostgresSignInThrottle },
  { provide: PASSWORD_RESET_LINK_REPOSITORY, useClass: TypeormPasswordResetLinkRepository },
  { provide: PASSWORD_STRENGTH, useClass: ZxcvbnPasswordStrength },
  { provide: SECRET_TOKENS, useClass: RandomSecretTokens },
];

/**
 * Staff accounts, sign-in and sessions, roles. `heldWork` is the module that provides this
 * context's port `HELD_WORK` (see `contracts/held-work.ts`): the composition root names it,
 * so identity depends on no other context.
 */
@Module({})
export class IdentityModule {
  static register(options: { heldWork: Type<unknown> }): DynamicModule {
    return {
      module: IdentityModule,
      imports: [options.heldWork],
      controllers,
      providers: [
        ...commandHandlers,
        ...queryHandlers,
        ...adapters,
        PasswordRules,
        RecentStaffChecks,
      ],
      exports: [STAFF_MEMBER_REPOSITORY, PASSWORD_HASHER, RecentStaffChecks],
    };
  }
}
