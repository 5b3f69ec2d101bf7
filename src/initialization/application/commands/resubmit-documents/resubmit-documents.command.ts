import { Command } from '@nestjs/cqrs';
import type { CorrectedValues } from '../../../domain/correctable-field.js';
import type { UploadedDocument } from '../submit-request/submit-request.command.js';

/**
 * The applicant answers a request for information: new versions of the documents asked
 * for, and corrected values of the fields asked for (checked by the API as intake checks
 * them, normalised as intake stores them).
 */
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
    readonly values: CorrectedValues = {},
  ) {
    super();
  }
}
