import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  DOCUMENT_MAINTENANCE,
  type DocumentMaintenance,
} from '../../ports/document-maintenance.js';
import { RewrapDocumentKeysCommand } from './rewrap-document-keys.command.js';

const BATCH = 500;

/**
 * After a new master key is put first in DOCUMENT_ENCRYPTION_KEYS: every data key wrapped
 * by an older one is unwrapped and wrapped again by the new one, in batches, each batch
 * one transaction with its audit event. Objects are never rewritten. Once it is done the
 * old master key may be dropped from the setting.
 */
@CommandHandler(RewrapDocumentKeysCommand)
export class RewrapDocumentKeysHandler implements ICommandHandler<RewrapDocumentKeysCommand> {
  constructor(
    @Inject(DOCUMENT_MAINTENANCE) private readonly documents: DocumentMaintenance,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: RewrapDocumentKeysCommand): Promise<{ rewrapped: number; keyId: string }> {
    let total = 0;
    for (;;) {
      const { rewrapped, keyId } = await this.unitOfWork.run(async () => {
        const batch = await this.documents.rewrapKeys(BATCH);
        if (batch.rewrapped > 0)
          this.audit.record({
            actor: command.actor,
            action: 'document.keys_rewrapped',
            details: { count: batch.rewrapped, keyId: batch.keyId },
          });
        return batch;
      });
      total += rewrapped;
      if (rewrapped < BATCH) return { rewrapped: total, keyId };
    }
  }
}
