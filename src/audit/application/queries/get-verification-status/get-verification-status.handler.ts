import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { TRAIL_VERIFIER, type TrailVerifier } from '../../ports/trail-verifier.js';
import { VERIFICATION_RUNS, type VerificationRuns } from '../../ports/verification-runs.js';
import {
  GetVerificationStatusQuery,
  type VerificationStatus,
} from './get-verification-status.query.js';

@QueryHandler(GetVerificationStatusQuery)
export class GetVerificationStatusHandler implements IQueryHandler<GetVerificationStatusQuery> {
  constructor(
    @Inject(TRAIL_VERIFIER) private readonly verifier: TrailVerifier,
    @Inject(VERIFICATION_RUNS) private readonly runs: VerificationRuns,
  ) {}

  async execute(): Promise<VerificationStatus> {
    const [key, latestFull] = await Promise.all([
      this.verifier.keyInfo(),
      this.runs.latest('full'),
    ]);
    return { key, latestFull };
  }
}
