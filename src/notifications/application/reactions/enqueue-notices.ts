import { Inject, Injectable } from '@nestjs/common';
import type { TransactionalReaction } from '../../../shared/application/domain-events.js';
import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import { Translator, type Words } from '../../../shared/i18n/translator.js';
import type { MailStyle } from '../../domain/mails/letter.js';
import type { SlaNotice } from '../../domain/mails/staff-mails.js';
import type { ComposedMail } from '../../domain/outbox-message.js';
import { NOTIFICATION_OUTBOX, type NotificationOutbox } from '../ports/notification-outbox.js';
import { STAFF_CONTACTS, type StaffContact, type StaffContacts } from '../ports/staff-contacts.js';
import { MAIL_STYLE } from '../settings.js';
import { requestLink, staffWords } from './mail-words.js';

/** Writes the mails an event causes, once each: the dedupe key is the kind, the request and the moment. */
export async function enqueueNotices(
  outbox: NotificationOutbox,
  event: DomainEvent,
  mails: readonly ComposedMail[],
): Promise<void> {
  for (const mail of mails) {
    await outbox.enqueue({
      ...mail,
      requestId: event.requestId,
      dedupeKey: `${mail.kind}:${event.requestId ?? '-'}:${event.occurredAt.toISOString()}`,
    });
  }
}

/** One notice to staff, before it is written for each of its recipients. */
export interface StaffNotice {
  /** The request it is about; left out: it is about none (or several). */
  requestId?: string | null;
  /** The notice's own dedupe key; each recipient's copy adds `:<their staff id>`. */
  dedupeKey: string;
  /** The mail to one recipient, in their words. */
  compose(recipient: StaffContact, words: Words): ComposedMail;
}

/**
 * A reaction that tells staff: it chooses the recipients and the notice, and `notify`
 * writes one mail per recipient, in the recipient's language (the deployment's default
 * to one who chose none), deduplicated per recipient.
 */
@Injectable()
export abstract class StaffNoticeReaction<
  E extends DomainEvent = DomainEvent,
> implements TransactionalReaction<E> {
  constructor(
    @Inject(NOTIFICATION_OUTBOX) private readonly outbox: NotificationOutbox,
    @Inject(STAFF_CONTACTS) protected readonly staff: StaffContacts,
    @Inject(MAIL_STYLE) protected readonly style: MailStyle,
    private readonly translator: Translator,
  ) {}

  abstract react(event: E): Promise<void>;

  protected async notify(recipients: readonly StaffContact[], notice: StaffNotice): Promise<void> {
    for (const recipient of recipients) {
      await this.outbox.enqueue({
        ...notice.compose(recipient, staffWords(this.translator, recipient, this.style)),
        ...(notice.requestId === undefined ? {} : { requestId: notice.requestId }),
        dedupeKey: `${notice.dedupeKey}:${recipient.id}`,
      });
    }
  }

  /**
   * A deadline notice about the event's request, once per deadline: the dedupe key is the
   * kind, the request and the due time (a rescheduled deadline is told again).
   */
  protected slaNotice(
    kind: string,
    mail: (to: string, notice: SlaNotice, words: Words, zone: string) => ComposedMail,
    event: DomainEvent,
    details: Omit<SlaNotice, 'url'>,
  ): StaffNotice {
    const url = requestLink(this.style, event.requestId);
    return {
      requestId: event.requestId,
      dedupeKey: `${kind}:${event.requestId}:${details.dueAt.toISOString()}`,
      compose: (recipient, words) =>
        mail(recipient.email, { ...details, url }, words, this.style.zone),
    };
  }
}
