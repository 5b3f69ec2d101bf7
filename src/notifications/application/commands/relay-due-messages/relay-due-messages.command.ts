import { Command } from '@nestjs/cqrs';

export interface RelayResult {
  /** False when the queue did not answer: nothing was tried, the messages wait. */
  reachable: boolean;
  queued: number;
}

/**
 * Queues every PENDING message that is due: the ones whose nudge was lost
 * (Redis was down at commit, or a job vanished). Run every few seconds.
 */
export class RelayDueMessagesCommand extends Command<RelayResult> {
  constructor(readonly batchSize = 200) {
    super();
  }
}
