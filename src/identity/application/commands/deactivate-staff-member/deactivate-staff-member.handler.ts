import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../../../shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { isUuid } from '../../../../shared/domain/uuid.js';
import type { StaffDeactivated } from '../../../contracts/events.js';
import { refuseUnsafeAccountChange } from '../../../domain/account-administration.js';
import { NotAnActiveSeniorError } from '../../../domain/staff-lifecycle.errors.js';
import type { StaffMember } from '../../../domain/staff-member.js';
import { HELD_WORK, type HeldWork } from '../../../contracts/held-work.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import { staffAccount } from '../staff-account.js';
import {
  DeactivateStaffMemberCommand,
  type Deactivation,
} from './deactivate-staff-member.command.js';

/**
 * In one transaction: the rules of who may deactivate whom, the deactivation, the
 * requests the account held given back through the initialization context's command
 * (each audited), and the deactivation's own event, which names them (the seniors'
 * notice reacts to it). A failure anywhere leaves everything as it was.
 */
@CommandHandler(DeactivateStaffMemberCommand)
export class DeactivateStaffMemberHandler implements ICommandHandler<DeactivateStaffMemberCommand> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(HELD_WORK) private readonly heldWork: HeldWork,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DOMAIN_EVENT_RECORDER) private readonly events: DomainEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute(command: DeactivateStaffMemberCommand): Promise<Deactivation> {
    return this.unitOfWork.run(async () => {
      const activeAdminIds = await this.staff.activeAdminIdsForUpdate();
      const member = await staffAccount(this.staff, command.staff);
      refuseUnsafeAccountChange({
        change: 'deactivate',
        by: command.actor,
        member,
        activeAdminIds,
      });
      const senior = command.handTo ? await this.seniorTakingOver(command.handTo, member) : null;
      const now = this.clock.now();
      member.deactivate(now);
      await this.staff.save(member);
      const context = { actor: command.actor, ip: command.ip };
      const returned = await this.heldWork.giveBack(member.id, senior?.id ?? null, context);
      const handedTo = senior ? { id: senior.id, name: senior.displayName } : null;
      await this.events.record(
        [
          {
            type: 'staff.deactivated',
            occurredAt: now,
            requestId: null,
            subjectId: null,
            details: {
              staffId: member.id,
              email: member.email,
              displayName: member.displayName,
              returnedRequests: returned,
              handedToId: handedTo?.id ?? null,
              handedToName: handedTo?.name ?? null,
            },
          } satisfies StaffDeactivated,
        ],
        context,
      );
      return { staffId: member.id, displayName: member.displayName, returned, handedTo };
    });
  }

  /** The held work goes to an active senior reviewer, never to the account being deactivated. */
  private async seniorTakingOver(id: string, member: StaffMember): Promise<StaffMember> {
    const senior = isUuid(id) ? await this.staff.findById(id) : null;
    if (!senior || !senior.active || senior.role !== 'SENIOR_REVIEWER' || senior.id === member.id)
      throw new NotAnActiveSeniorError();
    return senior;
  }
}
