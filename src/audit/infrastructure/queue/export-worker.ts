import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Job, Queue } from 'bull';
import {
  RunExportCommand,
  type RunExportOutcome,
} from '../../application/commands/run-export/run-export.command.js';
import {
  EXPORT_ATTEMPTS,
  EXPORT_JOB,
  EXPORTS_QUEUE,
  type ExportJobData,
} from './export-queue.constants.js';

/**
 * The worker: one export at a time per server instance; bull retries a
 * failed attempt. Registered by hand rather than with `@Processor`, so that a
 * Redis outage at start-up is logged instead of becoming an unhandled rejection.
 */
@Injectable()
export class ExportWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger(ExportWorker.name);

  constructor(
    @InjectQueue(EXPORTS_QUEUE) private readonly queue: Queue<ExportJobData>,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    this.queue
      .process(EXPORT_JOB, 1, (job) => this.run(job))
      .catch((error: unknown) => {
        this.logger.error(
          { err: error },
          'the export worker could not start; exports wait in the database',
        );
      });
  }

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
