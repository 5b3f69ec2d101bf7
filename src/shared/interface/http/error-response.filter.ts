import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Logger,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError } from '../../domain/domain-error.js';
import { flash, keepFormState } from '../web/session.js';
import { STATUS_BY_CATEGORY } from './domain-error.mapping.js';
import { ApiProblem, PROBLEM_TYPE_BASE, type ProblemDetails } from './problem-details.js';
import { SignInRequiredException } from './sign-in-required.exception.js';

const PAGE_MESSAGES: Partial<Record<number, { title: string; text: string }>> = {
  403: { title: 'Not allowed', text: 'Your role does not allow this page or action.' },
  404: { title: 'Not found', text: 'There is nothing at this address.' },
  413: { title: 'Too large', text: 'What you sent is larger than the desk accepts.' },
  429: { title: 'Slow down', text: 'Too many attempts; wait a little and try again.' },
  500: {
    title: 'Something went wrong',
    text: 'The desk could not finish this. Nothing was changed; try again, and tell an administrator if it keeps happening.',
  },
  503: { title: 'Unavailable', text: 'A service the desk depends on is not answering.' },
};

/**
 * Every error leaves through here: as problem+json on the API, as a page (or a
 * redirect with a message, for forms) on the staff portal.
 */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw error;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    if (request.path.startsWith('/api/')) return this.problem(error, request, response);
    if (request.path === '/health' && error instanceof HttpException) {
      response.status(error.getStatus()).json(error.getResponse());
      return;
    }
    return this.page(error, request, response);
  }

  private problem(error: unknown, request: Request, response: Response): void {
    const body = this.toProblem(error, request);
    if (body.status >= 500) this.logger.error({ err: error }, 'request failed');
    if (body.status === 401)
      response.setHeader('WWW-Authenticate', 'Bearer realm="beian-desk intake"');
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(error: unknown, request: Request): ProblemDetails {
    const instance = request.originalUrl.split('?')[0];
    if (error instanceof ApiProblem) {
      return {
        type: PROBLEM_TYPE_BASE + error.slug,
        title: error.title,
        status: error.status,
        ...(error.detail ? { detail: error.detail } : {}),
        instance,
        ...(error.errors ? { errors: error.errors } : {}),
      };
    }
    if (error instanceof DomainError) {
      return {
        type: PROBLEM_TYPE_BASE + error.code,
        title: error.message,
        status: STATUS_BY_CATEGORY[error.category],
        detail: error.message,
        code: error.code,
        instance,
      };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const payload = error.getResponse();
      const detail =
        typeof payload === 'string'
          ? payload
          : typeof (payload as { message?: unknown }).message === 'string'
            ? (payload as { message: string }).message
            : error.message;
      return { type: 'about:blank', title: titleFor(status), status, detail, instance };
    }
    return {
      type: 'about:blank',
      title: titleFor(500),
      status: 500,
      detail: 'The request could not be processed. Nothing was stored.',
      instance,
    };
  }

  private page(error: unknown, request: Request, response: Response): void {
    if (error instanceof SignInRequiredException) {
      if (error.reason !== 'no-session')
        flash(request, 'info', 'Your session ended. Sign in again to continue.');
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
      flash(request, 'error', error.message);
      keepFormState(request, error.message);
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
    const words = PAGE_MESSAGES[status] ?? { title: titleFor(status), text: '' };
    const text =
      error instanceof DomainError ||
      (error instanceof HttpException && status !== 500 && status !== 404)
        ? messageOf(error)
        : words.text;
    response.status(status).render('pages/error', {
      pageTitle: words.title,
      status,
      title: words.title,
      text,
    });
  }
}

function messageOf(error: DomainError | HttpException): string {
  if (error instanceof DomainError) return error.message;
  const payload = error.getResponse();
  if (typeof payload === 'string') return payload;
  const message = (payload as { message?: unknown }).message;
  return typeof message === 'string' ? message : error.message;
}

function titleFor(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return names[status] ?? 'Error';
}

/** The Referer when it is this site's own page, else the front page. */
function safeBackUrl(request: Request): string {
  const referer = request.get('referer');
  if (!referer) return '/';
  try {
    const url = new URL(referer);
    if (url.host !== request.get('host')) return '/';
    return url.pathname + url.search;
  } catch {
    return '/';
  }
}
