import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SLA_LINE_FLAGS, type SlaLineFlags } from '../../ports/sla-line-flags.js';
import { FlagSlaLineCommand, type SlaLineCrossing } from './flag-sla-line.command.js';

@CommandHandler(FlagSlaLineCommand)
export class FlagSlaLineHandler implements ICommandHandler<FlagSlaLineCommand> {
  constructor(@Inject(SLA_LINE_FLAGS) private readonly flags: SlaLineFlags) {}

  execute(command: FlagSlaLineCommand): Promise<SlaLineCrossing[]> {
    return this.flags.flag(command.line, command.now, command.limit);
  }
}
