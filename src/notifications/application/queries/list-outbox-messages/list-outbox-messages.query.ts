import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';
import type { OutboxStatus } from '../../../domain/outbox-message.js';
import type { OutboxMessageView } from '../outbox-message-view.js';

export interface OutboxPage {
  /** Where mail goes: the SMTP server, or the demo mailbox. */
  transport: Message;
  messages: OutboxMessageView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  olderCursor: string | null;
}

/**
 * The outbox, newest first, one page after `before` (a cursor from the previous page);
 * only the messages in `status` when it is given.
 */
export class ListOutboxMessagesQuery extends Query<OutboxPage> {
  constructor(
    readonly before: string | null = null,
    readonly pageSize = 50,
    readonly status: OutboxStatus | null = null,
  ) {
    super();
  }
}
