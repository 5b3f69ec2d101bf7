import { Command } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';

/** Asks the applicant for documents or corrected fields, and why; the request waits for them. */
export class RequestInformationCommand extends Command<void> {
  constructor(
    readonly requestId: string,
    readonly reviewer: StaffActor,
    readonly documents: string[],
    readonly fields: string[],
    readonly message: string,
    readonly ip: string | null,
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
