import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../shared/i18n/translator.js';
import { sessionHasEnded } from './ended-sessions.js';
import { PasswordResetLink } from './password-reset-link.js';
import { PasswordLinkUnusableError } from './password.errors.js';

const now = new Date('2026-11-25T02:00:00Z');
const later = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const english = new Translator('Asia/Shanghai').words('en');

const issue = () =>
  PasswordResetLink.issue({
    id: 'l',
    staffId: 's',
    tokenHash: 'h',
    issuedBy: 'Liu Yang',
    validForHours: 24,
    now,
  });

function refusalOf(act: () => unknown): PasswordLinkUnusableError {
  try {
    act();
  } catch (error) {
    if (error instanceof PasswordLinkUnusableError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('a set-password link', () => {
  it('works once, within its hours', () => {
    const link = issue();
    expect(link.stateAt(later(23.9))).toBe('usable');
    link.use(later(1));
    const refusal = refusalOf(() => link.use(later(2)));
    expect(refusal.reason).toBe('used');
    expect(english.text(refusal.sentence)).toBe('This set-password link has already been used.');
  });

  it('expires after its hours', () => {
    const refusal = refusalOf(() => issue().use(later(24)));
    expect(refusal.reason).toBe('expired');
    expect(english.text(refusal.sentence)).toBe('This set-password link has expired.');
  });

  it('is voided by a newer link, and a used one stays used', () => {
    const voided = issue();
    voided.void(later(1));
    expect(refusalOf(() => voided.use(later(2))).reason).toBe('voided');
    const used = issue();
    used.use(later(1));
    used.void(later(2));
    expect(used.stateAt(later(3))).toBe('used');
  });
});

describe('ended sessions', () => {
  const ended = { at: now, kept: 'kept-ref' };
  const session = (signedInAt: Date, reference: string) => ({
    signedInAt: signedInAt.getTime(),
    reference: () => reference,
  });

  it('end every session signed in until then, but the one kept', () => {
    expect(sessionHasEnded(ended, session(later(-1), 'other'))).toBe(true);
    expect(sessionHasEnded(ended, session(now, 'other'))).toBe(true);
    expect(sessionHasEnded(ended, session(later(-1), 'kept-ref'))).toBe(false);
    expect(sessionHasEnded(ended, session(later(0.001), 'other'))).toBe(false);
    expect(sessionHasEnded({ at: now, kept: null }, session(later(-1), 'kept-ref'))).toBe(true);
    expect(sessionHasEnded(null, session(later(-1), 'other'))).toBe(false);
  });
});
