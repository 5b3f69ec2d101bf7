import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import { EXPORT_QUEUE, type ExportQueue } from '../../ports/export-queue.js';
import { ResumeStalledExportsCommand } from './resume-stalled-exports.command.js';

@CommandHandler(ResumeStalledExportsCommand)
export class ResumeStalledExportsHandler implements ICommandHandler<ResumeStalledExportsCommand> {
  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_QUEUE) private readonly queue: ExportQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ResumeStalledExportsCommand): Promise<{ resumed: number }> {
    const before = new Date(this.clock.now().getTime() - command.olderThanMs);
    const stalled = await this.exports.findStalled(before, 50);
    // Queuing is idempotent per export (the job id is the export's id).
    for (const dataExport of stalled) await this.queue.enqueue(dataExport.id);
    return { resumed: stalled.length };
  }
}
