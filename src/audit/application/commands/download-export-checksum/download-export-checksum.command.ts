import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

export interface ExportChecksumFile {
  /** The download's file name with `.sha256` after it. */
  fileName: string;
  /** `<hex>  <file name>\n`, as `sha256sum -c` reads it. */
  content: string;
}

/**
 * An auditor takes an export's SHA-256 file, to check the download with `sha256sum -c`
 * (or to hand it on with the file): refused as the download is, and audited.
 */
export class DownloadExportChecksumCommand extends Command<ExportChecksumFile> {
  constructor(
    readonly actor: Actor,
    readonly exportId: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
