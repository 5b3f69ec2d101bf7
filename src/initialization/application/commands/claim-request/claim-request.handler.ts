import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestChanges } from '../../request-changes.js';
import { ClaimRequestCommand } from './claim-request.command.js';

@CommandHandler(ClaimRequestCommand)
export class ClaimRequestHandler implements ICommandHandler<ClaimRequestCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: ClaimRequestCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      (request, now) => request.claim(command.reviewer, now),
    );
  }
}
