import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestChanges } from '../../request-changes.js';
import { RecordDocumentChecksCommand } from './record-document-checks.command.js';

@CommandHandler(RecordDocumentChecksCommand)
export class RecordDocumentChecksHandler implements ICommandHandler<RecordDocumentChecksCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: RecordDocumentChecksCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      (request, now) => request.recordChecks(command.reviewer, command.checks, now),
    );
  }
}
