import type { DeliveryProblem, OutboxMessage, OutboxStatus } from '../../domain/outbox-message.js';
import type { OutboxMessageEntity } from './outbox-message.entity.js';

export const OutboxMessageMapper = {
  /** `resentAs`: the message that resends this one, read beside the row. */
  toDomain(row: OutboxMessageEntity, resentAs: string | null = null): OutboxMessage {
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
      lastError: LastErrorColumn.read(row.lastError),
      createdAt: row.createdAt,
      nextAttemptAt: row.nextAttemptAt,
      attemptStartedAt: row.attemptStartedAt,
      sentAt: row.sentAt,
      resendOf: row.resendOfId,
      resentAs,
    };
  },
};

/**
 * `last_error` holds the mail server's answer as it came (a refusal), or one of the
 * desk's own notes as a small JSON object naming the note and its facts
 * (`{"note":"worker-stopped","minutes":10}`), so the admin page can say it in the
 * reader's language. Anything else (rows written before the notes) reads as an answer.
 */
export const LastErrorColumn = {
  write(problem: DeliveryProblem): string {
    switch (problem.kind) {
      case 'refused':
        return problem.answer;
      case 'broke-off':
        return JSON.stringify({ note: problem.kind, detail: problem.detail });
      case 'worker-stopped':
        return JSON.stringify({ note: problem.kind, minutes: problem.minutes });
    }
  },

  read(value: string | null): DeliveryProblem | null {
    if (value === null) return null;
    if (value.startsWith('{"note":')) {
      const note = parseNote(value);
      if (note?.note === 'broke-off' && typeof note.detail === 'string') {
        return { kind: 'broke-off', detail: note.detail };
      }
      if (note?.note === 'worker-stopped' && typeof note.minutes === 'number') {
        return { kind: 'worker-stopped', minutes: note.minutes };
      }
    }
    return { kind: 'refused', answer: value };
  },
};

function parseNote(value: string): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
