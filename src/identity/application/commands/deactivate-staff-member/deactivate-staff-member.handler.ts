import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { StaffMemberNotFoundError } from '../../../domain/staff-member.errors.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { DeactivateStaffMemberCommand } from './deactivate-staff-member.command.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@CommandHandler(DeactivateStaffMemberCommand)
export class DeactivateStaffMemberHandler implements ICommandHandler<DeactivateStaffMemberCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: DeactivateStaffMemberCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const member = UUID.test(command.staff)
        ? await this.staff.findById(command.staff)
        : await this.staff.findByEmail(command.staff);
      if (!member) throw new StaffMemberNotFoundError(command.staff);
      member.deactivate(this.clock.now());
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.deactivated',
        details: { staffId: member.id, email: member.email },
        ip: command.ip,
      });
    });
  }
}
