import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

export interface ExportStatementFile {
  /** The download's file name with `.statement.json` after it. */
  fileName: string;
  /** The signed statement's JSON, as stored beside the file. */
  content: string;
}

/**
 * An auditor takes an export's signed statement, to check the file offline with
 * `audit:verify-export` (or to hand it on with the file): refused as the download is
 * (and when the export has none), and audited.
 */
export class DownloadExportStatementCommand extends Command<ExportStatementFile> {
  constructor(
    readonly actor: Actor,
    readonly exportId: string,
    readonly ip: string | null = null,
  ) {
    super();
  }
}
