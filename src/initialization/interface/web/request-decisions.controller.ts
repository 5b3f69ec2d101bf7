import { Body, Controller, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request, Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
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
import {
  readChecks,
  readList,
  readText,
  readVersion,
  type DecisionForm,
} from './decision-forms.js';

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
  async claim(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(new ClaimRequestCommand(id, actor, ip, readVersion(form)));
    done(req, res, id, 'You now hold this request.');
  }

  @Post('release')
  async release(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(new ReleaseRequestCommand(id, actor, ip, readVersion(form)));
    flash(req, 'success', 'The request is back in the queue.');
    res.redirect(303, '/queue');
  }

  @Post('reassign')
  @Roles('SENIOR_REVIEWER')
  async reassign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(
      new ReassignRequestCommand(id, actor, readText(form, 'assigneeId'), ip, readVersion(form)),
    );
    done(req, res, id, 'The request was reassigned.');
  }

  @Post('checks')
  async checks(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(
      new RecordDocumentChecksCommand(id, actor, readChecks(form), ip, readVersion(form)),
    );
    done(req, res, id, 'The checks were recorded.');
  }

  @Post('approve')
  async approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const outcome = await this.commands.execute(
      new ApproveRequestCommand(id, actor, ip, readVersion(form)),
    );
    done(
      req,
      res,
      id,
      outcome === 'APPROVED'
        ? 'Approved. The account email was replaced.'
        : 'Approved; it now needs a second approval by another senior reviewer.',
    );
  }

  @Post('second-approval')
  @Roles('SENIOR_REVIEWER')
  async secondApproval(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(new GiveSecondApprovalCommand(id, actor, ip, readVersion(form)));
    done(req, res, id, 'Second approval given. The account email was replaced.');
  }

  @Post('return')
  @Roles('SENIOR_REVIEWER')
  async returnForReview(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(
      new ReturnForReviewCommand(id, actor, readText(form, 'note'), ip, readVersion(form)),
    );
    done(req, res, id, 'Returned to the reviewer with your note.');
  }

  @Post('reject')
  async reject(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    await this.commands.execute(
      new RejectRequestCommand(
        id,
        actor,
        readList(form, 'reasons'),
        readText(form, 'message'),
        ip,
        readVersion(form),
      ),
    );
    done(req, res, id, 'Rejected. The applicant will be told why.');
  }

  @Post('request-info')
  async requestInformation(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() form: DecisionForm,
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const fields = readText(form, 'fields')
      .split(/[,\n]/)
      .map((field) => field.trim())
      .filter(Boolean);
    await this.commands.execute(
      new RequestInformationCommand(
        id,
        actor,
        readList(form, 'documents'),
        fields,
        readText(form, 'message'),
        ip,
        readVersion(form),
      ),
    );
    done(req, res, id, 'The applicant was asked for more information; the request waits for them.');
  }
}

function done(req: Request, res: Response, id: string, message: string): void {
  flash(req, 'success', message);
  res.redirect(303, `/requests/${id}`);
}
