import type { Readable } from 'node:stream';
import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

export interface OpenedDocument {
  mediaType: string;
  sizeBytes: number;
  /** A safe file name for the download (`INIT-2026-000123-ID_FRONT.jpg`), never the applicant's. */
  fileName: string;
  content: Readable;
}

/**
 * A staff member opens one document of a request. The view is recorded in the
 * audit trail (`document.viewed`) before the file is handed over.
 */
export class ViewDocumentCommand extends Command<OpenedDocument> {
  constructor(
    readonly requestId: string,
    readonly documentId: string,
    readonly viewer: StaffActor,
    readonly ip: string | null,
  ) {
    super();
  }
}
