import { Controller, Post, Req, Res } from '@nestjs/common';
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
  parseDecisionForm,
  type DecisionForm,
  type DecisionInput,
  type DecisionName,
} from './decision-forms.js';

/** The request's id in the path: one that is not a UUID is answered as an unknown one (404 in words). */
const REQUEST_ID = new UuidParam((id) => new RequestNotFoundError(id));

/** Who asks for a decision, on which request. */
interface Asker {
  id: string;
  actor: StaffActor;
  ip: string;
}

/** The command of each review decision, from its parsed form (`POST /requests/:id/<decision>`). */
const COMMANDS: {
  [Name in DecisionName]: (asker: Asker, form: DecisionInput<Name>) => Command<unknown>;
} = {
  claim: ({ id, actor, ip }, form) => new ClaimRequestCommand(id, actor, ip, form.version),
  release: ({ id, actor, ip }, form) => new ReleaseRequestCommand(id, actor, ip, form.version),
  reassign: ({ id, actor, ip }, { assigneeId, version }) =>
    new ReassignRequestCommand(id, actor, assigneeId, ip, version),
  checks: ({ id, actor, ip }, { checks, version }) =>
    new RecordDocumentChecksCommand(id, actor, checks, ip, version),
  approve: ({ id, actor, ip }, form) => new ApproveRequestCommand(id, actor, ip, form.version),
  'second-approval': ({ id, actor, ip }, form) =>
    new GiveSecondApprovalCommand(id, actor, ip, form.version),
  return: ({ id, actor, ip }, { note, version }) =>
    new ReturnForReviewCommand(id, actor, note, ip, version),
  reject: ({ id, actor, ip }, { reasons, message, version }) =>
    new RejectRequestCommand(id, actor, reasons, message, ip, version),
  'request-info': ({ id, actor, ip }, { documents, fields, message, version }) =>
    new RequestInformationCommand(id, actor, documents, fields, message, ip, version),
};

/** What each decision says once done: its words, or the words for what its command answered. */
const DONE: Record<DecisionName, Message | ((result: unknown) => Message)> = {
  claim: msg('request.done.claimed'),
  release: msg('request.done.released'),
  reassign: msg('request.done.reassigned'),
  checks: msg('request.done.checksRecorded'),
  approve: (outcome) =>
    outcome === 'APPROVED'
      ? msg('request.done.approved')
      : msg('request.done.approvedAwaitingSecondApproval'),
  'second-approval': msg('request.done.secondApprovalGiven'),
  return: msg('request.done.returned'),
  reject: msg('request.done.rejected'),
  'request-info': msg('request.done.informationRequested'),
};

/** Where the reviewer goes after a decision: back to the request, but for a release. */
const nextPage = (name: DecisionName, id: string): string =>
  name === 'release' ? '/queue' : `/requests/${id}`;

/** The decision's form parsed by its schema (refused in words), as its command. */
function commandOf<Name extends DecisionName>(
  name: Name,
  form: DecisionForm,
  asker: Asker,
): Command<unknown> {
  return COMMANDS[name](asker, parseDecisionForm(name, form));
}

/** The decisions any reviewer may take, and those only a senior may. */
const REVIEWER_DECISIONS: DecisionName[] = [
  'claim',
  'release',
  'checks',
  'approve',
  'reject',
  'request-info',
];
const SENIOR_DECISIONS: DecisionName[] = ['reassign', 'second-approval', 'return'];

/** The decision a route stands for: the last segment of its path (`/requests/:id/request-info`). */
function decisionOf(req: Request): DecisionName {
  const route = req.route as { path?: unknown } | undefined;
  const path = typeof route?.path === 'string' ? route.path : '';
  const name = path.split('/').pop() ?? '';
  if (!Object.hasOwn(COMMANDS, name)) throw new Error(`No decision is routed at ${path}`);
  return name as DecisionName;
}

/**
 * The review forms of the request workspace. Each POST parses its form, dispatches one
 * command and comes back with a message; a form the page would never send, or a refusal,
 * comes back with the reason in words (see ErrorResponseFilter).
 */
@Controller('requests/:id')
@Roles('REVIEWER', 'SENIOR_REVIEWER')
export class RequestDecisionsController {
  constructor(private readonly commands: CommandBus) {}

  @Post(REVIEWER_DECISIONS)
  decide(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.dispatch(req, res);
  }

  @Post(SENIOR_DECISIONS)
  @Roles('SENIOR_REVIEWER')
  decideAsSenior(@Req() req: Request, @Res() res: Response): Promise<void> {
    return this.dispatch(req, res);
  }

  /**
   * The one path of every decision: the request's id (404 in words when it is no UUID),
   * the form parsed by the decision's schema, its command dispatched as the signed-in
   * staff member, then on to the next page with a message.
   */
  private async dispatch(req: Request, res: Response): Promise<void> {
    const id = REQUEST_ID.transform(req.params.id);
    const name = decisionOf(req);
    const form = FORM_FIELDS.transform(req.body, { type: 'body' });
    const asker = { id, actor: staffActorOf(req), ip: clientIpOf(req) };
    const result = await this.commands.execute(commandOf(name, form, asker));
    const done = DONE[name];
    flash(req, 'success', typeof done === 'function' ? done(result) : done);
    res.redirect(303, nextPage(name, id));
  }
}
