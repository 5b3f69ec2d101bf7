import type { Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import type {
  ExportFileLayout,
  ExportFileWriter,
  ExportFileWriters,
} from '../../application/ports/export-file-writer.js';
import type { ExportFormat } from '../../domain/export-filters.js';
import { CsvExportWriter } from './csv-export-writer.js';
import { XlsxExportWriter } from './xlsx-export-writer.js';

@Injectable()
export class StreamingExportFileWriters implements ExportFileWriters {
  open(format: ExportFormat, target: Writable, layout: ExportFileLayout): ExportFileWriter {
    return format === 'XLSX'
      ? new XlsxExportWriter(target, layout)
      : new CsvExportWriter(target, layout);
  }
}
