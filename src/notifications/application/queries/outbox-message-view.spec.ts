import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import type { OutboxMessage } from '../../domain/outbox-message.js';
import { outboxMessageView } from './outbox-message-view.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

const message = (changes: Partial<OutboxMessage>): OutboxMessage => ({
  id: '0b7f6a52-1111-4222-8333-444455556666',
  kind: 'request.rejected',
  to: 'applicant@example.cn',
  subject: 'EI-2026-000043 …',
  text: 't',
  html: null,
  requestId: null,
  dedupeKey: null,
  status: 'PENDING',
  attempts: 0,
  lastError: null,
  createdAt: new Date('2026-03-20T01:00:00Z'),
  nextAttemptAt: new Date('2026-03-20T01:00:00Z'),
  attemptStartedAt: null,
  sentAt: null,
  resendOf: null,
  resentAs: null,
  ...changes,
});

describe('an outbox message on the admin page', () => {
  it('labels each status in the reader’s language', () => {
    const labels = (['PENDING', 'SENDING', 'SENT', 'FAILED', 'ABANDONED'] as const).map(
      (status) => outboxMessageView(message({ status })).statusLabel,
    );
    expect(labels.map((label) => en.text(label))).toEqual([
      'Waiting',
      'Sending',
      'Sent',
      'Failed',
      'Abandoned',
    ]);
    expect(labels.map((label) => zh.text(label))).toEqual([
      '等待发送',
      '发送中',
      '已发送',
      '发送失败',
      '已放弃',
    ]);
  });

  it('says a refused message waits to retry, and when', () => {
    const view = outboxMessageView(
      message({ attempts: 1, lastError: { kind: 'refused', answer: '451 Try again later' } }),
    );
    expect(en.text(view.statusLabel)).toBe('Waiting to retry');
    expect(view.statusTone).toBe('warn');
    expect(en.text(view.milestone!.label)).toBe('Next attempt');
    expect(view.lastError).toEqual({ note: null, detail: '451 Try again later' });
  });

  it('explains an abandoned message in words, and keeps the technical detail as it came', () => {
    const stopped = outboxMessageView(
      message({ status: 'ABANDONED', lastError: { kind: 'worker-stopped', minutes: 10 } }),
    );
    expect(en.text(stopped.lastError!.note)).toBe(
      'The worker stopped while sending (still SENDING after 10 minutes); the mail may or may not have been delivered, so it is not sent again automatically.',
    );
    expect(zh.text(stopped.lastError!.note)).toContain('可能已送达，也可能未送达');
    const brokeOff = outboxMessageView(
      message({
        status: 'ABANDONED',
        lastError: { kind: 'broke-off', detail: 'Connection closed unexpectedly' },
      }),
    );
    expect(en.text(brokeOff.lastError!.note)).toMatch(/may or may not have been delivered/);
    expect(brokeOff.lastError!.detail).toBe('Connection closed unexpectedly');
  });
});
