import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { systemActor } from '../../../../shared/domain/actor.js';
import { DEADLINE_POLICY, type DeadlinePolicy } from '../../ports/deadline-policy.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { RequestChanges } from '../../request-changes.js';
import { RescheduleDeadlinesCommand } from './reschedule-deadlines.command.js';

@CommandHandler(RescheduleDeadlinesCommand)
export class RescheduleDeadlinesHandler implements ICommandHandler<RescheduleDeadlinesCommand> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
    private readonly changes: RequestChanges,
  ) {}

  async execute(command: RescheduleDeadlinesCommand): Promise<{ rescheduled: number }> {
    let rescheduled = 0;
    for (const requestId of await this.requests.clockRunningSince(command.clockStartedFrom)) {
      const changed = await this.changes.apply(
        { requestId },
        { actor: systemActor('calendar'), ip: null },
        async (request, now) =>
          request.reschedule(
            await this.deadlines.deadlineFor(request.toProps().sla.clockStartedAt),
            now,
          ),
      );
      if (changed) rescheduled += 1;
    }
    // Requests waiting for the applicant: their clock is stopped, but the reply
    // deadline counts business days too.
    for (const requestId of await this.requests.awaitingReplyUntilAfter(command.clockStartedFrom)) {
      const changed = await this.changes.apply(
        { requestId },
        { actor: systemActor('calendar'), ip: null },
        async (request, now) => {
          const requestedAt = request.toProps().informationRequest?.requestedAt;
          return requestedAt
            ? request.rescheduleReply(await this.deadlines.applicantReplyDeadline(requestedAt), now)
            : false;
        },
      );
      if (changed) rescheduled += 1;
    }
    return { rescheduled };
  }
}
