import {
  ForbiddenException,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { msg } from '../../i18n/message.js';
import { csrf } from './csrf.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every state-changing request of the staff portal must carry the session's
 * synchroniser token in its hidden `_csrf` field. The intake API is exempt: it
 * authenticates with a bearer token and never reads cookies.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request>();
    if (SAFE_METHODS.has(request.method) || request.path.startsWith('/api/')) return true;
    if (!csrf.isRequestValid(request)) {
      throw new ForbiddenException(msg('common.error.csrf'));
    }
    return true;
  }
}
