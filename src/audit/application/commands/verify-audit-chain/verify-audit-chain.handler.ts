import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import type { Actor } from '../../../../shared/domain/actor.js';
import {
  TRAIL_VERIFIER,
  type TrailVerificationResult,
  type TrailVerifier,
} from '../../ports/trail-verifier.js';
import { VERIFICATION_RUNS, type VerificationRuns } from '../../ports/verification-runs.js';
import { VerifyAuditChainCommand, type ChainVerification } from './verify-audit-chain.command.js';

@CommandHandler(VerifyAuditChainCommand)
export class VerifyAuditChainHandler implements ICommandHandler<VerifyAuditChainCommand> {
  private readonly logger = new Logger(VerifyAuditChainHandler.name);

  constructor(
    @Inject(TRAIL_VERIFIER) private readonly verifier: TrailVerifier,
    @Inject(VERIFICATION_RUNS) private readonly runs: VerificationRuns,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: VerifyAuditChainCommand): Promise<ChainVerification> {
    const passed = await this.runs.lastPassedFull();
    const result = await this.verifier.verify({
      mode: 'incremental',
      from: passed?.lastCheckpoint ?? null,
    });
    const verifiedAt = this.clock.now();
    await recordVerification(this.unitOfWork, this.audit, this.logger, {
      actor: command.actor,
      ip: command.ip,
      result,
    });
    return { result, verifiedAt };
  }
}

/**
 * Records `audit.verified`. A trail that failed may also refuse appends (rows beyond the
 * head): then the report still stands, and the refusal is logged.
 */
export async function recordVerification(
  unitOfWork: UnitOfWork,
  audit: AuditLog,
  logger: Logger,
  entry: { actor: Actor; ip: string | null; result: TrailVerificationResult },
): Promise<void> {
  const { result } = entry;
  try {
    await unitOfWork.run(async () => {
      audit.record({
        actor: entry.actor,
        action: 'audit.verified',
        details: verificationDetails(result),
        ip: entry.ip,
      });
    });
  } catch (error) {
    if (result.ok) throw error;
    logger.error(
      { err: error, failure: result.failure },
      'the failed audit trail verification could not be recorded in the trail',
    );
  }
}

/** What `audit.verified` records: the mode, the count, the head, and where it failed and how. */
export function verificationDetails(result: TrailVerificationResult): Record<string, unknown> {
  const base = {
    ok: result.ok,
    mode: result.mode,
    verified: result.verified,
    headSeq: result.head.seq,
    headHash: result.head.hash,
    fromCheckpoint: result.from?.no ?? null,
  };
  if (result.ok || !result.failure)
    return { ...base, lastCheckpoint: result.lastCheckpoint?.no ?? null };
  return {
    ...base,
    // `brokenAt` and `kind` as recorded before issue 18, for searches across both.
    brokenAt: result.failure.event ?? null,
    kind: result.failure.kind,
    failure: {
      kind: result.failure.kind,
      event: result.failure.event ?? null,
      checkpoint: result.failure.checkpoint ?? null,
    },
  };
}
