import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import type { DeliveryQueue } from '../../application/ports/delivery-queue.js';
import { DELIVERY_POLICY } from '../../application/settings.js';
import type { DeliveryPolicy } from '../../domain/delivery-policy.js';
import {
  NOTIFICATIONS_QUEUE,
  OUTBOX_BACKOFF,
  type DeliveryJob,
} from './delivery-queue.constants.js';

const REDIS_TIMEOUT_MS = 2_000;
const LIVE_STATES = new Set(['waiting', 'delayed', 'active', 'paused']);

/**
 * The delivery queue on bull. Nothing here waits on an unreachable Redis: a
 * nudge is skipped when the client is not connected (the relay queues the
 * message later), and every call gives up after two seconds.
 */
@Injectable()
export class BullDeliveryQueue implements DeliveryQueue {
  private readonly logger = new Logger(BullDeliveryQueue.name);
  private inOutage = false;

  constructor(
    @InjectQueue(NOTIFICATIONS_QUEUE) private readonly queue: Queue<DeliveryJob>,
    @Inject(DELIVERY_POLICY) private readonly policy: DeliveryPolicy,
  ) {
    // Reported once per outage, not at every reconnection attempt.
    queue.on('error', (error: Error) => {
      if (this.inOutage) return;
      this.inOutage = true;
      this.logger.warn(
        { err: error },
        'the notifications queue lost Redis; mail waits in the outbox until it is back',
      );
    });
    queue.client.on('ready', () => {
      if (!this.inOutage) return;
      this.inOutage = false;
      this.logger.log('the notifications queue reached Redis again');
    });
  }

  get reachable(): boolean {
    return this.queue.client.status === 'ready';
  }

  nudge(outboxIds: readonly string[]): void {
    if (!this.reachable || outboxIds.length === 0) return;
    void withTimeout(Promise.all(outboxIds.map((id) => this.add(id)))).catch((error: unknown) =>
      this.logger.warn({ err: error, outboxIds }, 'could not queue mail; the relay will'),
    );
  }

  async requeue(outboxIds: readonly string[]): Promise<number> {
    let queued = 0;
    for (const id of outboxIds) {
      if (!this.reachable) break;
      try {
        const job = await withTimeout(this.queue.getJob(id));
        const state = job ? await withTimeout(job.getState()) : null;
        // A live job comes round by itself; a finished or orphaned one is replaced.
        if (job && state && LIVE_STATES.has(state)) continue;
        if (job) await withTimeout(job.remove());
        await withTimeout(this.add(id));
        queued += 1;
      } catch (error) {
        this.logger.warn({ err: error, outboxId: id }, 'could not queue mail');
      }
    }
    return queued;
  }

  private add(outboxId: string) {
    return this.queue.add(
      { outboxId },
      {
        jobId: outboxId,
        attempts: this.policy.maxAttempts,
        backoff: { type: OUTBOX_BACKOFF },
      },
    );
  }
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('Redis did not answer in time')), REDIS_TIMEOUT_MS).unref(),
    ),
  ]);
}
