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
  DownloadExportStatementCommand,
  type ExportStatementFile,
} from './download-export-statement.command.js';

/**
 * The export's signed statement (`<file name>.statement.json`): offered only while the
 * file itself can be downloaded, and audited as `export.statement_downloaded`.
 */
@CommandHandler(DownloadExportStatementCommand)
export class DownloadExportStatementHandler implements ICommandHandler<DownloadExportStatementCommand> {
  constructor(
    @Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository,
    @Inject(EXPORT_STORAGE) private readonly storage: ExportStorage,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
  ) {}

  async execute(command: DownloadExportStatementCommand): Promise<ExportStatementFile> {
    const dataExport = await this.exports.findById(command.exportId);
    if (!dataExport) throw new ExportNotFoundError(command.exportId);
    const statement = dataExport.statementFile();
    if (!(await this.storage.has(statement.file.fileKey))) throw new ExportFileMissingError();
    const content = await this.storage.readStatement(statement.fileKey);
    await this.unitOfWork.run(async () => {
      this.audit.record({
        actor: command.actor,
        action: 'export.statement_downloaded',
        details: {
          exportId: dataExport.id,
          dataset: dataExport.dataset,
          format: dataExport.format,
          rowCount: statement.file.rowCount,
          checkpointNo: statement.checkpointNo,
        },
        ip: command.ip,
      });
    });
    return { fileName: statement.fileName, content };
  }
}
