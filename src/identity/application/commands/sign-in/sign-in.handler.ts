import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  AUDIT_LOG,
  type AuditActionOf,
  type AuditLog,
} from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { StaffMember } from '../../../domain/staff-member.js';
import {
  InvalidCredentialsError,
  SignInThrottledError,
} from '../../../domain/staff-member.errors.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/password-hasher.js';
import { SIGN_IN_THROTTLE, type SignInThrottle } from '../../ports/sign-in-throttle.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import type { SignedInStaff } from '../../queries/get-signed-in-staff/signed-in-staff.js';
import { SignInCommand } from './sign-in.command.js';

/**
 * Checks the password of an active account, unless this address is locked out of the
 * account (or of all accounts) or the account's attempts are being slowed down and
 * this one comes too early. Every attempt is counted as a failure before the password
 * is verified (a success is given back), and audited, failed and refused ones too.
 */
@CommandHandler(SignInCommand)
export class SignInHandler implements ICommandHandler<SignInCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SignInCommand): Promise<SignedInStaff> {
    const email = StaffMember.normaliseEmail(command.email);
    // The attempt is counted before the password is verified, so parallel guesses
    // cannot all pass a check made before any of them was counted.
    const now = this.clock.now();
    const verdict = await this.throttle.admit(email, command.ip, now);
    if (!verdict.admitted) {
      await this.recordAttempt('staff.sign_in_throttled', email, command.ip, null, {
        scope: verdict.limit.scope,
      });
      throw new SignInThrottledError(verdict.limit.scope, verdict.limit.retryAfterSeconds);
    }

    const member = await this.staff.findByEmail(email);
    const passwordMatches = member
      ? await this.hasher.verify(member.passwordHash, command.password)
      : (await this.hasher.verifyAgainstDummy(command.password), false);

    if (!member || !passwordMatches || !member.canSignIn()) {
      const reason = !member
        ? 'unknown-email'
        : !passwordMatches
          ? 'wrong-password'
          : 'account-inactive';
      await this.recordAttempt('staff.sign_in_failed', email, command.ip, member, { reason });
      const limit = verdict.lastAllowed;
      if (limit) throw new SignInThrottledError(limit.scope, limit.retryAfterSeconds);
      throw new InvalidCredentialsError();
    }

    await this.throttle.recordSuccess(email, command.ip, now);
    await this.recordAttempt('staff.signed_in', email, command.ip, member, {});
    // The account's own choice wins; an account with none keeps the one made on the sign-in page.
    if (!member.locale && command.localeChosenBeforeSignIn) {
      member.chooseLocale(command.localeChosenBeforeSignIn, this.clock.now());
      await this.staff.save(member);
    }
    return {
      id: member.id,
      email: member.email,
      displayName: member.displayName,
      role: member.role,
      locale: member.locale,
    };
  }

  private async recordAttempt(
    action: AuditActionOf<'staff'>,
    email: string,
    ip: string,
    member: StaffMember | null,
    details: Record<string, unknown>,
  ): Promise<void> {
    await this.unitOfWork.run(async () => {
      this.audit.record({
        actor:
          member && action === 'staff.signed_in'
            ? { kind: 'STAFF', id: member.id, role: member.role, name: member.displayName }
            : { kind: 'ANONYMOUS', name: email },
        action,
        details: { email, ...details },
        ip,
      });
    });
  }
}
