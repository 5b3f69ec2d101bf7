import {
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config.js';
import { LOCALE_NAMES, LOCALES } from '../../i18n/locale.js';
import { csrf } from '../http/csrf.js';
import { pageLocale } from '../http/request-locale.js';
import { LayoutBanners } from './layout-banners.js';
import { NAVIGATION } from './navigation.js';
import { takeFlash, takeFormState } from './session.js';

/**
 * Puts what the layout needs into `res.locals` for every portal page: its language
 * and the language switch, who is signed in, the navigation for their role, the CSRF
 * token for forms, flash messages, the form a refused POST left behind, and the banners.
 */
@Injectable()
export class WebLayoutInterceptor implements NestInterceptor {
  private readonly languagesByLocale;

  constructor(
    private readonly banners: LayoutBanners,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // The switch as each locale's page shows it, built once.
    this.languagesByLocale = Object.fromEntries(
      LOCALES.map((current) => [
        current,
        LOCALES.map((locale) => ({
          locale,
          name: LOCALE_NAMES[locale],
          current: locale === current,
        })),
      ]),
    );
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (request.path.startsWith('/api/') || request.path === '/health' || !request.session) {
      return next.handle();
    }
    const staff = request.staff;
    const path = request.path;
    const locale = pageLocale(request, this.config.DEFAULT_LOCALE);
    response.locals.locale = locale;
    response.locals.languages = this.languagesByLocale[locale];
    response.locals.csrfToken = csrf.generateToken(request);
    response.locals.currentPath = path;
    // Taken when a page renders, not on redirects, so a message survives until somebody reads it.
    let flash: ReturnType<typeof takeFlash> | undefined;
    let formState: ReturnType<typeof takeFormState> | undefined;
    Object.defineProperties(response.locals, {
      flash: { enumerable: true, configurable: true, get: () => (flash ??= takeFlash(request)) },
      formState: {
        enumerable: true,
        configurable: true,
        get: () => (formState ??= takeFormState(request)),
      },
    });
    if (staff) {
      response.locals.currentStaff = { ...staff, roleLabel: `common.role.${staff.role}` };
      response.locals.nav = NAVIGATION[staff.role].map((item) => ({
        ...item,
        current: path === item.href || path.startsWith(item.href + '/'),
      }));
      response.locals.banners = await this.banners.collect();
    }
    return next.handle();
  }
}
