import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  DATA_EXPORT_REPOSITORY,
  type DataExportRepository,
} from '../../ports/data-export.repository.js';
import { ListExportsQuery, type ExportListItem } from './list-exports.query.js';

@QueryHandler(ListExportsQuery)
export class ListExportsHandler implements IQueryHandler<ListExportsQuery> {
  constructor(@Inject(DATA_EXPORT_REPOSITORY) private readonly exports: DataExportRepository) {}

  async execute(query: ListExportsQuery): Promise<ExportListItem[]> {
    const recent = await this.exports.listRecent(query.limit);
    return recent.map((dataExport) => {
      const p = dataExport.toProps();
      const percent =
        p.status === 'COMPLETED'
          ? 100
          : p.status === 'RUNNING' && p.rowsExpected
            ? Math.min(99, Math.floor((p.rowsWritten / p.rowsExpected) * 100))
            : 0;
      return {
        id: p.id,
        description: dataExport.describe(),
        dataset: p.dataset,
        fileName: dataExport.fileName(),
        format: p.format,
        status: p.status,
        requestedAt: p.requestedAt,
        requestedByName: p.requestedByName,
        finishedAt: p.finishedAt,
        attempts: p.attempts,
        percent,
        rowsWritten: p.rowsWritten,
        rowsExpected: p.rowsExpected,
        rowCount: p.file?.rowCount ?? null,
        sizeBytes: p.file?.sizeBytes ?? null,
        sha256: p.file?.sha256 ?? null,
        chainHead: p.file?.chainHead ?? null,
        statementCheckpointNo: p.file?.statement?.checkpointNo ?? null,
        lastError: p.lastError,
      };
    });
  }
}
