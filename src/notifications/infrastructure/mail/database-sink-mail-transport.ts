import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../shared/application/clock.js';
import { ID_GENERATOR, type IdGenerator } from '../../../shared/application/id-generator.js';
import { msg } from '../../../shared/i18n/message.js';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import {
  MailNotSentError,
  type MailTransport,
  type OutgoingMail,
} from '../../application/ports/mail-transport.js';
import { MailSinkEntity } from '../typeorm/mail-sink.entity.js';

/**
 * The demo's mail server when SMTP_URL is unset: "delivering" stores the mail
 * in `mail_sink`, where admins read it at /admin/mail. Nothing leaves the machine.
 *
 * The copy and the SENT mark are one transaction: a crash or a failure between them
 * leaves neither (the mail is surely not delivered, so it is tried again), never a
 * delivered mail the outbox calls abandoned.
 */
@Injectable()
export class DatabaseSinkMailTransport implements MailTransport {
  readonly description = msg('notifications.transport.demoMailbox');

  constructor(
    private readonly unitOfWork: TypeormUnitOfWork,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ID_GENERATOR) private readonly ids: IdGenerator,
  ) {}

  async send(mail: OutgoingMail, recordSent: () => Promise<void>): Promise<void> {
    let written = false;
    try {
      await this.unitOfWork.run(async () => {
        await this.unitOfWork.manager().getRepository(MailSinkEntity).insert({
          id: this.ids.newId(),
          outboxId: mail.outboxId,
          recipient: mail.to,
          subject: mail.subject,
          bodyText: mail.text,
          bodyHtml: mail.html,
          deliveredAt: this.clock.now(),
        });
        await recordSent();
        written = true;
      });
    } catch (error) {
      // The work failed, so the transaction rolled back: nothing was delivered. (A failure
      // of the COMMIT itself leaves it unknown, and is passed on as such.)
      if (!written) {
        throw new MailNotSentError(error instanceof Error ? error.message : String(error), false);
      }
      throw error;
    }
  }
}
