import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { ClientIp, Public } from '../../../shared/interface/http/access.decorators.js';
import { flash } from '../../../shared/interface/web/session.js';
import { SetPasswordWithLinkCommand } from '../../application/commands/set-password-with-link/set-password-with-link.command.js';
import {
  PasswordLinkQuery,
  type PasswordLinkView,
} from '../../application/queries/password-link/password-link.query.js';
import { PASSWORD_MIN_LENGTH } from '../../domain/password-policy.js';
import {
  InvalidPasswordError,
  PasswordLinkUnusableError,
  type PasswordField,
  type UnusableLinkReason,
} from '../../domain/password.errors.js';
import { parseSetPasswordForm } from './forms.js';

/** An unknown link is not there (404); a used, expired or replaced one is gone for good (410). */
const STATUS_BY_REASON: Record<UnusableLinkReason, number> = {
  unknown: 404,
  used: 410,
  expired: 410,
  voided: 410,
  inactive: 410,
};

/**
 * The page a set-password link opens (no session needed): it says whose account the
 * link is for and until when it works, or in words why it no longer does; the form
 * sets the new password under the policy, every problem beside its field, and the
 * link is used up.
 */
@Controller('password/:token')
@Public()
export class SetPasswordController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  async page(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const link = await this.queries.execute(new PasswordLinkQuery(token));
    this.render(response, token, link, {});
  }

  @Post()
  async setPassword(
    @Param('token') token: string,
    @Body() body: unknown,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { newPassword, confirmPassword } = parseSetPasswordForm(body);
    try {
      await this.commands.execute(
        new SetPasswordWithLinkCommand(token, newPassword, confirmPassword, ip),
      );
    } catch (error) {
      if (error instanceof PasswordLinkUnusableError) {
        return this.render(response, token, { usable: false, reason: error.reason }, {});
      }
      if (!(error instanceof InvalidPasswordError)) throw error;
      const link = await this.queries.execute(new PasswordLinkQuery(token));
      response.status(422);
      return this.render(response, token, link, {
        errors: error.byField,
        summary: error.sentence,
      });
    }
    flash(request, 'success', msg('identity.setPassword.done'));
    response.redirect(303, '/login');
  }

  private render(
    response: Response,
    token: string,
    link: PasswordLinkView,
    refused: { errors?: Partial<Record<PasswordField, readonly Message[]>>; summary?: Message },
  ): void {
    if (!link.usable) response.status(STATUS_BY_REASON[link.reason]);
    response.render('pages/identity/set-password', {
      pageTitle: msg('identity.setPassword.title'),
      layout: 'bare',
      token,
      link,
      refusal: link.usable ? null : new PasswordLinkUnusableError(link.reason).sentence,
      rules: msg('identity.password.rules', { min: PASSWORD_MIN_LENGTH }),
      errors: refused.errors ?? {},
      summary: refused.summary,
    });
  }
}
