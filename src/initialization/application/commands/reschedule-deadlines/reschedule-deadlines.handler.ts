import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { systemActor } from '../../../../shared/domain/actor.js';
import type { InitializationRequest } from '../../../domain/initialization-request.js';
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
    const from = command.clockStartedFrom;
    const running = await this.eachMoved(
      await this.requests.clockRunningSince(from),
      async (request, now) =>
        request.reschedule(
          await this.deadlines.deadlineFor(request.toProps().sla.clockStartedAt),
          now,
        ),
    );
    // Requests waiting for the applicant: their clock is stopped, but the reply
    // deadline counts business days too.
    const waiting = await this.eachMoved(
      await this.requests.awaitingReplyUntilAfter(from),
      async (request, now) => {
        const requestedAt = request.toProps().informationRequest?.requestedAt;
        return requestedAt
          ? request.rescheduleReply(await this.deadlines.applicantReplyDeadline(requestedAt), now)
          : false;
      },
    );
    return { rescheduled: running + waiting };
  }

  /** Applies `move` to each request in a transaction of its own; counts those it moved. */
  private async eachMoved(
    requestIds: string[],
    move: (request: InitializationRequest, now: Date) => Promise<boolean>,
  ): Promise<number> {
    let moved = 0;
    for (const requestId of requestIds) {
      const changed = await this.changes.apply(
        { requestId },
        { actor: systemActor('calendar'), ip: null },
        move,
      );
      if (changed) moved += 1;
    }
    return moved;
  }
}
