import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestChanges } from '../../request-changes.js';
import { ReleaseRequestCommand } from './release-request.command.js';

@CommandHandler(ReleaseRequestCommand)
export class ReleaseRequestHandler implements ICommandHandler<ReleaseRequestCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: ReleaseRequestCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      (request, now) => request.release(command.reviewer, now),
    );
  }
}
