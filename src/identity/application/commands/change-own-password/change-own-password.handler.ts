import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import { InvalidPasswordError, type PasswordField } from '../../../domain/password.errors.js';
import {
  SignInThrottledError,
  StaffMemberNotFoundError,
} from '../../../domain/staff-member.errors.js';
import { PasswordRules } from '../../password-rules.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/password-hasher.js';
import { SIGN_IN_THROTTLE, type SignInThrottle } from '../../ports/sign-in-throttle.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { ChangeOwnPasswordCommand } from './change-own-password.command.js';

/**
 * Every problem at once (a wrong current password, the new one's, a confirmation that
 * differs); then in one transaction the new password is set, the other sessions end
 * and the trail records it. The current password is guessed no faster here than at
 * sign-in: each try counts with the sign-in throttle, for this account from this address.
 */
@CommandHandler(ChangeOwnPasswordCommand)
export class ChangeOwnPasswordHandler implements ICommandHandler<ChangeOwnPasswordCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(SIGN_IN_THROTTLE) private readonly throttle: SignInThrottle,
    private readonly rules: PasswordRules,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangeOwnPasswordCommand): Promise<void> {
    const member = await this.staff.findById(command.actor.id);
    if (!member) throw new StaffMemberNotFoundError(command.actor.id);

    const problems: Partial<Record<PasswordField, Message[]>> = {};
    if (!command.currentPassword)
      problems.currentPassword = [msg('identity.password.currentMissing')];
    else {
      const now = this.clock.now();
      const address = command.ip ?? 'unknown';
      const verdict = await this.throttle.admit(member.email, address, now);
      if (!verdict.admitted)
        problems.currentPassword = [
          new SignInThrottledError(verdict.limit.scope, verdict.limit.retryAfterSeconds).sentence,
        ];
      else if (!(await this.hasher.verify(member.passwordHash, command.currentPassword)))
        problems.currentPassword = [msg('identity.password.wrongCurrent')];
      else await this.throttle.recordSuccess(member.email, address, now);
    }
    const passwordProblems = this.rules.problemsOf(command.newPassword, member);
    if (passwordProblems.length > 0) problems.newPassword = passwordProblems;
    else if (command.newPassword === command.currentPassword)
      problems.newPassword = [msg('identity.password.sameAsCurrent')];
    if (command.confirmPassword !== command.newPassword)
      problems.confirmPassword = [msg('identity.password.mismatch')];
    if (Object.keys(problems).length > 0) throw new InvalidPasswordError(problems);

    const passwordHash = await this.hasher.hash(command.newPassword);
    await this.unitOfWork.run(async () => {
      const locked = await this.staff.findByIdForUpdate(command.actor.id);
      if (!locked) throw new StaffMemberNotFoundError(command.actor.id);
      locked.changePassword(passwordHash, command.keptSession, this.clock.now());
      await this.staff.save(locked);
      this.audit.record({
        actor: command.actor,
        action: 'staff.password_changed',
        details: { staffId: locked.id, email: locked.email },
        ip: command.ip,
      });
    });
  }
}
