import { Command } from '@nestjs/cqrs';
import type { DeadlinePolicy } from '../../ports/deadline-policy.js';

/** How many deadlines a reschedule moved: of requests whose clock runs, and reply deadlines. */
export interface RescheduledDeadlines {
  rescheduled: number;
  deadlines: number;
  replyDeadlines: number;
}

/**
 * The business calendar changed: undecided requests whose clock started on or
 * after `clockStartedFrom` get their deadline worked out again, by `policy` (the
 * rules on the calendar as it now is; the current deadline policy when not given).
 * Inside a unit of work, every request's change joins it.
 */
export class RescheduleDeadlinesCommand extends Command<RescheduledDeadlines> {
  constructor(
    readonly clockStartedFrom: Date,
    readonly policy?: DeadlinePolicy,
  ) {
    super();
  }
}
