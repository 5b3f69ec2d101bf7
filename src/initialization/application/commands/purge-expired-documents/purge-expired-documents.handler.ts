import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { systemActor } from '../../../../shared/domain/actor.js';
import { DOCUMENT_STORE, type DocumentStore } from '../../ports/document-store.js';
import { EXPIRED_DOCUMENTS, type ExpiredDocuments } from '../../ports/expired-documents.js';
import {
  PurgeExpiredDocumentsCommand,
  type PurgeReport,
} from './purge-expired-documents.command.js';

const DAY_MS = 86_400_000;
const actor = systemActor('document retention');

/**
 * Each batch in one transaction: mark the documents purged (rows another instance holds
 * are skipped), remove their files, audit each purge, commit. A file the store will not
 * remove has its mark taken back, and the run stops there (the store is likely down):
 * the next run tries again. The files go before the commit, so a purge that committed
 * left nothing behind; a commit that fails after the removals leaves documents unmarked
 * whose files are gone, and the next run marks them (removing is idempotent).
 */
@CommandHandler(PurgeExpiredDocumentsCommand)
export class PurgeExpiredDocumentsHandler implements ICommandHandler<PurgeExpiredDocumentsCommand> {
  private readonly logger = new Logger('DocumentRetention');

  constructor(
    @Inject(EXPIRED_DOCUMENTS) private readonly expired: ExpiredDocuments,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: PurgeExpiredDocumentsCommand): Promise<PurgeReport> {
    const report: PurgeReport = { purged: 0, failed: 0 };
    for (;;) {
      const batch = await this.unitOfWork.run(async () => {
        const now = this.clock.now();
        const endedBefore = new Date(now.getTime() - command.retentionDays * DAY_MS);
        const marked = await this.expired.markPurged(endedBefore, now, command.batchSize);
        const failed: string[] = [];
        for (const document of marked) {
          try {
            await this.store.remove({
              id: document.id,
              storageKey: document.storageKey,
              sha256: document.sha256,
            });
          } catch (error) {
            this.logger.error(
              { err: error, documentId: document.id },
              'a document past its retention period could not be removed; the next run tries again',
            );
            failed.push(document.id);
            continue;
          }
          this.audit.record({
            actor,
            action: 'document.purged',
            requestId: document.requestId,
            subjectId: document.subjectId,
            details: {
              reference: document.reference,
              documentId: document.id,
              kind: document.kind,
              sha256: document.sha256,
              endedAt: document.endedAt.toISOString(),
              retentionDays: command.retentionDays,
            },
          });
        }
        await this.expired.unmark(failed);
        return { marked: marked.length, failed: failed.length };
      });
      report.purged += batch.marked - batch.failed;
      report.failed += batch.failed;
      if (batch.failed > 0 || batch.marked < command.batchSize) return report;
    }
  }
}
