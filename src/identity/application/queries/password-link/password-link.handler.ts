import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  PASSWORD_RESET_LINK_REPOSITORY,
  type PasswordResetLinkRepository,
} from '../../ports/password-reset-link.repository.js';
import { SECRET_TOKENS, type SecretTokens } from '../../ports/secret-tokens.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { PasswordLinkQuery, type PasswordLinkView } from './password-link.query.js';

@QueryHandler(PasswordLinkQuery)
export class PasswordLinkHandler implements IQueryHandler<PasswordLinkQuery> {
  constructor(
    @Inject(PASSWORD_RESET_LINK_REPOSITORY) private readonly links: PasswordResetLinkRepository,
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(SECRET_TOKENS) private readonly tokens: SecretTokens,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: PasswordLinkQuery): Promise<PasswordLinkView> {
    const tokenHash = this.tokens.hashOf(query.token);
    const link = tokenHash ? await this.links.findByTokenHash(tokenHash) : null;
    if (!link) return { usable: false, reason: 'unknown' };
    const state = link.stateAt(this.clock.now());
    if (state !== 'usable') return { usable: false, reason: state };
    const member = await this.staff.findById(link.staffId);
    if (!member?.active) return { usable: false, reason: 'inactive' };
    return {
      usable: true,
      email: member.email,
      displayName: member.displayName,
      expiresAt: link.expiresAt,
    };
  }
}
