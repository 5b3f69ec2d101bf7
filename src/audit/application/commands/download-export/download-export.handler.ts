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
import { DownloadExportCommand, type ExportDownload } from './download-export.command.js';

const MEDIA_TYPES = {
  CSV: 'text/csv; charset=utf-8',
  XLSX: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

@CommandHandler(DownloadExportCommand)
export class DownloadExportHandler implements ICommandHandler<DownloadExportCommand> {
  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: DownloadExportCommand): Promise<ExportDownload> {
    const dataExport = await this.exports.findById(command.exportId);
    if (!dataExport) throw new ExportNotFoundError(command.exportId);
    const file = dataExport.downloadableFile();
    const opened = await this.storage.open(file.fileKey).catch((error: unknown) => {
      if ((error as { code?: unknown } | null)?.code === 'ENOENT')
        throw new ExportFileMissingError();
      throw error;
    });
    try {
      await this.unitOfWork.run(async () => {
        this.audit.record({
          actor: command.actor,
          action: 'export.downloaded',
          details: {
            exportId: dataExport.id,
            dataset: dataExport.dataset,
            format: dataExport.format,
            rowCount: file.rowCount,
            sha256: file.sha256,
          },
          ip: command.ip,
        });
      });
    } catch (error) {
      opened.stream.destroy();
      throw error;
    }
    return {
      fileName: dataExport.fileName(),
      mediaType: MEDIA_TYPES[dataExport.format],
      sizeBytes: opened.sizeBytes,
      sha256: file.sha256,
      stream: opened.stream,
    };
  }
}
