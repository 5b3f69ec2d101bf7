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
import { EndOtherSessionsCommand } from './end-other-sessions.command.js';

@CommandHandler(EndOtherSessionsCommand)
export class EndOtherSessionsHandler implements ICommandHandler<EndOtherSessionsCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(AUDIT_LOG) private readonly audit: AuditLog,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(command: EndOtherSessionsCommand): Promise<void> {
    await this.unitOfWork.run(async () => {
      const member = await this.staff.findByIdForUpdate(command.actor.id);
      if (!member) throw new StaffMemberNotFoundError(command.actor.id);
      member.endOtherSessions(command.keptSession, this.clock.now());
      await this.staff.save(member);
      this.audit.record({
        actor: command.actor,
        action: 'staff.other_sessions_ended',
        details: { staffId: member.id, email: member.email },
        ip: command.ip,
      });
    });
  }
}
