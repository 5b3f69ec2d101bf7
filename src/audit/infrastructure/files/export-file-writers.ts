import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type {
  ExportFileWriter,
  ExportFileWriters,
} from '../../application/ports/export-file-writer.js';
import type { ExportFormat } from '../../domain/export-filters.js';
import { CsvExportWriter } from './csv-export-writer.js';
import { XlsxExportWriter } from './xlsx-export-writer.js';

@Injectable()
export class StreamingExportFileWriters implements ExportFileWriters {
  open(
    format: ExportFormat,
    target: Writable,
    sheet: { name: string; columns: readonly string[] },
  ): ExportFileWriter {
    return format === 'XLSX'
      ? new XlsxExportWriter(target, sheet.name, sheet.columns)
      : new CsvExportWriter(target, sheet.columns);
  }
}
