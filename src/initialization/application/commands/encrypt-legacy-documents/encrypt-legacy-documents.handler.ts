import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  DOCUMENT_MAINTENANCE,
  type DocumentMaintenance,
} from '../../ports/document-maintenance.js';
import {
  EncryptLegacyDocumentsCommand,
  type LegacyEncryptionReport,
} from './encrypt-legacy-documents.command.js';

const BATCH = 100;

/**
 * Each batch of documents stored in the clear is encrypted under storage keys of their
 * own and recorded in one transaction with its audit event; after the commit, each file
 * in the clear that no document still needs is removed (a file shared by several
 * documents goes with the last of them).
 */
@CommandHandler(EncryptLegacyDocumentsCommand)
export class EncryptLegacyDocumentsHandler implements ICommandHandler<EncryptLegacyDocumentsCommand> {
  constructor(
    @Inject(DOCUMENT_MAINTENANCE) private readonly documents: DocumentMaintenance,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: EncryptLegacyDocumentsCommand): Promise<LegacyEncryptionReport> {
    const report: LegacyEncryptionReport = { encrypted: 0, plaintextRemoved: 0, missing: [] };
    let after: string | null = null;
    for (;;) {
      const batch = await this.unitOfWork.run(async () => {
        const done = await this.documents.encryptLegacy(after, BATCH);
        if (done.encrypted > 0)
          this.audit.record({
            actor: command.actor,
            action: 'document.legacy_encrypted',
            details: { count: done.encrypted },
          });
        return done;
      });
      report.encrypted += batch.encrypted;
      report.missing.push(...batch.missing);
      report.plaintextRemoved += await this.documents.removePlaintextNoLongerUsed(batch.hashes);
      if (batch.last === null) return report;
      after = batch.last;
    }
  }
}
