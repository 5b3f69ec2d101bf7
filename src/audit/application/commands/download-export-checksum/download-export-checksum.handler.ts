import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { ExportFileMissingError, ExportNotFoundError } from '../../../domain/data-export.errors.js';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import { EXPORT_STORAGE, type ExportStorage } from '../../ports/export-storage.js';
import {
  DownloadExportChecksumCommand,
  type ExportChecksumFile,
} from './download-export-checksum.command.js';

/**
 * The export's SHA-256, recorded as its file was written, as a `.sha256` file: offered
 * only while the file itself can be downloaded (complete, not removed, still in the
 * export folder), and audited as `export.checksum_downloaded`.
 */
@CommandHandler(DownloadExportChecksumCommand)
export class DownloadExportChecksumHandler implements ICommandHandler<DownloadExportChecksumCommand> {
  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: DownloadExportChecksumCommand): Promise<ExportChecksumFile> {
    const dataExport = await this.exports.findById(command.exportId);
    if (!dataExport) throw new ExportNotFoundError(command.exportId);
    const checksum = dataExport.checksumFile();
    if (!(await this.storage.has(checksum.file.fileKey))) throw new ExportFileMissingError();
    await this.unitOfWork.run(async () => {
      this.audit.record({
        actor: command.actor,
        action: 'export.checksum_downloaded',
        details: {
          exportId: dataExport.id,
          dataset: dataExport.dataset,
          format: dataExport.format,
          rowCount: checksum.file.rowCount,
          sha256: checksum.file.sha256,
        },
        ip: command.ip,
      });
    });
    return { fileName: checksum.fileName, content: checksum.content };
  }
}
