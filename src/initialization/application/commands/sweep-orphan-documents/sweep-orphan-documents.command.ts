import { Command } from '@nestjs/cqrs';

/** Removes stored uploads no request names, staged more than `graceHours` ago (scheduled). */
export class SweepOrphanDocumentsCommand extends Command<{ removed: number }> {
  constructor(readonly graceHours: number) {
    super();
  }
}
