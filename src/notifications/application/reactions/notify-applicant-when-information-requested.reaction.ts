import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { RequestInformationRequested } from '../../../initialization/contracts/events.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { informationRequestMail } from '../../domain/mails/applicant-mails.js';
import type { MailStyle } from '../../domain/mails/letter.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { MAIL_STYLE } from '../settings.js';
import { enqueueNotices } from './enqueue-notices.js';
import { applicantWords } from './mail-words.js';

/** The applicant learns what to send again, why, and by when. */
@Injectable()
@ReactsTo('request.information_requested')
export class NotifyApplicantWhenInformationRequested implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(MAIL_STYLE) private readonly style: MailStyle,
    private readonly translator: Translator,
  ) {}

  async react(event: RequestInformationRequested): Promise<void> {
    const details = { ...event.details, expiresAt: new Date(event.details.expiresAt) };
    await enqueueNotices(this.outbox, event, [
      informationRequestMail(details, this.style, applicantWords(this.translator)),
    ]);
  }
}
