import type { Message } from '../../../shared/i18n/message.js';

/** One mail handed to the mail server; `outboxId` doubles as its Message-ID. */
export interface OutgoingMail {
  outboxId: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
}

/**
 * The send was refused before anything was delivered (the server answered
 * with an error, or no connection was made): safe to try again, unless the
 * refusal is permanent. Any other error from `send` means delivery is unknown.
 */
export class MailNotSentError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'MailNotSentError';
  }
}

export interface MailTransport {
  /** Where mail goes, for the admin page: "the SMTP server mail.internal:25". */
  readonly description: Message;
  /** Resolves once the server accepted the mail; throws MailNotSentError when it surely did not. */
  send(mail: OutgoingMail): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol('MailTransport');
