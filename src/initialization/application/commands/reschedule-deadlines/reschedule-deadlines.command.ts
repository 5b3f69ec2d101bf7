import { Command } from '@nestjs/cqrs';

/**
 * The business calendar changed: undecided requests whose clock started on or
 * after `clockStartedFrom` get their deadline worked out again.
 */
export class RescheduleDeadlinesCommand extends Command<{ rescheduled: number }> {
  constructor(readonly clockStartedFrom: Date) {
    super();
  }
}
