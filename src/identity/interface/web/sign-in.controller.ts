import { Body, Controller, Get, Inject, Post, Query, Render, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { msg } from '../../../shared/i18n/message.js';
import { cookieLocale, keepLocaleCookie } from '../../../shared/interface/http/request-locale.js';
import { cookieSecure } from './locale-choice.controller.js';
import { DomainError } from '../../../shared/domain/domain-error.js';
import { HOME_BY_ROLE } from '../../../shared/interface/web/navigation.js';
import { SignInCommand } from '../../application/commands/sign-in/sign-in.command.js';
import { SignOutCommand } from '../../application/commands/sign-out/sign-out.command.js';
import { SignInThrottledError } from '../../domain/staff-member.errors.js';
import {
  ClientIp,
  CurrentActor,
  Public,
} from '../../../shared/interface/http/access.decorators.js';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { parseSignInForm } from './forms.js';

@Controller()
export class SignInController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('/')
  home(@Req() request: Request, @Res() response: Response): void {
    response.redirect(303, request.staff ? HOME_BY_ROLE[request.staff.role] : '/login');
  }

  @Public()
  @Get('login')
  @Render('pages/identity/sign-in')
  async signInPage(@Req() request: Request, @Query('next') next?: string): Promise<object> {
    // The form's CSRF token lives in the session: it is stored before the page is shown, so
    // while the database is down the sign-in page is a 503, never a form that cannot work.
    await new Promise<void>((resolve, reject) =>
      request.session.save((error) => (error ? reject(error as Error) : resolve())),
    );
    return { pageTitle: msg('identity.signIn.title'), next: safeNext(next), layout: 'bare' };
  }

  @Public()
  @Post('login')
  async signIn(
    @Body() body: unknown,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const form = parseSignInForm(body);
    const { email, password } = form;
    try {
      if (!email.trim() || !password) throw new MissingFieldsError();
      // The session counts as signed in from before the password was read: a reset that
      // lands while it is being checked ends this session too.
      const startedAt = this.clock.now().getTime();
      const staff = await this.commands.execute(
        new SignInCommand(email, password, ip, cookieLocale(request)),
      );
      // The account's language now speaks on the sign-in page too, after this session ends.
      if (staff.locale)
        keepLocaleCookie(response, staff.locale, cookieSecure(this.config, request));
      // A fresh session id at sign-in, so a planted cookie never becomes a signed-in one.
      await new Promise<void>((resolve, reject) =>
        request.session.regenerate((error) => (error ? reject(error as Error) : resolve())),
      );
      request.session.staffId = staff.id;
      request.session.signedInAt = startedAt;
      await new Promise<void>((resolve, reject) =>
        request.session.save((error) => (error ? reject(error as Error) : resolve())),
      );
      response.redirect(303, safeNext(form.next) ?? HOME_BY_ROLE[staff.role]);
    } catch (error) {
      if (!(error instanceof DomainError) && !(error instanceof MissingFieldsError)) throw error;
      if (error instanceof SignInThrottledError) {
        // Too early or locked out: a refusal saying when to come back, never a wait here.
        response.status(429).setHeader('Retry-After', String(error.retryAfterSeconds));
      } else response.status(error instanceof MissingFieldsError ? 400 : 401);
      response.render('pages/identity/sign-in', {
        pageTitle: msg('identity.signIn.title'),
        layout: 'bare',
        error: error instanceof DomainError ? error.sentence : msg('identity.signIn.missingFields'),
        email,
        next: safeNext(form.next),
      });
    }
  }

  @Post('logout')
  async signOut(
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.commands.execute(new SignOutCommand(actor, ip));
    await new Promise<void>((resolve) => request.session.destroy(() => resolve()));
    response.clearCookie('beian.sid', { path: '/' });
    response.redirect(303, '/login');
  }
}

class MissingFieldsError extends Error {}

/** Only a local path may be a post-sign-in destination (no open redirects). */
function safeNext(next: unknown): string | undefined {
  if (typeof next !== 'string') return undefined;
  return /^\/(?![/\\])[\w\-./?=&%]*$/.test(next) && !next.startsWith('/login') ? next : undefined;
}
