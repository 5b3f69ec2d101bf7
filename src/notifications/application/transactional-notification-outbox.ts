import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../shared/application/id-generator.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../shared/application/unit-of-work.js';
import { DELIVERY_QUEUE, type DeliveryQueue } from './ports/delivery-queue.js';
import type { NotificationOutbox, OutboxMail } from './ports/notification-outbox.js';
import { OUTBOX_REPOSITORY, type OutboxRepository } from './ports/outbox.repository.js';

/** The outbox other contexts write to: a row in their transaction, a nudge after it commits. */
@Injectable()
export class TransactionalNotificationOutbox implements NotificationOutbox {
  constructor(
    @Inject(OUTBOX_REPOSITORY) private readonly outbox: OutboxRepository,
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  enqueue(mail: OutboxMail): Promise<string | null> {
    // Joins the caller's unit of work; opens one only when called outside any.
    return this.unitOfWork.run(async () => {
      const id = await this.outbox.insert(this.ids.newId(), mail, this.clock.now());
      if (id) this.unitOfWork.afterCommit(() => this.queue.nudge([id]));
      return id;
    });
  }
}
