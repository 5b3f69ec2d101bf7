import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalEffects } from '../../approval-effects.js';
import { RequestChanges } from '../../request-changes.js';
import { ApproveRequestCommand } from './approve-request.command.js';

@CommandHandler(ApproveRequestCommand)
export class ApproveRequestHandler implements ICommandHandler<ApproveRequestCommand> {
  constructor(
    private readonly changes: RequestChanges,
    private readonly effects: ApprovalEffects,
  ) {}

  execute(command: ApproveRequestCommand): Promise<'APPROVED' | 'AWAITING_SECOND_APPROVAL'> {
    const context = { actor: command.reviewer, ip: command.ip };
    return this.changes.apply(
      command,
      context,
      async (request, now) =>
        request.approve(command.reviewer, await this.effects.registryView(request), now),
      async (request, outcome, now) => {
        if (outcome === 'APPROVED') await this.effects.applyFinalApproval(request, context, now);
      },
    );
  }
}
