import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  MailAlreadyResentError,
  OutboxMessageNotFoundError,
} from '../../../domain/outbox-message.errors.js';
import { resend } from '../../../domain/resend.js';
import { DELIVERY_QUEUE, type DeliveryQueue } from '../../ports/delivery-queue.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from '../../ports/outbox.repository.js';
import { ResendMessageCommand } from './resend-message.command.js';

/**
 * One transaction: the new message and the audit event. The unique `resend_of_id`
 * decides between two resends at once (a double click, two admins): the second writes
 * nothing and is refused.
 */
@CommandHandler(ResendMessageCommand)
export class ResendMessageHandler implements ICommandHandler<ResendMessageCommand> {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async execute(command: ResendMessageCommand): Promise<string> {
    return this.unitOfWork.run(async () => {
      const message = await this.outbox.findById(command.messageId);
      if (!message) throw new OutboxMessageNotFoundError(command.messageId);
      const mail = resend(message);
      const id = await this.outbox.insert(this.ids.newId(), mail, this.clock.now());
      if (!id) throw new MailAlreadyResentError();
      this.audit.record({
        actor: command.actor,
        action: 'mail.resent',
        requestId: message.requestId,
        details: {
          messageId: message.id,
          resendId: id,
          kind: message.kind,
          to: message.to,
          subject: message.subject,
        },
        ip: command.ip,
      });
      this.unitOfWork.afterCommit(() => this.queue.nudge([id]));
      return id;
    });
  }
}
