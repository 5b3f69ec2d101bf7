import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { TrailVerificationResult, VerificationProgress } from '../../ports/trail-verifier.js';

export interface FullVerificationOutcome {
  /** False when a full verification was running already (or, nightly, ran recently). */
  started: boolean;
  runId: string | null;
  /** The result, when the caller waited for it. */
  result: TrailVerificationResult | null;
}

/**
 * The full verification: every event and checkpoint, in segments between checkpoints on
 * every core, recorded in `audit_verification_runs` (progress and result) and audited.
 * Once across instances. `wait: false` (the page, the nightly job) runs it in the
 * background; the CLI waits, following its progress.
 */
export class RunFullVerificationCommand extends Command<FullVerificationOutcome> {
  constructor(
    readonly actor: Actor,
    readonly options: {
      wait: boolean;
      ip?: string | null;
      onProgress?: (progress: VerificationProgress) => void;
      /** The nightly run: skipped when a full run started in the last hours. */
      nightly?: boolean;
    },
  ) {
    super();
  }
}
