import type { DeliveryQueue } from '../../application/ports/delivery-queue.js';

/**
 * The command line runs no workers and opens no Redis connection: what it
 * enqueues waits in the outbox until a server's relay queues it (within seconds).
 */
export class RelayOnlyDeliveryQueue implements DeliveryQueue {
  readonly reachable = false;
  nudge(): void {}
  async requeue(): Promise<number> {
    return 0;
  }
}
