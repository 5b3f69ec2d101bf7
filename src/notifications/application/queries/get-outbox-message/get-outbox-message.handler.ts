import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OutboxMessageNotFoundError } from '../../../domain/outbox-message.errors.js';
import { resendRefusal } from '../../../domain/resend.js';
import { MAIL_TRANSPORT, type MailTransport } from '../../ports/mail-transport.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from '../../ports/outbox.repository.js';
import { outboxMessageView } from '../outbox-message-view.js';
import { GetOutboxMessageQuery, type OutboxMessageDetails } from './get-outbox-message.query.js';

@QueryHandler(GetOutboxMessageQuery)
export class GetOutboxMessageHandler implements IQueryHandler<GetOutboxMessageQuery> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  async execute(query: GetOutboxMessageQuery): Promise<OutboxMessageDetails> {
    const message = await this.outbox.findById(query.id);
    if (!message) throw new OutboxMessageNotFoundError(query.id);
    const deliveries = await this.outbox.sinkDeliveries(message.id);
    return {
      ...outboxMessageView(message),
      requestId: message.requestId,
      text: message.text,
      canResend: resendRefusal(message) === null,
      transport: this.transport.description,
      deliveries: deliveries.map((delivery) => ({
        recipient: delivery.recipient,
        subject: delivery.subject,
        text: delivery.text,
        deliveredAt: delivery.deliveredAt,
      })),
    };
  }
}
