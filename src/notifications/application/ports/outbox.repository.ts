import type { DeliveryProblem, OutboxMessage, OutboxStatus } from '../../domain/outbox-message.js';
import type { OutboxMail } from './notification-outbox.js';

/** A message to write: a mail from any context, or an admin's resend of an abandoned one. */
export interface NewOutboxMessage extends OutboxMail {
  /** The abandoned message this one resends (each is resent at most once). */
  resendOf?: string | null;
}

/** Where a page of the outbox starts: after this message, in newest-first order. */
export interface OutboxCursor {
  createdAt: Date;
  id: string;
}

/** A copy the demo mailbox received. */
export interface SinkDelivery {
  id: string;
  outboxId: string;
  recipient: string;
  subject: string;
  text: string;
  deliveredAt: Date;
}

/**
 * The outbox table. Every state change is one conditional statement, so two
 * workers (or a worker and the sweep) can never both win the same message.
 */
export interface OutboxRepository {
  /**
   * Inserts a PENDING message due now; null when the dedupe key is taken, or when the
   * message it resends was already resent (also by a concurrent transaction).
   */
  insert(id: string, mail: NewOutboxMessage, now: Date): Promise<string | null>;
  /** PENDING → SENDING with one more attempt; null when it is not PENDING (taken, sent, …). */
  claim(id: string, now: Date): Promise<OutboxMessage | null>;
  markSent(id: string, now: Date): Promise<void>;
  /** SENDING → PENDING, due at `nextAttemptAt`. */
  scheduleRetry(id: string, problem: DeliveryProblem, nextAttemptAt: Date): Promise<void>;
  /** SENDING → FAILED: certainly not delivered, not tried again. */
  markFailed(id: string, problem: DeliveryProblem): Promise<void>;
  /** SENDING → ABANDONED: may have been delivered, never re-sent automatically. */
  markAbandoned(id: string, problem: DeliveryProblem): Promise<void>;
  /** Every message SENDING since before `startedBefore` becomes ABANDONED; returns their ids. */
  abandonStuck(startedBefore: Date, problem: DeliveryProblem): Promise<string[]>;
  /** Ids of PENDING messages due at `now`, the longest-waiting first. */
  due(now: Date, limit: number): Promise<string[]>;
  /** Newest first, after the cursor; only messages in `status` when it is given. */
  page(
    after: OutboxCursor | null,
    limit: number,
    status?: OutboxStatus | null,
  ): Promise<OutboxMessage[]>;
  findById(id: string): Promise<OutboxMessage | null>;
  sinkDeliveries(outboxId: string): Promise<SinkDelivery[]>;
}
export const OUTBOX_REPOSITORY = Symbol('OutboxRepository');
