import { Command } from '@nestjs/cqrs';

/**
 * Queues again the pending exports whose job was lost (Redis restarted, or the
 * export was requested from the command line): untouched for `olderThanMs`.
 */
export class ResumeStalledExportsCommand extends Command<{ resumed: number }> {
  constructor(readonly olderThanMs: number) {
    super();
  }
}
