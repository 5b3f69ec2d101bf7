import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { RequestRejected } from '../../../initialization/contracts/events.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { rejectionMail } from '../../domain/mails/applicant-mails.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { enqueueNotices } from './enqueue-notices.js';
import { applicantWords } from './mail-words.js';

/** The applicant learns every reason and reads the reviewer's message. */
@Injectable()
@ReactsTo('request.rejected')
export class NotifyApplicantWhenRequestRejected implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    private readonly translator: Translator,
  ) {}

  async react(event: RequestRejected): Promise<void> {
    await enqueueNotices(this.outbox, event, [
      rejectionMail(event.details, applicantWords(this.translator)),
    ]);
  }
}
