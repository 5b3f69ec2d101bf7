import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { systemActor } from '../../../../shared/domain/actor.js';
import {
  DOCUMENT_MAINTENANCE,
  type DocumentMaintenance,
} from '../../ports/document-maintenance.js';
import { SweepOrphanDocumentsCommand } from './sweep-orphan-documents.command.js';

const BATCH = 200;

/**
 * An upload is stored before the request that names it commits; a crash in between leaves
 * it unnamed. Each batch locks such uploads older than the grace period, removes their
 * objects and data keys, and records how many in one audit event, in one transaction:
 * instances running it at once skip each other's rows, so each is removed and counted once.
 */
@CommandHandler(SweepOrphanDocumentsCommand)
export class SweepOrphanDocumentsHandler implements ICommandHandler<SweepOrphanDocumentsCommand> {
  constructor(
    @Inject(DOCUMENT_MAINTENANCE) private readonly documents: DocumentMaintenance,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: SweepOrphanDocumentsCommand): Promise<{ removed: number }> {
    let removed = 0;
    for (;;) {
      const count = await this.unitOfWork.run(async () => {
        const stagedBefore = new Date(this.clock.now().getTime() - command.graceHours * 3_600_000);
        const count = await this.documents.removeUnreferenced(stagedBefore, BATCH);
        if (count > 0)
          this.audit.record({
            actor: systemActor('document sweep'),
            action: 'document.orphans_removed',
            details: { count, graceHours: command.graceHours },
          });
        return count;
      });
      removed += count;
      if (count < BATCH) return { removed };
    }
  }
}
