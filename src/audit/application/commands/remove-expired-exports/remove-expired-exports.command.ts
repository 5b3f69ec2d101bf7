import { Command } from '@nestjs/cqrs';

/** The retention job: files of exports finished more than `retentionDays` ago are removed. */
export class RemoveExpiredExportsCommand extends Command<{ removed: number }> {
  constructor(readonly retentionDays: number) {
    super();
  }
}
