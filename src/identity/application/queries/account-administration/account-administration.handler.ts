import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DomainError } from '../../../../shared/domain/domain-error.js';
import type { Message } from '../../../../shared/i18n/message.js';
import {
  refuseUnsafeAccountChange,
  type AccountChangeRequest,
} from '../../../domain/account-administration.js';
import { StaffMemberAlreadyInactiveError } from '../../../domain/staff-member.errors.js';
import { StaffMemberNotFoundError } from '../../../domain/staff-member.errors.js';
import { HELD_WORK, type HeldWork } from '../../../contracts/held-work.js';
import {
  STAFF_MEMBER_REPOSITORY,
  type StaffMemberRepository,
} from '../../ports/staff-member.repository.js';
import {
  AccountAdministrationQuery,
  type AccountAdministration,
} from './account-administration.query.js';

@QueryHandler(AccountAdministrationQuery)
export class AccountAdministrationHandler implements IQueryHandler<AccountAdministrationQuery> {
  constructor(
    @Inject(STAFF_MEMBER_REPOSITORY) private readonly staff: StaffMemberRepository,
    @Inject(HELD_WORK) private readonly heldWork: HeldWork,
  ) {}

  async execute(query: AccountAdministrationQuery): Promise<AccountAdministration> {
    const everyone = await this.staff.list();
    const member = everyone.find((candidate) => candidate.id === query.staffId);
    if (!member) throw new StaffMemberNotFoundError(query.staffId);
    const activeAdminIds = everyone
      .filter((candidate) => candidate.active && candidate.role === 'ADMIN')
      .map((candidate) => candidate.id);
    const change = { by: query.viewer, member, activeAdminIds };
    return {
      member: {
        id: member.id,
        displayName: member.displayName,
        email: member.email,
        role: member.role,
        active: member.active,
      },
      // A role change names no new role yet: the rules are asked as for any other role.
      roleChangeRefusal: refusalOf({ ...change, change: 'role', newRole: '' }),
      deactivationRefusal: member.active
        ? refusalOf({ ...change, change: 'deactivate' })
        : new StaffMemberAlreadyInactiveError(member.email).sentence,
      held: query.withHeldWork ? await this.heldWork.heldBy(member.id, query.viewer) : [],
      seniors: everyone
        .filter(
          (candidate) =>
            candidate.active && candidate.role === 'SENIOR_REVIEWER' && candidate.id !== member.id,
        )
        .map((senior) => ({ id: senior.id, name: senior.displayName })),
    };
  }
}

/** What the rules would say to this change now, or null when they allow it. */
function refusalOf(request: AccountChangeRequest): Message | null {
  try {
    refuseUnsafeAccountChange(request);
    return null;
  } catch (error) {
    if (error instanceof DomainError) return error.sentence;
    throw error;
  }
}
