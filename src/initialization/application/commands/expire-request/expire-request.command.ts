import { Command } from '@nestjs/cqrs';

/** A request left waiting for the applicant past its reply deadline expires. */
export class ExpireRequestCommand extends Command<void> {
  constructor(readonly requestId: string) {
    super();
  }
}
