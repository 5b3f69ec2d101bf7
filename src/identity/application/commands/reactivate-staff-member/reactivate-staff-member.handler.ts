import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { staffAccount } from '../staff-account.js';
import { ReactivateStaffMemberCommand } from './reactivate-staff-member.command.js';

@CommandHandler(ReactivateStaffMemberCommand)
export class ReactivateStaffMemberHandler implements ICommandHandler<ReactivateStaffMemberCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ReactivateStaffMemberCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const member = await staffAccount(this.staff, command.staff);
      member.reactivate(this.clock.now());
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.reactivated',
        details: { staffId: member.id, email: member.email, displayName: member.displayName },
        ip: command.ip,
      });
    });
  }
}
