import { getQueueToken, getSharedConfigToken } from '@nestjs/bull';
import { Logger, type FactoryProvider } from '@nestjs/common';
import Bull, { type Queue, type QueueOptions } from 'bull';
import { EXPORTS_QUEUE, type ExportJobData } from './export-queue.constants.js';

const QUIET_MS = 60_000;

/**
 * The `exports` queue, built from the root bull configuration (QueueModule)
 * like `BullModule.registerQueue` would, but with an error listener attached
 * the moment it exists: without one, a Redis outage would surface as an
 * uncaught 'error' event and stop the process. Outages are logged once a minute.
 */
export const exportsQueueProvider: FactoryProvider<Queue<ExportJobData>> = {
  provide: getQueueToken(EXPORTS_QUEUE),
  inject: [getSharedConfigToken()],
  useFactory: (shared: QueueOptions & { redis?: unknown }) => {
    const logger = new Logger('ExportsQueue');
    const { redis, ...options } = shared;
    const queue =
      typeof redis === 'string'
        ? new Bull<ExportJobData>(EXPORTS_QUEUE, redis, options)
        : new Bull<ExportJobData>(EXPORTS_QUEUE, shared);
    let lastLogged = 0;
    queue.on('error', (error: Error) => {
      if (Date.now() - lastLogged < QUIET_MS) return;
      lastLogged = Date.now();
      logger.warn(
        { err: error },
        'the export queue cannot use Redis; exports wait in the database',
      );
    });
    return Object.assign(queue, { onApplicationShutdown: () => queue.close() });
  },
};
