import type { OutboxMessage, OutboxStatus } from '../../domain/outbox-message.js';
import type { OutboxMessageEntity } from './outbox-message.entity.js';

export const OutboxMessageMapper = {
  toDomain(row: OutboxMessageEntity): OutboxMessage {
    return {
      id: row.id,
      kind: row.kind,
      to: row.recipient,
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml,
      requestId: row.requestId,
      dedupeKey: row.dedupeKey,
      status: row.status as OutboxStatus,
      attempts: row.attempts,
      lastError: row.lastError,
      createdAt: row.createdAt,
      nextAttemptAt: row.nextAttemptAt,
      attemptStartedAt: row.attemptStartedAt,
      sentAt: row.sentAt,
    };
  },
};
