import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import { msg } from '../../../shared/i18n/message.js';
import {
  clientIpOf,
  Roles,
  staffActorOf,
} from '../../../shared/interface/http/access.decorators.js';
import { UuidParam } from '../../../shared/interface/http/uuid-param.pipe.js';
import { flash } from '../../../shared/interface/web/session.js';
import { AddNoteCommand } from '../../application/commands/add-note/add-note.command.js';
import { RequestNotFoundError } from '../../domain/initialization-request.errors.js';
import { parseNoteForm } from './request-note-form.js';

/**
 * Internal notes of the request workspace: reviewers and senior reviewers write them
 * (auditors read them in the workspace, and are refused here with a 403 in words). A
 * refused note comes back to the workspace with the reason and what was typed.
 */
@Controller('requests/:id/notes')
@Roles('REVIEWER', 'SENIOR_REVIEWER')
export class RequestNotesController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  async add(
    @Param('id', new UuidParam((id) => new RequestNotFoundError(id))) id: string,
    @Body() body: unknown,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { text } = parseNoteForm(body);
    await this.commands.execute(new AddNoteCommand(id, staffActorOf(req), text, clientIpOf(req)));
    flash(req, 'success', msg('workspace.notes.added'));
    res.redirect(303, `/requests/${id}#notes`);
  }
}
