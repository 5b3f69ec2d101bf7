import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor } from '../../../shared/interface/http/access.decorators.js';
import { flash } from '../../../shared/interface/web/session.js';
import { ChangeOwnPasswordCommand } from '../../application/commands/change-own-password/change-own-password.command.js';
import { EndOtherSessionsCommand } from '../../application/commands/end-other-sessions/end-other-sessions.command.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/password-policy.js';
import { InvalidPasswordError, type PasswordField } from '../../domain/password.errors.js';
import { RecentStaffChecks } from './recent-staff-checks.js';
import { currentSessionReference } from './session-reference.js';
import { parseOwnPasswordForm } from './forms.js';

/**
 * Every staff member's own account (`/account`): change their password (the current
 * one required; their other sessions end) and sign out all their other sessions.
 */
@Controller('account')
export class OwnAccountController {
  constructor(
    private readonly commands: CommandBus,
    private readonly recentChecks: RecentStaffChecks,
  ) {}

  @Get()
  page(@Req() request: Request, @Res() response: Response): void {
    this.render(request, response, {});
  }

  @Post('password')
  async changePassword(
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const form = parseOwnPasswordForm(body);
    try {
      await this.commands.execute(
        new ChangeOwnPasswordCommand(
          actor,
          form.currentPassword,
          form.newPassword,
          form.confirmPassword,
          currentSessionReference(request),
          ip,
        ),
      );
    } catch (error) {
      if (!(error instanceof InvalidPasswordError)) throw error;
      response.status(422);
      return this.render(request, response, { errors: error.byField, summary: error.sentence });
    }
    this.recentChecks.forget(actor.id);
    flash(request, 'success', msg('identity.account.changed'));
    response.redirect(303, '/account');
  }

  @Post('sessions/end-others')
  async endOtherSessions(
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(
      new EndOtherSessionsCommand(actor, currentSessionReference(request), ip),
    );
    this.recentChecks.forget(actor.id);
    flash(request, 'success', msg('identity.account.othersEnded'));
    response.redirect(303, '/account');
  }

  private render(
    request: Request,
    response: Response,
    refused: { errors?: Partial<Record<PasswordField, readonly Message[]>>; summary?: Message },
  ): void {
    const staff = request.staff!;
    response.render('pages/identity/account', {
      pageTitle: msg('identity.account.title'),
      staff: { ...staff, roleLabel: msg(`common.role.${staff.role}`) },
      rules: msg('identity.password.rules', { min: PASSWORD_MIN_LENGTH }),
      errors: refused.errors ?? {},
      summary: refused.summary,
    });
  }
}
