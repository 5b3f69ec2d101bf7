import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type {
  RequestApproved,
  RequestSecondApprovalGiven,
} from '../../../initialization/contracts/events.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { approvalMails } from '../../domain/mails/applicant-mails.js';
import type { MailStyle } from '../../domain/mails/letter.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { MAIL_STYLE } from '../settings.js';
import { enqueueNotices } from './enqueue-notices.js';
import { applicantWords } from './mail-words.js';

/**
 * A final approval (the only one, or the second) mails the new account address
 * and, when there was one, the address it replaced. A first approval that
 * still awaits the second mails nobody.
 */
@Injectable()
@ReactsTo('request.approved', 'request.second_approval_given')
export class NotifyAccountEmailsWhenRequestApproved implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(MAIL_STYLE) private readonly style: MailStyle,
    private readonly translator: Translator,
  ) {}

  async react(event: RequestApproved | RequestSecondApprovalGiven): Promise<void> {
    const { details } = event;
    if ('why' in details) return; // a first approval, awaiting the second
    await enqueueNotices(
      this.outbox,
      event,
      approvalMails(details, this.style, applicantWords(this.translator)),
    );
  }
}
