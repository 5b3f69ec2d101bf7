import type { DomainError } from '../../shared/domain/domain-error.js';
import { MailAlreadyResentError, OnlyAbandonedMailIsResentError } from './outbox-message.errors.js';
import type { OutboxMessage } from './outbox-message.js';

/** The new message that resends an abandoned one: the same mail, to the same address. */
export interface Resend {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  requestId: string | null;
  /** The abandoned message it resends. */
  resendOf: string;
}

/**
 * Why the message may not be resent by hand, or null when it may. Only an ABANDONED
 * message qualifies (its attempt ended without knowing whether the mail went out; a
 * FAILED one surely did not go out and was tried as often as the policy allows, a SENT
 * one went), and only once.
 */
export function resendRefusal(message: OutboxMessage): DomainError | null {
  if (message.resentAs) return new MailAlreadyResentError();
  if (message.status !== 'ABANDONED') return new OnlyAbandonedMailIsResentError();
  return null;
}

/**
 * An admin's deliberate resend of an abandoned message: a new message that references the
 * old one. The recipient may get the mail twice; the admin confirmed that first.
 */
export function resend(message: OutboxMessage): Resend {
  const refusal = resendRefusal(message);
  if (refusal) throw refusal;
  return {
    kind: message.kind,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    requestId: message.requestId,
    resendOf: message.id,
  };
}
