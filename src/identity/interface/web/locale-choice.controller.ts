import { Body, Controller, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { Public } from '../../../shared/interface/http/access.decorators.js';
import { keepLocaleCookie } from '../../../shared/interface/http/request-locale.js';
import { safeBackUrl } from '../../../shared/interface/http/safe-back-url.js';
import { ChooseLocaleCommand } from '../../application/commands/choose-locale/choose-locale.command.js';
import { parseLocaleForm } from './forms.js';
import { RecentStaffChecks } from './recent-staff-checks.js';

/**
 * The language switch in every page's header and on the sign-in page (`POST /locale`,
 * `locale=zh-CN|en`). Signed in, the choice is saved on the account and follows the
 * staff member to any instance; before sign-in it is kept in a cookie. Back to the page
 * it came from, now in the chosen language.
 */
@Controller()
export class LocaleChoiceController {
  constructor(
    private readonly commands: CommandBus,
    private readonly recent: RecentStaffChecks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('locale')
  async choose(
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const { locale } = parseLocaleForm(body);
    if (locale) {
      const staffId = request.session?.staffId;
      if (staffId) {
        await this.commands.execute(new ChooseLocaleCommand(staffId, locale));
        this.recent.forget(staffId);
      }
      keepLocaleCookie(response, locale, cookieSecure(this.config, request));
    }
    response.redirect(303, safeBackUrl(request));
  }
}

export function cookieSecure(config: AppConfig, request: Request): boolean {
  return config.COOKIE_SECURE === 'auto' ? request.secure : config.COOKIE_SECURE === 'true';
}
