import { Command } from '@nestjs/cqrs';
import type { VerificationReport } from '@lib/audit-trail';
import type { Actor } from '../../../../shared/domain/actor.js';
import type { ChainHeadView } from '../../ports/audit-trail.reader.js';

export interface ChainVerification {
  report: VerificationReport;
  /** The head recorded when the verification read the chain. */
  recordedHead: ChainHeadView;
  verifiedAt: Date;
}

/** Recomputes the whole hash chain from the first event; the verification itself is audited. */
export class VerifyAuditChainCommand extends Command<ChainVerification> {
  constructor(
    readonly actor: Actor,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
