import {
  HttpStatus,
  Inject,
  Injectable,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { Request } from 'express';
import { msg } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ApiProblem } from '../../../shared/interface/http/problem-details.js';

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
      throw new ApiProblem(
        HttpStatus.PAYLOAD_TOO_LARGE,
        'too-large',
        'request.too-large',
        msg('api.problem.submissionTooLarge.title'),
        msg('api.problem.submissionTooLarge.detail', {
          declared: String(declared),
          max: String(this.config.MAX_REQUEST_BYTES),
        }),
      );
    }
    return true;
  }
}
