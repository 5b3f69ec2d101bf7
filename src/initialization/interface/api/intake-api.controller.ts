import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
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
import { ApiProblem } from '../../../shared/interface/http/problem-details.js';
import { ResubmitDocumentsCommand } from '../../application/commands/resubmit-documents/resubmit-documents.command.js';
import { SubmitRequestCommand } from '../../application/commands/submit-request/submit-request.command.js';
import { WithdrawRequestCommand } from '../../application/commands/withdraw-request/withdraw-request.command.js';
import {
  GetRequestStatusQuery,
  type RequestStatusView,
} from '../../application/queries/get-request-status/get-request-status.query.js';
import type { RequestSummary } from '../../application/queries/request-summary.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { fieldProblem } from './intake-problem-codes.js';
import { IntakeTokenGuard } from './intake-token.guard.js';
import {
  parseIntakeSubmission,
  parseResubmission,
  type ReceivedFiles,
} from './intake-submission.parser.js';
import { RequestSizeGuard } from './request-size.guard.js';

/** The request's id in the path: a UUID, else a 400 problem naming the `id` field. */
const REQUEST_ID = new ParseUUIDPipe({
  exceptionFactory: () =>
    ApiProblem.invalid([
      fieldProblem('id', 'field.invalid-uuid', msg('api.field.uuid', { field: 'id' })),
    ]),
});

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
    @UploadedFiles() files: ReceivedFiles | undefined,
    @ClientIp() ip: string,
  ): Promise<{ id: string; status: string; dueAt: string | null }> {
    const documents = await parseResubmission(files, {
      maxRequestBytes: this.config.MAX_REQUEST_BYTES,
    });
    return this.commands.execute(
      new ResubmitDocumentsCommand(request.intakeClient!, id, documents, ip),
    );
  }
}
