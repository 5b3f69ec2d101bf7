import { MailNotSentError } from '../../application/ports/mail-transport.js';

interface SmtpErrorFields {
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  timeoutType?: unknown;
}

/** Socket errors raised before a connection exists. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
/** nodemailer's codes for failures before any message is transmitted. */
const BEFORE_ANY_MESSAGE = new Set(['EDNS', 'ETLS', 'EAUTH', 'ENOAUTH', 'ECONFIG']);
const SETUP_TIMEOUTS = new Set(['CONNECT_TIMEOUT', 'GREETING_TIMEOUT', 'UPGRADE_TIMEOUT']);

/**
 * Reads a nodemailer error: a MailNotSentError when it proves the server did
 * not take the mail (it answered with a 4xx/5xx reply, or no session was ever
 * set up), null when the mail may have gone through (the connection broke or
 * timed out mid-conversation). A 5xx reply about this message itself (its
 * sender, recipients or content) is permanent; anything else may pass later.
 */
export function smtpRefusal(error: unknown): MailNotSentError | null {
  if (!(error instanceof Error)) return null;
  const fields = error as Error & SmtpErrorFields;
  const code = typeof fields.code === 'string' ? fields.code : '';
  if (typeof fields.responseCode === 'number' && fields.responseCode >= 400) {
    const aboutThisMessage = code === 'EENVELOPE' || code === 'EMESSAGE';
    return new MailNotSentError(error.message, aboutThisMessage && fields.responseCode >= 500);
  }
  const neverConnected =
    (typeof fields.originalCode === 'string' && NEVER_CONNECTED.has(fields.originalCode)) ||
    NEVER_CONNECTED.has(code) ||
    BEFORE_ANY_MESSAGE.has(code) ||
    (typeof fields.timeoutType === 'string' && SETUP_TIMEOUTS.has(fields.timeoutType));
  return neverConnected ? new MailNotSentError(error.message, false) : null;
}
