/** The bull queue that carries delivery jobs; a job's id is its outbox message's id. */
export const NOTIFICATIONS_QUEUE = 'notifications';
/** The backoff strategy registered on the queue: DeliveryPolicy.retryDelayMs. */
export const OUTBOX_BACKOFF = 'outbox';

export interface DeliveryJob {
  outboxId: string;
}
