import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AUDIT_LOG, type AuditLog } from '../../../../shared/application/audit-log.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { refuseUnsafeAccountChange } from '../../../domain/account-administration.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { staffAccount } from '../staff-account.js';
import { ChangeStaffRoleCommand } from './change-staff-role.command.js';

/**
 * In one transaction, with the active administrators held still: the rules of who may
 * change whose role, the change (which ends the account's sessions), and its audit event
 * with the old and the new role.
 */
@CommandHandler(ChangeStaffRoleCommand)
export class ChangeStaffRoleHandler implements ICommandHandler<ChangeStaffRoleCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: ChangeStaffRoleCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const activeAdminIds = await this.staff.activeAdminIdsForUpdate();
      const member = await staffAccount(this.staff, command.staff);
      refuseUnsafeAccountChange({
        change: 'role',
        by: command.actor,
        member,
        newRole: command.role,
        activeAdminIds,
      });
      const from = member.changeRole(command.role, this.clock.now());
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.role_changed',
        details: {
          staffId: member.id,
          email: member.email,
          displayName: member.displayName,
          from,
          to: member.role,
        },
        ip: command.ip,
      });
    });
  }
}
