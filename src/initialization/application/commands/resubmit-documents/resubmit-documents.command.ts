import { Command } from '@nestjs/cqrs';
import type { UploadedDocument } from '../submit-request/submit-request.command.js';

/** The applicant answers a request for information with replacement documents. */
export class ResubmitDocumentsCommand extends Command<{
  id: string;
  status: string;
  dueAt: string | null;
}> {
  constructor(
    readonly intakeClient: string,
    readonly requestId: string,
    readonly documents: UploadedDocument[],
    readonly ip: string | null,
  ) {
    super();
  }
}
