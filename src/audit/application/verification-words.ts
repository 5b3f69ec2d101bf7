import { msg, type Message } from '../../shared/i18n/message.js';
import type { MessageKey } from '../../shared/i18n/messages/index.js';

/** The kinds of failure a verification names (libs/audit-trail's `verifyTrail`). */
export const VERIFICATION_FAILURE_KINDS = [
  'changed',
  'missing',
  'reordered',
  'forged',
  'unkeyed-after-switch',
  'no-checkpoint',
  'checkpoint-signature',
  'untrusted-signer',
  'checkpoint-chain',
  'checkpoint-mismatch',
  'checkpoint-deleted',
  'checkpoint-outside-differs',
  'head-mismatch',
  'unaccounted',
] as const;
export type VerificationFailureKind = (typeof VERIFICATION_FAILURE_KINDS)[number];

/** Where a verification failed and how, as recorded (the run's row, the audit event's details). */
export interface VerificationFailureRecord {
  kind: string;
  /** The first failing event's seq. */
  event?: number | null;
  /** The failing checkpoint's number. */
  checkpoint?: number | null;
}

const isKind = (kind: string): kind is VerificationFailureKind =>
  (VERIFICATION_FAILURE_KINDS as readonly string[]).includes(kind);

const number = (value: number | null | undefined): string =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : '?';

/** The failure in words: which event or checkpoint, and what failed. */
export function failureWords(failure: VerificationFailureRecord): Message {
  const params = { event: number(failure.event), checkpoint: number(failure.checkpoint) };
  if (!isKind(failure.kind)) return msg('audit.verify.failure.unknown', { kind: failure.kind });
  return msg(`audit.verify.failure.${failure.kind}` as MessageKey, params);
}

/** The headline: "fails at event #12", "… at checkpoint #3", or the trail as a whole. */
export function failureHeadline(failure: VerificationFailureRecord): Message {
  if (typeof failure.event === 'number')
    return msg('audit.verify.failedAtEvent', { event: String(failure.event) });
  if (typeof failure.checkpoint === 'number')
    return msg('audit.verify.failedAtCheckpoint', { checkpoint: String(failure.checkpoint) });
  return msg('audit.verify.failedTrail');
}

/** A warning that does not fail the verification (a checkpoint not copied outside yet). */
export function warningWords(warning: { kind: string; checkpoint?: number | null }): Message {
  if (warning.kind === 'checkpoint-not-copied')
    return msg('audit.verify.warning.checkpoint-not-copied', {
      checkpoint: number(warning.checkpoint),
    });
  return msg('audit.verify.failure.unknown', { kind: warning.kind });
}
