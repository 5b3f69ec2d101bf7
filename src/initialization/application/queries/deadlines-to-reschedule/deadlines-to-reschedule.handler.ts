import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import type { InitializationRequest } from '../../../domain/initialization-request.js';
import { deadlineMoves } from '../../commands/reschedule-deadlines/deadline-moves.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import {
  DeadlinesToRescheduleQuery,
  type DeadlinesToReschedule,
} from './deadlines-to-reschedule.query.js';

/** The reschedule's own rule, applied to requests loaded and left unsaved. */
@QueryHandler(DeadlinesToRescheduleQuery)
export class DeadlinesToRescheduleHandler implements IQueryHandler<DeadlinesToRescheduleQuery> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: DeadlinesToRescheduleQuery): Promise<DeadlinesToReschedule> {
    const { policy } = query;
    const now = this.clock.now();
    const { running, waiting } = await deadlineMoves.candidates(
      this.requests,
      query.clockStartedFrom,
    );
    return {
      deadlines: await this.count(running, (request) =>
        deadlineMoves.deadline(request, policy, now),
      ),
      replyDeadlines: await this.count(waiting, (request) =>
        deadlineMoves.replyDeadline(request, policy, now),
      ),
    };
  }

  private async count(
    requestIds: string[],
    moves: (request: InitializationRequest) => Promise<boolean>,
  ): Promise<number> {
    let moved = 0;
    for (const requestId of requestIds) {
      const request = await this.requests.findById(requestId);
      if (request && (await moves(request))) moved += 1;
    }
    return moved;
  }
}
