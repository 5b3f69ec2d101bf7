import type { VerificationFailureRecord } from '../verification-words.js';

export type VerificationMode = 'incremental' | 'full';

export interface CheckpointView {
  no: number;
  seq: number;
  hash: string;
  /** When it was signed. */
  at: Date;
}

/** What a verification found: the first failing event or checkpoint and what failed, or a trail that holds. */
export interface TrailVerificationResult {
  mode: VerificationMode;
  ok: boolean;
  /** Events whose links this run checked. */
  verified: number;
  /** The recorded head, read in the run's snapshot. */
  head: { seq: number; hash: string };
  /** The checkpoint the run started from (incremental), or null: from the first event. */
  from: CheckpointView | null;
  /** The last checkpoint the run verified (the next incremental run's start, once a full run passed). */
  lastCheckpoint: CheckpointView | null;
  failure: (VerificationFailureRecord & { params: Record<string, string | number> }) | null;
  warnings: { kind: string; checkpoint: number }[];
}

export interface VerificationProgress {
  checked: number;
  total: number;
}

/** The signing key as anyone may see it, and the trail's latest checkpoint. */
export interface TrailKeyInfo {
  fingerprint: string;
  publicKeyPem: string;
  lastCheckpoint: CheckpointView | null;
}

/**
 * Verifies the audit trail against what the database alone cannot forge: the keyed links,
 * the signed checkpoints (trusted keys from configuration only) and their copies outside
 * the database. Incremental: from `from` (a checkpoint a passed full run verified) to the
 * head. Full: every event, in segments between checkpoints on every core.
 */
export interface TrailVerifier {
  verify(options: {
    mode: VerificationMode;
    from?: { no: number; seq: number; hash: string } | null;
    onProgress?: (progress: VerificationProgress) => void;
  }): Promise<TrailVerificationResult>;
  keyInfo(): Promise<TrailKeyInfo>;
}
export const TRAIL_VERIFIER = Symbol('TrailVerifier');
