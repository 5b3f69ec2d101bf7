import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DEADLINE_POLICY, type DeadlinePolicy } from '../../ports/deadline-policy.js';
import { RequestChanges } from '../../request-changes.js';
import { RequestInformationCommand } from './request-information.command.js';

@CommandHandler(RequestInformationCommand)
export class RequestInformationHandler implements ICommandHandler<RequestInformationCommand> {
  constructor(
    private readonly changes: RequestChanges,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
  ) {}

  execute(command: RequestInformationCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      async (request, now) =>
        request.requestInformation(
          command.reviewer,
          { documents: command.documents, fields: command.fields, message: command.message },
          await this.deadlines.applicantReplyDeadline(now),
          now,
        ),
    );
  }
}
