import { Inject, Injectable } from '@nestjs/common';
import { ReactsTo, type TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { breachMail } from '../../domain/mails/staff-mails.js';
import { MAIL_STYLE } from '../settings.js';
import type { MailStyle } from '../../domain/mails/letter.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { STAFF_CONTACTS, type StaffContacts } from '../ports/staff-contacts.js';
import { slaDetails } from './event-details.js';
import { requestLink, staffWords } from './mail-words.js';

/**
 * A breach goes to every active senior reviewer, and to the reviewer holding the request:
 * one mail each, in each one's language.
 */
@Injectable()
@ReactsTo('request.sla_breached')
export class EscalateToSeniorsWhenRequestBreached implements TransactionalReaction {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(STAFF_CONTACTS) private readonly staff: StaffContacts,
    @Inject(MAIL_STYLE) private readonly style: MailStyle,
    private readonly translator: Translator,
  ) {}

  async react(event: DomainEvent): Promise<void> {
    const details = slaDetails.parse(event.details);
    const seniors = await this.staff.activeSeniorReviewers();
    const assignee = details.assigneeId ? await this.staff.active(details.assigneeId) : null;
    const recipients = [
      ...seniors,
      ...(assignee && !seniors.some((senior) => senior.id === assignee.id) ? [assignee] : []),
    ];
    for (const recipient of recipients) {
      await this.outbox.enqueue({
        ...breachMail(
          recipient.email,
          { ...details, url: requestLink(this.style, event.requestId) },
          staffWords(this.translator, recipient, this.style),
          this.style.zone,
        ),
        requestId: event.requestId,
        dedupeKey: `sla.breached:${event.requestId}:${details.dueAt.toISOString()}:${recipient.id}`,
      });
    }
  }
}
