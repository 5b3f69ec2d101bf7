import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Req,
  Res,
  UploadedFiles,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { msg } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ClientIp, Public } from '../../../shared/interface/http/access.decorators.js';
import { UuidParam } from '../../../shared/interface/http/uuid-param.pipe.js';
import { ResubmitDocumentsCommand } from '../../application/commands/resubmit-documents/resubmit-documents.command.js';
import { SubmitRequestCommand } from '../../application/commands/submit-request/submit-request.command.js';
import { WithdrawRequestCommand } from '../../application/commands/withdraw-request/withdraw-request.command.js';
import {
  GetRequestStatusQuery,
  type RequestStatusView,
} from '../../application/queries/get-request-status/get-request-status.query.js';
import type { RequestSummary } from '../../application/queries/request-summary.js';
import { ResubmissionMismatchError } from '../../domain/initialization-request.errors.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { IntakeTokenGuard } from './intake-token.guard.js';
import {
  parseIntakeSubmission,
  parseResubmission,
  resubmissionMismatchProblem,
  resubmissionTerms,
  type ReceivedFiles,
} from './intake-submission.parser.js';
import { RequestSizeGuard } from './request-size.guard.js';

/** The request's id in the path: an id that is not a UUID names no request, as an unknown one (404 `request.not-found`). */
const REQUEST_ID = new UuidParam(
  (id) => new NotFoundException(msg('api.error.request.not-found', { id })),
);

/**
 * The intake API for the public filing system: bearer token per client,
 * problem+json errors with a stable `code` (in English, or in Chinese for
 * `Accept-Language: zh-CN`). Controllers only parse and dispatch.
 */
@Controller('api/v1/initialization-requests')
@Public()
@UseGuards(IntakeTokenGuard)
export class IntakeApiController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @UseGuards(RequestSizeGuard)
  @UseInterceptors(DocumentUploadInterceptor)
  async submit(
    @Req() request: Request,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() files: ReceivedFiles | undefined,
    @ClientIp() ip: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<RequestSummary> {
    const { application, documents } = await parseIntakeSubmission(body, files, this.clock.now(), {
      maxRequestBytes: this.config.MAX_REQUEST_BYTES,
      maxAgeDays: this.config.INTAKE_MAX_AGE_DAYS,
    });
    const result = await this.commands.execute(
      new SubmitRequestCommand(request.intakeClient!, application, documents, ip),
    );
    response.status(result.replay ? 200 : 201);
    if (!result.replay) response.location(`/api/v1/initialization-requests/${result.request.id}`);
    return result.request;
  }

  @Get(':id')
  async status(
    @Req() request: Request,
    @Param('id', REQUEST_ID) id: string,
  ): Promise<RequestStatusView> {
    const view = await this.queries.execute(new GetRequestStatusQuery(request.intakeClient!, id));
    if (!view) throw new NotFoundException(msg('api.error.request.not-found', { id }));
    return view;
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  async withdraw(
    @Req() request: Request,
    @Param('id', REQUEST_ID) id: string,
    @ClientIp() ip: string,
  ): Promise<{ id: string; status: 'WITHDRAWN' }> {
    const { status } = await this.commands.execute(
      new WithdrawRequestCommand(request.intakeClient!, id, ip),
    );
    return { id, status };
  }

  @Post(':id/resubmissions')
  @HttpCode(200)
  @UseGuards(RequestSizeGuard)
  @UseInterceptors(DocumentUploadInterceptor)
  async resubmit(
    @Req() request: Request,
    @Param('id', REQUEST_ID) id: string,
    @Body() body: Record<string, unknown> | undefined,
    @UploadedFiles() files: ReceivedFiles | undefined,
    @ClientIp() ip: string,
  ): Promise<{ id: string; status: string; dueAt: string | null }> {
    const client = request.intakeClient!;
    // What was asked for, so one answer names every document and field too many or missing.
    const current = await this.queries.execute(new GetRequestStatusQuery(client, id));
    if (!current) throw new NotFoundException(msg('api.error.request.not-found', { id }));
    const { documents, values } = await parseResubmission(body, files, resubmissionTerms(current), {
      now: this.clock.now(),
      maxAgeDays: 0,
      maxRequestBytes: this.config.MAX_REQUEST_BYTES,
    });
    try {
      return await this.commands.execute(
        new ResubmitDocumentsCommand(client, id, documents, ip, values),
      );
    } catch (error) {
      // The request changed between the look and the answer: named as the look would have.
      if (error instanceof ResubmissionMismatchError) throw resubmissionMismatchProblem(error);
      throw error;
    }
  }
}
