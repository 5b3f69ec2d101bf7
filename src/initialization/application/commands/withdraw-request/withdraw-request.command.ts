import { Command } from '@nestjs/cqrs';

/** The public filing system withdraws one of its requests that is not decided yet. */
export class WithdrawRequestCommand extends Command<{ status: 'WITHDRAWN' }> {
  constructor(
    readonly intakeClient: string,
    readonly requestId: string,
    readonly ip: string | null,
  ) {
    super();
  }
}
