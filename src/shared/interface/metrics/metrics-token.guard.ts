import { createHash, timingSafeEqual } from 'node:crypto';
import {
  HttpStatus,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { msg, type Message } from '../../i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../infrastructure/config/app-config.js';

/** A scrape refused: 401 without a bearer token, 403 with the wrong one. */
export class MetricsAccessRefused extends Error {
  constructor(
    readonly status: HttpStatus.UNAUTHORIZED | HttpStatus.FORBIDDEN,
    readonly reason: Message,
  ) {
    super(reason.key);
    this.name = 'MetricsAccessRefused';
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <METRICS_TOKEN>`, compared in constant time over digests (so
 * the length does not leak either). No session or staff account is involved.
 */
@Injectable()
export class MetricsTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.METRICS_TOKEN) throw new Error('GET /metrics is wired without METRICS_TOKEN');
    this.expected = digest(config.METRICS_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new MetricsAccessRefused(HttpStatus.UNAUTHORIZED, msg('api.metrics.tokenMissing'));
    }
    if (!timingSafeEqual(this.expected, digest(match[1]!))) {
      throw new MetricsAccessRefused(HttpStatus.FORBIDDEN, msg('api.metrics.tokenInvalid'));
    }
    return true;
  }
}
