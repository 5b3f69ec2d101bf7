import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { RequestExpired } from '../../../initialization/contracts/events.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { expiryMail } from '../../domain/mails/applicant-mails.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { enqueueNotices } from './enqueue-notices.js';
import { applicantWords } from './mail-words.js';

/** The applicant learns the request closed unanswered and may submit a new one. */
@Injectable()
@ReactsTo('request.expired')
export class NotifyApplicantWhenRequestExpired implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    private readonly translator: Translator,
  ) {}

  async react(event: RequestExpired): Promise<void> {
    await enqueueNotices(this.outbox, event, [
      expiryMail(event.details, applicantWords(this.translator)),
    ]);
  }
}
