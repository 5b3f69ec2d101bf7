import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import type { ExportQueue } from '../../application/ports/export-queue.js';
import {
  EXPORT_ATTEMPTS,
  EXPORT_JOB,
  EXPORTS_QUEUE,
  type ExportJobData,
} from './export-queue.constants.js';

/**
 * Exports as bull jobs whose id is the export's id: queuing an export twice
 * while its job exists is a no-op; a finished job of a still-pending export
 * (lost or stalled worker) is replaced.
 */
const ENQUEUE_TIMEOUT_MS = 5000;

@Injectable()
export class BullExportQueue implements ExportQueue {
  constructor(@InjectQueue(EXPORTS_QUEUE) private readonly queue: Queue<ExportJobData>) {}

  /** Gives up after a few seconds when Redis does not answer (the sweep queues it later). */
  async enqueue(exportId: string): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error('Redis did not answer; the export waits for the sweep')),
        ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([this.add(exportId), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  private async add(exportId: string): Promise<void> {
    const existing = await this.queue.getJob(exportId);
    if (existing && ((await existing.isFailed()) || (await existing.isCompleted()))) {
      await existing.remove();
    }
    await this.queue.add(
      EXPORT_JOB,
      { exportId },
      {
        jobId: exportId,
        attempts: EXPORT_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: 1000,
      },
    );
  }
}
