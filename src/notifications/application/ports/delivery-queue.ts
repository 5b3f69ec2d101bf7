/**
 * The queue that wakes the workers. It only carries work: the outbox row is
 * the record, so a lost job costs a delay (the relay re-queues), never a mail.
 */
export interface DeliveryQueue {
  /** Whether the queue answers now; when it does not, nothing is tried. */
  readonly reachable: boolean;
  /** Hands these messages to the workers in the background: never waits, never throws. */
  nudge(outboxIds: readonly string[]): void;
  /** Makes sure each message has a live job; returns how many were (re)queued. */
  requeue(outboxIds: readonly string[]): Promise<number>;
}
export const DELIVERY_QUEUE = Symbol('DeliveryQueue');
