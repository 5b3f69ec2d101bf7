import type { Readable } from 'node:stream';
import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

export interface ExportDownload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  stream: Readable;
}

/** An auditor takes an export's file; the download is audited with the file's hash. */
export class DownloadExportCommand extends Command<ExportDownload> {
  constructor(
    readonly actor: Actor,
    readonly exportId: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
