import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { TrailVerificationResult } from '../../ports/trail-verifier.js';

export interface ChainVerification {
  result: TrailVerificationResult;
  verifiedAt: Date;
}

/**
 * The quick (incremental) verification: from the last checkpoint a passed full
 * verification verified (or from the first event, before any passed) to the head,
 * with every checkpoint from there on and their outside copies. It is itself audited.
 */
export class VerifyAuditChainCommand extends Command<ChainVerification> {
  constructor(
    readonly actor: Actor,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
