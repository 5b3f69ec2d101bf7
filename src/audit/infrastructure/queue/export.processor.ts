import { Process, Processor } from '@nestjs/bull';
import { Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job } from 'bull';
import { RunExportCommand } from '../../application/commands/run-export/run-export.command.js';
import type { RunExportOutcome } from '../../application/commands/run-export/run-export.command.js';
import {
  EXPORT_ATTEMPTS,
  EXPORT_JOB,
  EXPORTS_QUEUE,
  type ExportJobData,
} from './export-queue.constants.js';

/** The worker: one export at a time per instance; bull retries a failed attempt. */
@Processor(EXPORTS_QUEUE)
export class ExportProcessor {
  private readonly logger = new Logger(ExportProcessor.name);

  constructor(private readonly commands: CommandBus) {}

  @Process(EXPORT_JOB)
  async run(job: Job<ExportJobData>): Promise<RunExportOutcome> {
    const attempt = job.attemptsMade + 1;
    const maxAttempts = job.opts.attempts ?? EXPORT_ATTEMPTS;
    try {
      return await this.commands.execute(
        new RunExportCommand(job.data.exportId, attempt, maxAttempts, (percent) => {
          void job.progress(percent).catch(() => undefined);
        }),
      );
    } catch (error) {
      this.logger.warn(
        { err: error, exportId: job.data.exportId, attempt, maxAttempts },
        'an export attempt failed',
      );
      throw error;
    }
  }
}
