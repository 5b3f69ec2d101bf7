import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  asAuditTrailNeedsAttention,
  AuditTrailNeedsAttentionError,
} from '../../application/audit-trail-attention.js';
import { DomainError } from '../../domain/domain-error.js';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config.js';
import { isDatabaseUnavailable } from '../../infrastructure/database/postgres-errors.js';
import { ObjectStoreUnavailableError } from '../../infrastructure/object-store/object-store.js';
import { Message, msg } from '../../i18n/message.js';
import type { MessageKey } from '../../i18n/messages/index.js';
import { Translator, type Words } from '../../i18n/translator.js';
import { flash, keepFormState } from '../web/session.js';
import { STATUS_BY_CATEGORY } from './domain-error.mapping.js';
import { ApiProblem, PROBLEM_TYPE_BASE, type ProblemDetails } from './problem-details.js';
import { apiLocale, pageLocale } from './request-locale.js';
import { SignInRequiredException } from './sign-in-required.exception.js';
import { safeBackUrl } from './safe-back-url.js';

/** The statuses whose page has its own title and words (`common.error.<status>.*`). */
const PAGE_STATUSES = new Set([400, 401, 403, 404, 409, 410, 413, 415, 422, 429, 500, 503]);
/** The statuses whose name the API's problems carry as their title (`api.status.<status>`). */
const API_STATUSES = PAGE_STATUSES;
/** When to try again while the database is down (a restart takes about this long). */
export const DATABASE_RETRY_AFTER_SECONDS = 30;

type UnavailableService = 'database' | 'store' | 'auditTrail';
/** What a 503 says for each service the desk cannot work without. */
const UNAVAILABLE = {
  database: {
    code: 'database.unavailable',
    problemType: 'database-unavailable',
    apiDetail: 'api.problem.databaseUnavailable',
    pageText: 'common.error.databaseUnavailable',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
  },
  store: {
    code: 'store.unavailable',
    problemType: 'store-unavailable',
    apiDetail: 'api.problem.storeUnavailable',
    pageText: 'common.error.storeUnavailable',
    retryAfterSeconds: 30,
  },
  // Rows beyond the audit trail's head (issue 18): nothing can be recorded until the owner
  // moves them aside (`audit:quarantine-strays`); the reason is logged, not shown.
  auditTrail: {
    code: 'audit.trailNeedsAttention',
    problemType: 'audit-trail-needs-attention',
    apiDetail: 'api.problem.auditTrailNeedsAttention',
    pageText: 'common.error.auditTrailNeedsAttention',
    retryAfterSeconds: 300,
  },
} as const satisfies Record<
  UnavailableService,
  {
    code: string;
    problemType: string;
    apiDetail: MessageKey;
    pageText: MessageKey;
    retryAfterSeconds: number;
  }
>;

