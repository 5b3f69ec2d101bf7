import type { TrailVerificationResult, VerificationMode } from './trail-verifier.js';

export type VerificationRunStatus = 'running' | 'passed' | 'failed' | 'abandoned';

/** One verification run as recorded (`audit_verification_runs`). */
export interface VerificationRun {
  id: string;
  kind: VerificationMode;
  status: VerificationRunStatus;
  requestedBy: string;
  startedAt: Date;
  heartbeatAt: Date;
  finishedAt: Date | null;
  eventsTotal: number;
  eventsChecked: number;
  fromCheckpointNo: number | null;
  headSeq: number | null;
  lastCheckpoint: { no: number; seq: number; hash: string } | null;
  failure: TrailVerificationResult['failure'];
  warnings: TrailVerificationResult['warnings'];
  error: string | null;
}

/** The record of verification runs; at most one full run is running at a time, across instances. */
export interface VerificationRuns {
  /**
   * Records a run as started; null when a full run is running already (or, with
   * `unlessStartedWithinHours`, one started that recently — the nightly run, once).
   * Runs whose heartbeat stopped long ago are marked abandoned first.
   */
  start(
    kind: VerificationMode,
    requestedBy: string,
    now: Date,
    options?: { unlessStartedWithinHours?: number },
  ): Promise<string | null>;
  progress(id: string, checked: number, total: number, now: Date): Promise<void>;
  finish(id: string, result: TrailVerificationResult, now: Date): Promise<void>;
  /** The run ended by an error before a result (the database went away…). */
  abandon(id: string, error: string, now: Date): Promise<void>;
  latest(kind: VerificationMode): Promise<VerificationRun | null>;
  /** The newest passed full run: its last checkpoint is where incremental runs start. */
  lastPassedFull(): Promise<VerificationRun | null>;
}
export const VERIFICATION_RUNS = Symbol('VerificationRuns');
