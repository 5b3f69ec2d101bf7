import { Body, Controller, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { flash } from '../../../shared/interface/web/session.js';
import { ClearSignInLockoutCommand } from '../../application/commands/clear-sign-in-lockout/clear-sign-in-lockout.command.js';
import { parseLockoutForm } from './forms.js';

/** An admin ends a sign-in lockout listed on the staff page (`views/partials/staff-lockouts.hbs`). */
@Controller('admin/sign-in-lockouts')
@Roles('ADMIN')
export class SignInLockoutsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('clear')
  async clear(
    @Body() body: unknown,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { scope, email, address } = parseLockoutForm(body);
    const cleared = await this.commands.execute(
      new ClearSignInLockoutCommand(actor, scope, email, address, ip),
    );
    if (cleared) flash(request, 'success', msg('identity.lockouts.cleared'));
    else flash(request, 'info', msg('identity.lockouts.alreadyEnded'));
    response.redirect(303, '/admin/users#sign-in-lockouts');
  }
}
