import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';
import type { OutboxMessageView } from '../outbox-message-view.js';

export interface OutboxMessageDetails extends OutboxMessageView {
  requestId: string | null;
  text: string;
  /** Whether an admin may resend it now (ABANDONED, not resent yet). */
  canResend: boolean;
  transport: Message;
  /** What the demo mailbox received for it (empty with SMTP, or before delivery). */
  deliveries: { recipient: string; subject: string; text: string; deliveredAt: Date }[];
}

/** One outgoing mail with its text, for the admin to read. */
export class GetOutboxMessageQuery extends Query<OutboxMessageDetails> {
  constructor(readonly id: string) {
    super();
  }
}
