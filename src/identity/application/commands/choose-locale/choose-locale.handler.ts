import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { StaffMemberNotFoundError } from '../../../domain/staff-member.errors.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { ChooseLocaleCommand } from './choose-locale.command.js';

/** A preference, not a decision: saved on the account, not written to the audit trail. */
@CommandHandler(ChooseLocaleCommand)
export class ChooseLocaleHandler implements ICommandHandler<ChooseLocaleCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChooseLocaleCommand): Promise<void> {
    const member = await this.staff.findById(command.staffId);
    if (!member) throw new StaffMemberNotFoundError(command.staffId);
    member.chooseLocale(command.locale, this.clock.now());
    await this.staff.save(member);
  }
}
