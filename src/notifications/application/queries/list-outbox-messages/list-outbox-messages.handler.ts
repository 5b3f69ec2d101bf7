import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { MAIL_TRANSPORT, type MailTransport } from '../../ports/mail-transport.js';
import {
  OUTBOX_REPOSITORY,
  type OutboxCursor,
  type OutboxRepository,
} from '../../ports/outbox.repository.js';
import { outboxMessageView } from '../outbox-message-view.js';
import { ListOutboxMessagesQuery, type OutboxPage } from './list-outbox-messages.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@QueryHandler(ListOutboxMessagesQuery)
export class ListOutboxMessagesHandler implements IQueryHandler<ListOutboxMessagesQuery> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  async execute(query: ListOutboxMessagesQuery): Promise<OutboxPage> {
    // One more than a page tells whether an older page exists.
    const rows = await this.outbox.page(
      parseCursor(query.before),
      query.pageSize + 1,
      query.status,
    );
    const messages = rows.slice(0, query.pageSize);
    const last = messages.at(-1);
    return {
      transport: this.transport.description,
      messages: messages.map(outboxMessageView),
      olderCursor: rows.length > query.pageSize && last ? formatCursor(last) : null,
    };
  }
}

export function formatCursor(cursor: OutboxCursor): string {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

/** A cursor from a URL; anything malformed means the first page. */
export function parseCursor(value: string | null): OutboxCursor | null {
  const [at, id, ...rest] = (value ?? '').split('_');
  const createdAt = new Date(at ?? '');
  if (rest.length > 0 || !id || !UUID.test(id) || Number.isNaN(createdAt.getTime())) return null;
  return { createdAt, id };
}
