import { OUTBOX_STATUS_LABELS, type OutboxMessage } from '../../domain/outbox-message.js';

export type BadgeTone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** One outbox message as the admin page shows it, every label decided. */
export interface OutboxMessageView {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  statusLabel: string;
  statusTone: BadgeTone;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  /** The one time worth showing beside the status: sent at, next attempt at, … */
  milestone: { label: string; at: Date } | null;
}

export function outboxMessageView(message: OutboxMessage): OutboxMessageView {
  const retrying = message.status === 'PENDING' && message.attempts > 0;
  return {
    id: message.id,
    kind: message.kind,
    recipient: message.to,
    subject: message.subject,
    statusLabel: retrying ? 'Waiting to retry' : OUTBOX_STATUS_LABELS[message.status],
    statusTone: retrying ? 'warn' : TONES[message.status],
    attempts: message.attempts,
    lastError: message.lastError,
    createdAt: message.createdAt,
    milestone: milestone(message),
  };
}

const TONES = {
  PENDING: 'neutral',
  SENDING: 'info',
  SENT: 'ok',
  FAILED: 'bad',
  ABANDONED: 'bad',
} as const satisfies Record<OutboxMessage['status'], BadgeTone>;

function milestone(message: OutboxMessage): OutboxMessageView['milestone'] {
  switch (message.status) {
    case 'PENDING':
      return { label: 'Next attempt', at: message.nextAttemptAt };
    case 'SENT':
      return message.sentAt ? { label: 'Sent', at: message.sentAt } : null;
    default:
      return message.attemptStartedAt
        ? { label: 'Last attempt started', at: message.attemptStartedAt }
        : null;
  }
}
