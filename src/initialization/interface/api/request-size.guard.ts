import {
  Inject,
  Injectable,
  PayloadTooLargeException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';

/** Refuses a submission whose declared size is over the per-request limit before reading it. */
@Injectable()
export class RequestSizeGuard implements CanActivate {
  // Room for the JSON field and the multipart boundaries around the files.
  private static readonly ENVELOPE_BYTES = 256 * 1024;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > this.config.MAX_REQUEST_BYTES + RequestSizeGuard.ENVELOPE_BYTES) {
      throw new PayloadTooLargeException(
        `The submission is ${declared} bytes; at most ${this.config.MAX_REQUEST_BYTES} bytes of documents are accepted per request.`,
      );
    }
    return true;
  }
}
