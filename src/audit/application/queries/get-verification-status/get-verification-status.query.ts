import { Query } from '@nestjs/cqrs';
import type { TrailKeyInfo } from '../../ports/trail-verifier.js';
import type { VerificationRun } from '../../ports/verification-runs.js';

export interface VerificationStatus {
  key: TrailKeyInfo;
  /** The newest full verification, running or finished. */
  latestFull: VerificationRun | null;
}

/** The signing key, the latest checkpoint and the newest full verification, for the page. */
export class GetVerificationStatusQuery extends Query<VerificationStatus> {}
