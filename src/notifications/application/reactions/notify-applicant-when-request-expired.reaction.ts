import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { expiryMail } from '../../domain/mails/applicant-mails.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { enqueueNotices } from './enqueue-notices.js';
import { expiryDetails } from './event-details.js';
import { applicantWords } from './mail-words.js';

/** The applicant learns the request closed unanswered and may submit a new one. */
@Injectable()
@ReactsTo('request.expired')
export class NotifyApplicantWhenRequestExpired implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    private readonly translator: Translator,
  ) {}

  async react(event: DomainEvent): Promise<void> {
    await enqueueNotices(this.outbox, event, [
      expiryMail(expiryDetails.parse(event.details), applicantWords(this.translator)),
    ]);
  }
}
