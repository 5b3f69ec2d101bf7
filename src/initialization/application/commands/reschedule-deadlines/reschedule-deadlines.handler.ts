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
import { deadlineMoves } from './deadline-moves.js';
import {
  RescheduleDeadlinesCommand,
  type RescheduledDeadlines,
} from './reschedule-deadlines.command.js';

@CommandHandler(RescheduleDeadlinesCommand)
export class RescheduleDeadlinesHandler implements ICommandHandler<RescheduleDeadlinesCommand> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(DEADLINE_POLICY) private readonly deadlines: DeadlinePolicy,
    private readonly changes: RequestChanges,
  ) {}

  async execute(command: RescheduleDeadlinesCommand): Promise<RescheduledDeadlines> {
    const policy = command.policy ?? this.deadlines;
    const { running, waiting } = await deadlineMoves.candidates(
      this.requests,
      command.clockStartedFrom,
    );
    const deadlines = await this.eachMoved(running, (request, now) =>
      deadlineMoves.deadline(request, policy, now),
    );
    const replyDeadlines = await this.eachMoved(waiting, (request, now) =>
      deadlineMoves.replyDeadline(request, policy, now),
    );
    return { rescheduled: deadlines + replyDeadlines, deadlines, replyDeadlines };
  }

  /**
   * Applies `move` to each request in a transaction of its own (or in the caller's
   * unit of work, which each joins); counts those it moved.
   */
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
