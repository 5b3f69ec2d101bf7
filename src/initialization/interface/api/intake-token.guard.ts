import { createHash, timingSafeEqual } from 'node:crypto';
import {
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { msg } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';

declare module 'express' {
  interface Request {
    /** The intake client whose bearer token authenticated this API call. */
    intakeClient?: string;
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

/**
 * `Authorization: Bearer <token>` against INTAKE_TOKENS, compared in constant
 * time (over digests, so lengths do not leak either). Refusals are 401 problems
 * coded `token.missing` or `token.invalid` (the message key's tail).
 */
@Injectable()
export class IntakeTokenGuard implements CanActivate {
  private readonly clients: { client: string; digest: Buffer }[];

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.clients = config.INTAKE_TOKENS.map(({ client, token }) => ({
      client,
      digest: digest(token),
    }));
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new UnauthorizedException(msg('api.error.token.missing'));
    const presented = digest(match[1]!);
    let client: string | undefined;
    for (const candidate of this.clients) {
      if (timingSafeEqual(candidate.digest, presented)) client = candidate.client;
    }
    if (!client) throw new UnauthorizedException(msg('api.error.token.invalid'));
    request.intakeClient = client;
    return true;
  }
}
