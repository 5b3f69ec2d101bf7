import { isLocale } from '../../../shared/i18n/locale.js';
import { DataExport, type ExportStatus } from '../../domain/data-export.js';
import type { ExportDataset, ExportFilters, ExportFormat } from '../../domain/export-filters.js';
import { DataExportEntity } from './data-export.entity.js';

const num = (value: string | null): number | null => (value === null ? null : Number(value));

export const DataExportMapper = {
  toDomain(row: DataExportEntity): DataExport {
    const complete =
      row.fileKey !== null &&
      row.sha256 !== null &&
      row.rowCount !== null &&
      row.sizeBytes !== null &&
      row.chainHeadSeq !== null &&
      row.chainHeadHash !== null;
    return DataExport.restore({
      id: row.id,
      dataset: row.dataset as ExportDataset,
      format: row.format as ExportFormat,
      filters: row.filters as unknown as ExportFilters,
      locale: isLocale(row.locale) ? row.locale : 'zh-CN',
      status: row.status as ExportStatus,
      requestedById: row.requestedById,
      requestedByName: row.requestedByName,
      requestedAt: row.requestedAt,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      attempts: row.attempts,
      rowsExpected: num(row.rowsExpected),
      rowsWritten: Number(row.rowsWritten),
      file: complete
        ? {
            fileKey: row.fileKey!,
            rowCount: Number(row.rowCount),
            sizeBytes: Number(row.sizeBytes),
            sha256: row.sha256!,
            chainHead: { seq: Number(row.chainHeadSeq), hash: row.chainHeadHash! },
            statement:
              row.statementKey !== null &&
              row.statementCheckpointNo !== null &&
              row.rowsSha256 !== null
                ? {
                    fileKey: row.statementKey,
                    checkpointNo: row.statementCheckpointNo,
                    rowsSha256: row.rowsSha256,
                  }
                : null,
          }
        : null,
      lastError: row.lastError,
      removedAt: row.removedAt,
      updatedAt: row.updatedAt,
    });
  },

  toEntity(dataExport: DataExport): DataExportEntity {
    const p = dataExport.toProps();
    return Object.assign(new DataExportEntity(), {
      id: p.id,
      dataset: p.dataset,
      format: p.format,
      filters: { ...p.filters } as Record<string, string>,
      locale: p.locale,
      status: p.status,
      requestedById: p.requestedById,
      requestedByName: p.requestedByName,
      requestedAt: p.requestedAt,
      startedAt: p.startedAt,
      finishedAt: p.finishedAt,
      attempts: p.attempts,
      rowsExpected: p.rowsExpected === null ? null : String(p.rowsExpected),
      rowsWritten: String(p.rowsWritten),
      rowCount: p.file ? String(p.file.rowCount) : null,
      fileKey: p.file?.fileKey ?? null,
      sizeBytes: p.file ? String(p.file.sizeBytes) : null,
      sha256: p.file?.sha256 ?? null,
      chainHeadSeq: p.file ? String(p.file.chainHead.seq) : null,
      chainHeadHash: p.file?.chainHead.hash ?? null,
      statementKey: p.file?.statement?.fileKey ?? null,
      statementCheckpointNo: p.file?.statement?.checkpointNo ?? null,
      rowsSha256: p.file?.statement?.rowsSha256 ?? null,
      lastError: p.lastError,
      removedAt: p.removedAt,
      updatedAt: p.updatedAt,
    } satisfies DataExportEntity);
  },
};
