import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { MailTransport, OutgoingMail } from '../../application/ports/mail-transport.js';
import { smtpRefusal } from './smtp-refusal.js';

/** nodemailer over SMTP_URL, from MAIL_FROM; the outbox id becomes the Message-ID. */
@Injectable()
export class SmtpMailTransport implements MailTransport, OnModuleDestroy {
  readonly description: Message;
  private readonly transporter: Transporter;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (!config.SMTP_URL) throw new Error('SmtpMailTransport needs SMTP_URL');
    const url = new URL(config.SMTP_URL);
    this.description = msg('notifications.transport.smtp', { host: url.host });
    this.transporter = nodemailer.createTransport(
      {
        url: config.SMTP_URL,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 60_000,
      },
      { from: config.MAIL_FROM },
    );
  }

  /** `recordSent` runs once the server accepted the mail, outside the refusal handling. */
  async send(mail: OutgoingMail, recordSent: () => Promise<void>): Promise<void> {
    try {
      await this.transporter.sendMail({
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.outboxId}@beian-desk>`,
      });
    } catch (error) {
      throw smtpRefusal(error) ?? error;
    }
    await recordSent();
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
