import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { msg, type Message } from '../../../../shared/i18n/message.js';
import {
  InvalidPasswordError,
  PasswordLinkUnusableError,
  type PasswordField,
} from '../../../domain/password.errors.js';
import type { PasswordResetLink } from '../../../domain/password-reset-link.js';
import type { StaffMember } from '../../../domain/staff-member.js';
import { PasswordRules } from '../../password-rules.js';
import { PASSWORD_HASHER, type PasswordHasher } from '../../ports/password-hasher.js';
import {
  PASSWORD_RESET_LINK_REPOSITORY,
  type PasswordResetLinkRepository,
} from '../../ports/password-reset-link.repository.js';
import { SECRET_TOKENS, type SecretTokens } from '../../ports/secret-tokens.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { SetPasswordWithLinkCommand } from './set-password-with-link.command.js';

/**
 * Checks the link and the new password (every problem at once; a refused password
 * leaves the link usable), then in one transaction, with the link's row locked so
 * it works once however many tabs submit it: the link is used, the password set,
 * and the trail records it as done by the staff member themselves.
 */
@CommandHandler(SetPasswordWithLinkCommand)
export class SetPasswordWithLinkHandler implements ICommandHandler<SetPasswordWithLinkCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(PASSWORD_RESET_LINK_REPOSITORY) private readonly links: PasswordResetLinkRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(SECRET_TOKENS) private readonly tokens: SecretTokens,
    private readonly rules: PasswordRules,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SetPasswordWithLinkCommand): Promise<{ email: string }> {
    const tokenHash = this.tokens.hashOf(command.token);
    if (!tokenHash) throw new PasswordLinkUnusableError('unknown');
    const { member } = await this.usable(tokenHash, false);

    const problems: Partial<Record<PasswordField, Message[]>> = {};
    const passwordProblems = this.rules.problemsOf(command.newPassword, member);
    if (passwordProblems.length > 0) problems.newPassword = passwordProblems;
    if (command.confirmPassword !== command.newPassword)
      problems.confirmPassword = [msg('identity.password.mismatch')];
    if (Object.keys(problems).length > 0) throw new InvalidPasswordError(problems);

    const passwordHash = await this.hasher.hash(command.newPassword);
    return this.unitOfWork.run(async () => {
      const { link, member } = await this.usable(tokenHash, true);
      const now = this.clock.now();
      link.use(now);
      member.setPassword(passwordHash, now);
      await this.links.save(link);
      await this.staff.save(member);
      this.audit.record({
        actor: { kind: 'STAFF', id: member.id, role: member.role, name: member.displayName },
        action: 'staff.password_set',
        details: { staffId: member.id, email: member.email },
        ip: command.ip,
      });
      return { email: member.email };
    });
  }

  /** The link and its account, or the reason it cannot set a password. */
  private async usable(
    tokenHash: string,
    forUpdate: boolean,
  ): Promise<{ link: PasswordResetLink; member: StaffMember }> {
    const found = await this.links.findByTokenHash(tokenHash);
    if (!found) throw new PasswordLinkUnusableError('unknown');
    // Locked as a reset locks them, the account first, so the two never wait on each other.
    const member = forUpdate
      ? await this.staff.findByIdForUpdate(found.staffId)
      : await this.staff.findById(found.staffId);
    const link = forUpdate ? await this.links.findByTokenHash(tokenHash, { forUpdate }) : found;
    if (!link) throw new PasswordLinkUnusableError('unknown');
    link.assertUsable(this.clock.now());
    if (!member?.active) throw new PasswordLinkUnusableError('inactive');
    return { link, member };
  }
}
