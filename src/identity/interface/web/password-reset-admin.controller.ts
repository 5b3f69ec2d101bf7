import { Controller, Get, Inject, Param, Post, Render, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { publicLink } from '../../../shared/application/public-link.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { UuidParam } from '../../../shared/interface/http/uuid-param.pipe.js';
import { IssuePasswordResetCommand } from '../../application/commands/issue-password-reset/issue-password-reset.command.js';
import { ListStaffMembersQuery } from '../../application/queries/list-staff-members/list-staff-members.query.js';
import { PasswordResetOfInactiveAccountError } from '../../domain/password.errors.js';
import { StaffMemberNotFoundError } from '../../domain/staff-member.errors.js';
import { RecentStaffChecks } from './recent-staff-checks.js';

const STAFF_ID = new UuidParam((id) => new StaffMemberNotFoundError(id));

/**
 * An admin resets a staff member's password: a page saying what will happen, then
 * the one-time set-password link, shown once, for the admin to hand over (it is not
 * mailed: a mail would keep the token in the outbox).
 */
@Controller('admin/users/:id/password-reset')
@Roles('ADMIN')
export class PasswordResetAdminController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly recentChecks: RecentStaffChecks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Render('pages/identity/password-reset-confirm')
  async confirm(@Param('id', STAFF_ID) id: string): Promise<object> {
    const members = await this.queries.execute(new ListStaffMembersQuery());
    const member = members.find((candidate) => candidate.id === id);
    if (!member) throw new StaffMemberNotFoundError(id);
    return {
      pageTitle: msg('identity.reset.title', { name: member.displayName }),
      member,
      hours: this.config.PASSWORD_RESET_HOURS,
      refusal: member.active
        ? null
        : new PasswordResetOfInactiveAccountError(member.email).sentence,
    };
  }

  @Post()
  async issue(
    @Param('id', STAFF_ID) id: string,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Res() response: Response,
  ): Promise<void> {
    const issued = await this.commands.execute(new IssuePasswordResetCommand(actor, id, ip));
    // Their sessions ended: this instance stops trusting its recent check of them at once.
    this.recentChecks.forget(id);
    // Shown in this response only (no redirect, no flash: the token is never kept anywhere).
    response.status(200).render('pages/identity/password-reset-issued', {
      pageTitle: msg('identity.reset.issuedTitle', { name: issued.displayName }),
      name: issued.displayName,
      email: issued.email,
      link: publicLink(this.config.PUBLIC_BASE_URL, `/password/${issued.token}`),
      expiresAt: issued.expiresAt,
    });
  }
}
