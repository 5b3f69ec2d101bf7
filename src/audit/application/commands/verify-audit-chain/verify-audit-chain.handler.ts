import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { verifyAuditChain } from '@lib/audit-trail';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { AUDIT_TRAIL_READER, type AuditTrailReader } from '../../ports/audit-trail.reader.js';
import { VerifyAuditChainCommand, type ChainVerification } from './verify-audit-chain.command.js';

@CommandHandler(VerifyAuditChainCommand)
export class VerifyAuditChainHandler implements ICommandHandler<VerifyAuditChainCommand> {
  constructor(
    @Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: VerifyAuditChainCommand): Promise<ChainVerification> {
    // Head and events come from one snapshot, so appends during the run are not "missing".
    const { report, recordedHead } = await this.trail.readChain(async ({ head, events }) => ({
      recordedHead: head,
      report: await verifyAuditChain(events, head),
    }));
    const verifiedAt = this.clock.now();
    await this.unitOfWork.run(async () => {
      this.audit.record({
        actor: command.actor,
        action: 'audit.verified',
        details: report.ok
          ? {
              ok: true,
              verified: report.verified,
              headSeq: report.head.seq,
              headHash: report.head.hash,
            }
          : {
              ok: false,
              verified: report.verified,
              brokenAt: report.break.seq,
              kind: report.break.kind,
              message: report.break.message,
            },
        ip: command.ip,
      });
    });
    return { report, recordedHead, verifiedAt };
  }
}
