/** A mail to send once the current unit of work commits. */
export interface OutboxMail {
  /** What it is about, dotted: `request.rejected`, `sla.breached`. Shown on the admin page. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** The request it is about, if any. */
  requestId?: string | null;
  /**
   * At most one message is ever written per key: enqueueing the same key again
   * does nothing (e.g. `sla.breached:<requestId>:<staffId>`).
   */
  dedupeKey?: string | null;
}

/**
 * The transactional outbox, for every context: `enqueue` writes the message in
 * the current unit of work (or its own, outside one), so it commits or rolls
 * back with the change it announces; after the commit the workers are nudged,
 * without ever waiting on or failing because of Redis.
 */
export interface NotificationOutbox {
  /** The new message's id, or null when its dedupe key was already used. */
  enqueue(mail: OutboxMail): Promise<string | null>;
}
export const NOTIFICATION_OUTBOX = Symbol('NotificationOutbox');
