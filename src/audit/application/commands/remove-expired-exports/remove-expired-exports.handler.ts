import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { systemActor } from '../../../../shared/domain/actor.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import { EXPORT_STORAGE, type ExportStorage } from '../../ports/export-storage.js';
import { RemoveExpiredExportsCommand } from './remove-expired-exports.command.js';

const BATCH = 100;

/**
 * Marks expired exports removed and audits each removal in one transaction,
 * then deletes their files. Instances running it at once skip each other's
 * rows, so every export is removed (and audited) once.
 */
@CommandHandler(RemoveExpiredExportsCommand)
export class RemoveExpiredExportsHandler implements ICommandHandler<RemoveExpiredExportsCommand> {
  private readonly logger = new Logger(RemoveExpiredExportsHandler.name);

  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: RemoveExpiredExportsCommand): Promise<{ removed: number }> {
    let removed = 0;
    for (;;) {
      const batch = await this.unitOfWork.run(async () => {
        const now = this.clock.now();
        const cutoff = new Date(now.getTime() - command.retentionDays * 86_400_000);
        const expired = await this.exports.lockExpired(cutoff, BATCH);
        const fileKeys: string[] = [];
        for (const dataExport of expired) {
          const file = dataExport.file;
          const fileKey = dataExport.remove(now);
          if (fileKey) fileKeys.push(fileKey);
          // The signed statement goes with its file.
          if (file?.statement) fileKeys.push(file.statement.fileKey);
          await this.exports.save(dataExport);
          this.audit.record({
            actor: systemActor('export retention'),
            action: 'export.removed',
            details: {
              exportId: dataExport.id,
              dataset: dataExport.dataset,
              format: dataExport.format,
              retentionDays: command.retentionDays,
              sha256: file?.sha256 ?? null,
            },
          });
        }
        this.unitOfWork.afterCommit(async () => {
          for (const fileKey of fileKeys) {
            await this.storage.remove(fileKey).catch((error: unknown) => {
              this.logger.error({ err: error, fileKey }, 'an expired export file was not removed');
            });
          }
        });
        return expired.length;
      });
      removed += batch;
      if (batch < BATCH) return { removed };
    }
  }
}
