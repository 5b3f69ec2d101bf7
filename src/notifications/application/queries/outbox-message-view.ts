import { msg, type Message } from '../../../shared/i18n/message.js';
import type { DeliveryProblem, OutboxMessage } from '../../domain/outbox-message.js';

export type BadgeTone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** One outbox message as the admin page shows it, every label decided. */
export interface OutboxMessageView {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  statusLabel: Message;
  statusTone: BadgeTone;
  attempts: number;
  /**
   * What the last attempt came to: the desk's note about it (in the reader's words) and
   * the detail as the mail server or the connection gave it (shown as it is).
   */
  lastError: { note: Message | null; detail: string | null } | null;
  createdAt: Date;
  /** The one time worth showing beside the status: sent at, next attempt at, … */
  milestone: { label: Message; at: Date } | null;
  /** The abandoned message this one resends, if it is a resend. */
  resendOf: string | null;
  /** The message an admin wrote to resend this one, if any. */
  resentAs: string | null;
}

export function outboxMessageView(message: OutboxMessage): OutboxMessageView {
  const retrying = message.status === 'PENDING' && message.attempts > 0;
  return {
    id: message.id,
    kind: message.kind,
    recipient: message.to,
    subject: message.subject,
    statusLabel: retrying
      ? msg('notifications.status.retrying')
      : msg(`notifications.status.${message.status}`),
    statusTone: retrying ? 'warn' : TONES[message.status],
    attempts: message.attempts,
    lastError: message.lastError ? lastError(message.lastError) : null,
    createdAt: message.createdAt,
    milestone: milestone(message),
    resendOf: message.resendOf,
    resentAs: message.resentAs,
  };
}

const TONES = {
  PENDING: 'neutral',
  SENDING: 'info',
  SENT: 'ok',
  FAILED: 'bad',
  ABANDONED: 'bad',
} as const satisfies Record<OutboxMessage['status'], BadgeTone>;

function lastError(problem: DeliveryProblem): NonNullable<OutboxMessageView['lastError']> {
  switch (problem.kind) {
    case 'refused':
      return { note: null, detail: problem.answer };
    case 'broke-off':
      return { note: msg('notifications.problem.attemptBrokeOff'), detail: problem.detail };
    case 'worker-stopped':
      return {
        note: msg('notifications.problem.workerStopped', { minutes: problem.minutes }),
        detail: null,
      };
  }
}

function milestone(message: OutboxMessage): OutboxMessageView['milestone'] {
  switch (message.status) {
    case 'PENDING':
      return { label: msg('notifications.milestone.nextAttempt'), at: message.nextAttemptAt };
    case 'SENT':
      return message.sentAt
        ? { label: msg('notifications.milestone.sent'), at: message.sentAt }
        : null;
    default:
      return message.attemptStartedAt
        ? { label: msg('notifications.milestone.lastAttemptStarted'), at: message.attemptStartedAt }
        : null;
  }
}
