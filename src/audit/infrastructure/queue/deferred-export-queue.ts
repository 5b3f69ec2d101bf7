import { Injectable } from '@nestjs/common';
import type { ExportQueue } from '../../application/ports/export-queue.js';

/**
 * Where no queue runs (the command line): the export stays queued in the
 * database, and a server's stalled-export sweep hands it to a worker.
 */
@Injectable()
export class DeferredExportQueue implements ExportQueue {
  async enqueue(): Promise<void> {}
}
