import { Body, Controller, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import {
  clientIpOf,
  Roles,
  staffActorOf,
} from '../../../shared/interface/http/access.decorators.js';
import { FORM_FIELDS } from '../../../shared/interface/http/form-fields.pipe.js';
import { UuidParam } from '../../../shared/interface/http/uuid-param.pipe.js';
import { flash } from '../../../shared/interface/web/session.js';
import { ApproveRequestCommand } from '../../application/commands/approve-request/approve-request.command.js';
import { ClaimRequestCommand } from '../../application/commands/claim-request/claim-request.command.js';
import { GiveSecondApprovalCommand } from '../../application/commands/give-second-approval/give-second-approval.command.js';
import { ReassignRequestCommand } from '../../application/commands/reassign-request/reassign-request.command.js';
import { RecordDocumentChecksCommand } from '../../application/commands/record-document-checks/record-document-checks.command.js';
import { RejectRequestCommand } from '../../application/commands/reject-request/reject-request.command.js';
import { ReleaseRequestCommand } from '../../application/commands/release-request/release-request.command.js';
import { RequestInformationCommand } from '../../application/commands/request-information/request-information.command.js';
import { ReturnForReviewCommand } from '../../application/commands/return-for-review/return-for-review.command.js';
import { RequestNotFoundError } from '../../domain/initialization-request.errors.js';
import {
  readChecks,
  readList,
  readText,
  readVersion,
  type DecisionForm,
} from './decision-forms.js';

/** The request's id in the path: one that is not a UUID is answered as an unknown one (404 in words). */
const REQUEST_ID = new UuidParam((id) => new RequestNotFoundError(id));

/**
 * The review forms of the request workspace. Each POST dispatches one command
 * and comes back to the request with a message; a refusal comes back with the
 * reason in words (see ErrorResponseFilter).
 */
@Controller('requests/:id')
@Roles('REVIEWER', 'SENIOR_REVIEWER')
export class RequestDecisionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('claim')
  claim(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) => new ClaimRequestCommand(id, actor, ip, readVersion(form)),
      () => msg('request.done.claimed'),
    );
  }

  @Post('release')
  release(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) => new ReleaseRequestCommand(id, actor, ip, readVersion(form)),
      () => msg('request.done.released'),
      '/queue',
    );
  }

  @Post('reassign')
  @Roles('SENIOR_REVIEWER')
  reassign(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) =>
        new ReassignRequestCommand(id, actor, readText(form, 'assigneeId'), ip, readVersion(form)),
      () => msg('request.done.reassigned'),
    );
  }

  @Post('checks')
  checks(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) =>
        new RecordDocumentChecksCommand(id, actor, readChecks(form), ip, readVersion(form)),
      () => msg('request.done.checksRecorded'),
    );
  }

  @Post('approve')
  approve(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) => new ApproveRequestCommand(id, actor, ip, readVersion(form)),
      (outcome) =>
        outcome === 'APPROVED'
          ? msg('request.done.approved')
          : msg('request.done.approvedAwaitingSecondApproval'),
    );
  }

  @Post('second-approval')
  @Roles('SENIOR_REVIEWER')
  secondApproval(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) => new GiveSecondApprovalCommand(id, actor, ip, readVersion(form)),
      () => msg('request.done.secondApprovalGiven'),
    );
  }

  @Post('return')
  @Roles('SENIOR_REVIEWER')
  returnForReview(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) =>
        new ReturnForReviewCommand(id, actor, readText(form, 'note'), ip, readVersion(form)),
      () => msg('request.done.returned'),
    );
  }

  @Post('reject')
  reject(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.decide(
      req,
      res,
      id,
      (actor, ip) =>
        new RejectRequestCommand(
          id,
          actor,
          readList(form, 'reasons'),
          readText(form, 'message'),
          ip,
          readVersion(form),
        ),
      () => msg('request.done.rejected'),
    );
  }

  @Post('request-info')
  requestInformation(
    @Param('id', REQUEST_ID) id: string,
    @Body(FORM_FIELDS) form: DecisionForm,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // Checkboxes (one value each) or a comma-separated list: `applicant.phone, subjectName`.
    const fields = readList(form, 'fields')
      .flatMap((value) => value.split(/[,\n]/))
      .map((field) => field.trim())
      .filter(Boolean);
    return this.decide(
      req,
      res,
      id,
      (actor, ip) =>
        new RequestInformationCommand(
          id,
          actor,
          readList(form, 'documents'),
          fields,
          readText(form, 'message'),
          ip,
          readVersion(form),
        ),
      () => msg('request.done.informationRequested'),
    );
  }

  /** Dispatches the form's command as the signed-in staff member, then back to the request with a message. */
  private async decide<R>(
    req: Request,
    res: Response,
    id: string,
    command: (actor: StaffActor, ip: string) => Command<R>,
    message: (result: R) => Message,
    then = `/requests/${id}`,
  ): Promise<void> {
    const result = await this.commands.execute(command(staffActorOf(req), clientIpOf(req)));
    flash(req, 'success', message(result));
    res.redirect(303, then);
  }
}
