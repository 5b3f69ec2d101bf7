import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ApprovalEffects } from '../../approval-effects.js';
import { RequestChanges } from '../../request-changes.js';
import { GiveSecondApprovalCommand } from './give-second-approval.command.js';

@CommandHandler(GiveSecondApprovalCommand)
export class GiveSecondApprovalHandler implements ICommandHandler<GiveSecondApprovalCommand> {
  constructor(
    private readonly changes: RequestChanges,
    private readonly effects: ApprovalEffects,
  ) {}

  execute(command: GiveSecondApprovalCommand): Promise<void> {
    const context = { actor: command.reviewer, ip: command.ip };
    return this.changes.apply(
      command,
      context,
      async (request, now) =>
        request.giveSecondApproval(command.reviewer, await this.effects.registryView(request), now),
      (request, _result, now) => this.effects.applyFinalApproval(request, context, now),
    );
  }
}
