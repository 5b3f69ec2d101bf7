import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Translator } from '../../i18n/translator.js';
import { apiLocale } from '../http/request-locale.js';
import { MetricsAccessRefused } from './metrics-token.guard.js';

/**
 * A refused scrape answers in one plain sentence (English unless `Accept-Language` asks
 * for Chinese), as a scraper's log or an operator's curl shows it; 401 names the scheme.
 */
@Catch(MetricsAccessRefused)
export class MetricsAccessFilter implements ExceptionFilter {
  constructor(private readonly translator: Translator) {}

  catch(refusal: MetricsAccessRefused, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    if (refusal.status === HttpStatus.UNAUTHORIZED) {
      response.setHeader('WWW-Authenticate', 'Bearer realm="beian-desk metrics"');
    }
    response
      .status(refusal.status)
      .type('text/plain; charset=utf-8')
      .send(this.translator.words(apiLocale(request)).text(refusal.reason) + '\n');
  }
}
