import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { DocumentCheckInput } from '../../../domain/initialization-request.js';

/** Per document: legible, authentic, valid (not expired), matches the application; and a note. */
export class RecordDocumentChecksCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly checks: DocumentCheckInput[],
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
