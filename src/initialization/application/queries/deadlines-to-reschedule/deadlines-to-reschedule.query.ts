import { Query } from '@nestjs/cqrs';
import type { DeadlinePolicy } from '../../ports/deadline-policy.js';

export interface DeadlinesToReschedule {
  /** Open requests whose deadline (due, or at risk) would move. */
  deadlines: number;
  /** Requests waiting for the applicant whose reply deadline would move. */
  replyDeadlines: number;
}

/**
 * How many deadlines `RescheduleDeadlinesCommand` with the same arguments would move
 * now, moving none: the preview of a calendar edit.
 */
export class DeadlinesToRescheduleQuery extends Query<DeadlinesToReschedule> {
  constructor(
    readonly clockStartedFrom: Date,
    readonly policy: DeadlinePolicy,
  ) {
    super();
  }
}
