/**
 * A message's life in the outbox. PENDING waits for a worker; SENDING means a
 * worker claimed it and may be talking to the mail server; SENT is done.
 * FAILED: certainly not delivered and not tried again. ABANDONED: the attempt
 * ended without knowing whether the mail went out, so it is never re-sent
 * automatically (at most once) and somebody should look.
 */
export const OUTBOX_STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'ABANDONED'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * Why the last attempt did not end in SENT: the mail server refused it (its answer, as
 * it gave it), the attempt broke off mid-conversation (the error, as raised), or the
 * worker stopped while sending (found by the sweep after `minutes`). The desk's own words
 * about it are rendered for whoever reads them.
 */
export type DeliveryProblem =
  | { kind: 'refused'; answer: string }
  | { kind: 'broke-off'; detail: string }
  | { kind: 'worker-stopped'; minutes: number };

/** A mail as composed, ready for the outbox. */
export interface ComposedMail {
  /** What the mail is about, dotted: `request.rejected`, `sla.breached`. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

/** One row of the outbox. */
export interface OutboxMessage extends ComposedMail {
  id: string;
  html: string | null;
  requestId: string | null;
  dedupeKey: string | null;
  status: OutboxStatus;
  /** Attempts started so far (each claim counts one, before anything is sent). */
  attempts: number;
  lastError: DeliveryProblem | null;
  createdAt: Date;
  nextAttemptAt: Date;
  attemptStartedAt: Date | null;
  sentAt: Date | null;
  /** The abandoned message this one was written to resend, if it is a resend. */
  resendOf: string | null;
  /** The message written to resend this one, once an admin resent it (at most one). */
  resentAs: string | null;
}
