import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { APP_CONFIG, type AppConfig } from '../../../../shared/infrastructure/config/app-config.js';
import { PasswordResetLink } from '../../../domain/password-reset-link.js';
import { StaffMemberNotFoundError } from '../../../domain/staff-member.errors.js';
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
import {
  IssuePasswordResetCommand,
  type IssuedPasswordReset,
} from './issue-password-reset.command.js';

/**
 * In one transaction: the account's earlier links are voided, a new one is stored
 * (the SHA-256 of its token only), the password is replaced by the hash of a secret
 * nobody holds, every session ends, and the trail records it (never the token).
 */
@CommandHandler(IssuePasswordResetCommand)
export class IssuePasswordResetHandler implements ICommandHandler<IssuePasswordResetCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(PASSWORD_RESET_LINK_REPOSITORY) private readonly links: PasswordResetLinkRepository,
    @Inject(PASSWORD_HASHER) private readonly hasher: PasswordHasher,
    @Inject(SECRET_TOKENS) private readonly tokens: SecretTokens,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute(command: IssuePasswordResetCommand): Promise<IssuedPasswordReset> {
    const secret = this.tokens.issue();
    // The old password stops working: it is replaced by one nobody knows (hashed before
    // the transaction, so no row stays locked while argon2 works).
    const unusableHash = await this.hasher.hash(this.tokens.issue().token);
    return this.unitOfWork.run(async () => {
      const member = await this.staff.findByIdForUpdate(command.staffId);
      if (!member) throw new StaffMemberNotFoundError(command.staffId);
      const now = this.clock.now();
      member.resetPassword(unusableHash, now);
      for (const earlier of await this.links.findOpenForUpdate(member.id)) {
        earlier.void(now);
        await this.links.save(earlier);
      }
      const link = PasswordResetLink.issue({
        id: this.ids.newId(),
        staffId: member.id,
        tokenHash: secret.hash,
        issuedBy: command.actor.name,
        validForHours: this.config.PASSWORD_RESET_HOURS,
        now,
      });
      await this.links.save(link);
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.password_reset_issued',
        details: {
          staffId: member.id,
          email: member.email,
          expiresAt: link.expiresAt.toISOString(),
        },
        ip: command.ip,
      });
      return {
        token: secret.token,
        expiresAt: link.expiresAt,
        staffId: member.id,
        email: member.email,
        displayName: member.displayName,
      };
    });
  }
}