/**
 * Every error leaves through here: as problem+json on the API, as a page (or a
 * redirect with a message, for forms) on the staff portal.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(
    private readonly translator: Translator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    // The store's own error first: it may carry a socket error (its cause) that would read as the database's.
    if (error instanceof ObjectStoreUnavailableError)
      return this.unavailable('store', error, request, response);
    if (isDatabaseUnavailable(error)) return this.unavailable('database', error, request, response);
    const attention = asAuditTrailNeedsAttention(error);
    if (attention) return this.unavailable('auditTrail', attention, request, response);
    if (request.path.startsWith('/api/')) return this.problem(error, request, response);
    if (request.path === '/health' && error instanceof HttpException) {
      if (error.getStatus() === 503)
        response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    return this.page(error, request, response);
  }

  /**
   * A service the desk cannot work without is out of reach — PostgreSQL stopped, restarting
   * or out of connections (sessions live there too, so this is also what a page gets whose
   * session could not be read), or the document and export store down or refusing a write:
   * a 503 with Retry-After, problem+json to the API and a page in the reader's words to
   * people. Nothing was kept (an upload is not stored then), and the next request after the
   * service is back succeeds.
   */
  private unavailable(
    service: UnavailableService,
    error: unknown,
    request: Request,
    response: Response,
  ): void {
    const words = UNAVAILABLE[service];
    if (service === 'database')
      this.logger.warn(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        'database unavailable',
      );
    else if (error instanceof AuditTrailNeedsAttentionError)
      this.logger.error({ reason: error.reason }, 'audit trail needs attention');
    else this.logger.error({ err: error }, 'object store unavailable');
    response.setHeader('Retry-After', String(words.retryAfterSeconds));
    if (request.path.startsWith('/api/')) {
      const translated = this.translator.words(apiLocale(request));
      const body: ProblemDetails = {
        type: PROBLEM_TYPE_BASE + words.problemType,
        title: translated.text(apiTitleOf(503)),
        status: 503,
        detail: translated.t(words.apiDetail),
        code: words.code,
        instance: request.originalUrl.split('?')[0],
      };
      response.status(503).type('application/problem+json').send(JSON.stringify(body));
      return;
    }
    response.locals.locale ??= pageLocale(request, this.config.DEFAULT_LOCALE);
    response.status(503).render('pages/error', {
      pageTitle: titleOf(503),
      status: 503,
      title: titleOf(503),
      text: msg(words.pageText),
    });
  }

  private problem(error: unknown, request: Request, response: Response): void {
    const body = this.toProblem(error, request, this.translator.words(apiLocale(request)));
    if (body.status >= 500) this.logger.error({ err: error }, 'request failed');
    if (body.status === 401)
      response.setHeader('WWW-Authenticate', 'Bearer realm="beian-desk intake"');
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: Request, words: Words): ProblemDetails {
    const instance = request.originalUrl.split('?')[0];
    if (error instanceof ApiProblem) {
      return {
        type: PROBLEM_TYPE_BASE + error.slug,
        title: words.text(error.title),
        status: error.status,
        ...(error.detail ? { detail: words.text(error.detail) } : {}),
        code: error.code,
        instance,
        ...(error.errors
          ? {
              errors: error.errors.map(({ field, code, message }) => ({
                field,
                code,
                message: words.text(message),
              })),
            }
          : {}),
      };
    }
    if (error instanceof DomainError) {
      const sentence = words.text(error.sentence);
      return {
        type: PROBLEM_TYPE_BASE + error.code,
        title: sentence,
        status: STATUS_BY_CATEGORY[error.category],
        detail: sentence,
        code: error.code,
        instance,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      return {
        type: 'about:blank',
        title: words.text(apiTitleOf(status)),
        status,
        detail: words.text(messageOf(error) ?? textOf(status)),
        code: codeOf(error, status),
        instance,
      };
    }
    return {
      type: 'about:blank',
      title: words.text(apiTitleOf(500)),
      status: 500,
      detail: words.t('api.problem.failed'),
      code: 'server.failed',
      instance,
    };
  }

  private page(error: unknown, request: Request, response: Response): void {
    if (error instanceof SignInRequiredException) {
      if (error.reason !== 'no-session') flash(request, 'info', msg('common.error.sessionEnded'));
      const next =
        request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/login${next}`);
      return;
    }
    // A refused form: back to the page it came from, with the reason and what was typed.
    if (
      error instanceof DomainError &&
      request.method === 'POST' &&
      error.category !== 'not-found'
    ) {
      flash(request, 'error', error.sentence);
      keepFormState(request, error.sentence);
      response.redirect(303, safeBackUrl(request));
      return;
    }
    const status =
      error instanceof DomainError
        ? STATUS_BY_CATEGORY[error.category]
        : error instanceof HttpException
          ? error.getStatus()
          : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) this.logger.error({ err: error }, 'request failed');
    const title = titleOf(status);
    const text =
      error instanceof DomainError
        ? error.sentence
        : error instanceof HttpException && status !== 500 && status !== 404
          ? (messageOf(error) ?? textOf(status))
          : textOf(status);
    // Rendered outside the layout interceptor when a guard refused: the page's language is decided here.
    response.locals.locale ??= pageLocale(request, this.config.DEFAULT_LOCALE);
    response.status(status).render('pages/error', {
      pageTitle: title,
      status,
      title,
      text,
    });
  }
}

/**
 * What an HttpException says in words: a `Message` it was given (`new ForbiddenException(msg(…))`),
 * or null when it carries only the framework's English (the status's own words are shown then).
 */
function messageOf(error: HttpException): Message | null {
  const payload = error.getResponse();
  return payload instanceof Message ? payload : null;
}

function titleOf(status: number): Message {
  return msg(
    (PAGE_STATUSES.has(status)
      ? `common.error.${status}.title`
      : 'common.error.other.title') as MessageKey,
  );
}

/** The HTTP status's own name, as a machine client's problem title: "Unauthorized", "未授权". */
function apiTitleOf(status: number): Message {
  return msg(
    (API_STATUSES.has(status) ? `api.status.${status}` : 'api.status.other') as MessageKey,
  );
}

function textOf(status: number): Message {
  return msg(
    (PAGE_STATUSES.has(status)
      ? `common.error.${status}.text`
      : 'common.error.500.text') as MessageKey,
  );
}

/** A stable code for an HTTP-level refusal: `http.404`, or the message's own key. */
function codeOf(error: HttpException, status: number): string {
  const message = messageOf(error);
  return message ? message.key.replace(/^[a-z]+\.error\./, '') : `http.${status}`;
}
