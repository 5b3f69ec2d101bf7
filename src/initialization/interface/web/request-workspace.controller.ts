import { pipeline } from 'node:stream/promises';
import { Controller, Get, Param, Render, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { UuidParam } from '../../../shared/interface/http/uuid-param.pipe.js';
import { ViewDocumentCommand } from '../../application/commands/view-document/view-document.command.js';
import { RequestWorkspaceQuery } from '../../application/queries/request-workspace/request-workspace.query.js';
import {
  DocumentNotFoundError,
  RequestNotFoundError,
} from '../../domain/initialization-request.errors.js';

/** The request's id in the path: one that is not a UUID is answered as an unknown one (404 in words). */
const REQUEST_ID = new UuidParam((id) => new RequestNotFoundError(id));

/**
 * The request workspace (GET; its forms post to RequestDecisionsController) and
 * the documents, each view audited. Auditors read both; administrators neither.
 */
@Controller('requests/:id')
@Roles('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR')
export class RequestWorkspaceController {
  constructor(
    private readonly queries: QueryBus,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @Render('pages/requests/workspace')
  async workspace(
    @Param('id', REQUEST_ID) id: string,
    @CurrentActor() viewer: StaffActor,
  ): Promise<object> {
    const view = await this.queries.execute(new RequestWorkspaceQuery(id, viewer));
    return { pageTitle: msg('workspace.pageTitle', { reference: view.reference }), ...view };
  }

  @Get('documents/:documentId')
  async document(
    @Param('id', REQUEST_ID) id: string,
    @Param('documentId', new UuidParam(() => new DocumentNotFoundError())) documentId: string,
    @CurrentActor() viewer: StaffActor,
    @ClientIp() ip: string,
    @Res() res: Response,
  ): Promise<void> {
    const document = await this.commands.execute(
      new ViewDocumentCommand(id, documentId, viewer, ip),
    );
    res.status(200);
    res.setHeader('Content-Type', document.mediaType);
    res.setHeader('Content-Length', String(document.sizeBytes));
    res.setHeader('Content-Disposition', `inline; filename="${document.fileName}"`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    await pipeline(document.content, res);
  }
}
