import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { RequestChanges } from '../../request-changes.js';
import { ReturnForReviewCommand } from './return-for-review.command.js';

@CommandHandler(ReturnForReviewCommand)
export class ReturnForReviewHandler implements ICommandHandler<ReturnForReviewCommand> {
  constructor(private readonly changes: RequestChanges) {}

  execute(command: ReturnForReviewCommand): Promise<void> {
    return this.changes.apply(
      command,
      { actor: command.reviewer, ip: command.ip },
      (request, now) => request.returnForReview(command.reviewer, command.note, now),
    );
  }
}
