import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { NotAReviewerError } from '../../../domain/initialization-request.errors.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { RequestChanges } from '../../request-changes.js';
import { ReassignRequestCommand } from './reassign-request.command.js';

@CommandHandler(ReassignRequestCommand)
export class ReassignRequestHandler implements ICommandHandler<ReassignRequestCommand> {
  constructor(
    private readonly changes: RequestChanges,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
  ) {}

  async execute(command: ReassignRequestCommand): Promise<void> {
    const to = await this.staff.activeStaff(command.toStaffId);
    if (!to) throw new NotAReviewerError('holdActive');
    await this.changes.apply(command, { actor: command.reviewer, ip: command.ip }, (request, now) =>
      request.reassign(command.reviewer, to, now),
    );
  }
}
