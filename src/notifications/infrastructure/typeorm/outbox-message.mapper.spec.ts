import { describe, expect, it } from '@jest/globals';
import type { DeliveryProblem } from '../../domain/outbox-message.js';
import { LastErrorColumn } from './outbox-message.mapper.js';

describe('the last error column', () => {
  it('keeps the mail server’s answer as it came, and the desk’s notes as their facts', () => {
    const problems: DeliveryProblem[] = [
      { kind: 'refused', answer: 'Message failed: 550 Mailbox unavailable' },
      { kind: 'broke-off', detail: 'Connection closed unexpectedly: {"x": 1}' },
      { kind: 'worker-stopped', minutes: 10 },
    ];
    for (const problem of problems) {
      expect(LastErrorColumn.read(LastErrorColumn.write(problem))).toEqual(problem);
    }
    expect(LastErrorColumn.write(problems[0]!)).toBe('Message failed: 550 Mailbox unavailable');
    expect(LastErrorColumn.write(problems[2]!)).toBe('{"note":"worker-stopped","minutes":10}');
  });

  it('reads anything else, such as a note written before notes had facts, as an answer', () => {
    expect(LastErrorColumn.read('The worker stopped while sending')).toEqual({
      kind: 'refused',
      answer: 'The worker stopped while sending',
    });
    expect(LastErrorColumn.read('{"note": broken')).toEqual({
      kind: 'refused',
      answer: '{"note": broken',
    });
    expect(LastErrorColumn.read(null)).toBeNull();
  });
});
