import { describe, expect, it } from '@jest/globals';
import type { OutboxMessage, OutboxStatus } from './outbox-message.js';
import { MailAlreadyResentError, OnlyAbandonedMailIsResentError } from './outbox-message.errors.js';
import { resend, resendRefusal } from './resend.js';

const message = (changes: Partial<OutboxMessage> = {}): OutboxMessage => ({
  id: '0b7f6a52-1111-4222-8333-444455556666',
  kind: 'request.approved.previous_address',
  to: 'old@example.cn',
  subject: 'EI-2026-000043 …',
  text: 'text',
  html: '<p>text</p>',
  requestId: '1c8f6a52-1111-4222-8333-444455556666',
  dedupeKey: 'request.approved.previous_address:…',
  status: 'ABANDONED',
  attempts: 1,
  lastError: { kind: 'worker-stopped', minutes: 10 },
  createdAt: new Date('2026-03-20T01:00:00Z'),
  nextAttemptAt: new Date('2026-03-20T01:00:00Z'),
  attemptStartedAt: new Date('2026-03-20T01:00:01Z'),
  sentAt: null,
  resendOf: null,
  resentAs: null,
  ...changes,
});

describe('resending a mail by hand', () => {
  it('writes the same mail to the same address as a new message that names the old one', () => {
    expect(resend(message())).toEqual({
      kind: 'request.approved.previous_address',
      to: 'old@example.cn',
      subject: 'EI-2026-000043 …',
      text: 'text',
      html: '<p>text</p>',
      requestId: '1c8f6a52-1111-4222-8333-444455556666',
      resendOf: '0b7f6a52-1111-4222-8333-444455556666',
    });
  });

  it('is refused for a message whose delivery is known, whatever it came to', () => {
    for (const status of ['PENDING', 'SENDING', 'SENT', 'FAILED'] as OutboxStatus[]) {
      expect(resendRefusal(message({ status }))).toBeInstanceOf(OnlyAbandonedMailIsResentError);
      expect(() => resend(message({ status }))).toThrow(OnlyAbandonedMailIsResentError);
    }
  });

  it('is refused a second time', () => {
    const resent = message({ resentAs: '2d8f6a52-1111-4222-8333-444455556666' });
    expect(resendRefusal(resent)).toBeInstanceOf(MailAlreadyResentError);
    expect(() => resend(resent)).toThrow(MailAlreadyResentError);
  });

  it('is allowed for a resend that was itself abandoned', () => {
    expect(resendRefusal(message({ resendOf: '2d8f6a52-1111-4222-8333-444455556666' }))).toBe(null);
  });
});
