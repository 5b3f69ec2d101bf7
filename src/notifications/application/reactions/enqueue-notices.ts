import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import type { ComposedMail } from '../../domain/outbox-message.js';
import type { NotificationOutbox } from '../ports/notification-outbox.js';

/** Writes the mails an event causes, once each: the dedupe key is the kind, the request and the moment. */
export async function enqueueNotices(
  outbox: NotificationOutbox,
  event: DomainEvent,
  mails: readonly ComposedMail[],
): Promise<void> {
  for (const mail of mails) {
    await outbox.enqueue({
      ...mail,
      requestId: event.requestId,
      dedupeKey: `${mail.kind}:${event.requestId ?? '-'}:${event.occurredAt.toISOString()}`,
    });
  }
}
