import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { StaffRole } from '../../../../shared/domain/staff-role.js';
import type { Message } from '../../../../shared/i18n/message.js';
import type { HeldRequest } from '../../../contracts/held-work.js';

/** A staff account as its administration pages show it, with everything decided. */
export interface AccountAdministration {
  member: {
    id: string;
    displayName: string;
    email: string;
    role: StaffRole;
    active: boolean;
  };
  /** Why its role cannot be changed by this viewer now; null: it can. */
  roleChangeRefusal: Message | null;
  /** Why it cannot be deactivated by this viewer now; null: it can. */
  deactivationRefusal: Message | null;
  /** The open requests it holds (asked for with `withHeldWork`; else empty). */
  held: HeldRequest[];
  /** The active senior reviewers, other than this account, who can take its requests over. */
  seniors: { id: string; name: string }[];
}

/** One account for the admin's role-change and deactivation pages. */
export class AccountAdministrationQuery extends Query<AccountAdministration> {
  constructor(
    readonly staffId: string,
    readonly viewer: StaffActor,
    readonly withHeldWork = false,
  ) {
    super();
  }
}
