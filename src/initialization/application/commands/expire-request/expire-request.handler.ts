import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { systemActor } from '../../../../shared/domain/actor.js';
import { RequestChanges } from '../../request-changes.js';
import { ExpireRequestCommand } from './expire-request.command.js';

@CommandHandler(ExpireRequestCommand)
export class ExpireRequestHandler implements ICommandHandler<ExpireRequestCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: ExpireRequestCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: systemActor('sla-watch'), ip: null },
      (request, now) => request.expire(now),
    );
  }
}
