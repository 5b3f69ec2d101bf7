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
  /**
   * Hands the mail over and then calls `recordSent` (which marks the message SENT); throws
   * MailNotSentError when the mail surely did not go out. SMTP calls `recordSent` once the
   * server accepted the mail: two steps, and a crash between them leaves the message
   * SENDING until the sweep abandons it (delivery unknown, which is the truth). The demo
   * mailbox writes into the desk's own database, so it runs its write and `recordSent` in
   * one transaction: the mail is in the mailbox exactly when the message is SENT.
   */
  send(mail: OutgoingMail, recordSent: () => Promise<void>): Promise<void>;
}
export const MAIL_TRANSPORT = Symbol('MailTransport');
