import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { atRiskMail } from '../../domain/mails/staff-mails.js';
import { MAIL_STYLE } from '../settings.js';
import type { MailStyle } from '../../domain/mails/letter.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { STAFF_CONTACTS, type StaffContacts } from '../ports/staff-contacts.js';
import { slaDetails } from './event-details.js';
import { requestLink, staffWords } from './mail-words.js';

/**
 * The reviewer holding an at-risk request is told; when nobody holds it, every senior
 * reviewer is. Each in their own language.
 */
@Injectable()
@ReactsTo('request.sla_at_risk')
export class NotifyStaffWhenRequestAtRisk implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(STAFF_CONTACTS) private readonly staff: StaffContacts,
    @Inject(MAIL_STYLE) private readonly style: MailStyle,
    private readonly translator: Translator,
  ) {}

  async react(event: DomainEvent): Promise<void> {
    const details = slaDetails.parse(event.details);
    const assignee = details.assigneeId ? await this.staff.active(details.assigneeId) : null;
    const recipients = assignee ? [assignee] : await this.staff.activeSeniorReviewers();
    for (const recipient of recipients) {
      await this.outbox.enqueue({
        ...atRiskMail(
          recipient.email,
          { ...details, url: requestLink(this.style, event.requestId) },
          staffWords(this.translator, recipient, this.style),
          this.style.zone,
        ),
        requestId: event.requestId,
        dedupeKey: `sla.at_risk:${event.requestId}:${details.dueAt.toISOString()}:${recipient.id}`,
      });
    }
  }
}
