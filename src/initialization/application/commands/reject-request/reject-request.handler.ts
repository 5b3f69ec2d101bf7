import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestChanges } from '../../request-changes.js';
import { RejectRequestCommand } from './reject-request.command.js';

@CommandHandler(RejectRequestCommand)
export class RejectRequestHandler implements ICommandHandler<RejectRequestCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: RejectRequestCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      (request, now) => request.reject(command.reviewer, command.reasons, command.message, now),
    );
  }
}
