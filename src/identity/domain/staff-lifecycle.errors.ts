import { DomainError } from '../../shared/domain/domain-error.js';
import type { StaffRole } from '../../shared/domain/staff-role.js';
import { msg } from '../../shared/i18n/message.js';

/** What an admin does to a staff account, as the refusals name it. */
export type AccountChange = 'role' | 'deactivate';

export class StaffMemberAlreadyActiveError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.already-active';
  constructor(readonly email: string) {
    super({ email });
  }
}

export class StaffRoleUnchangedError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.role-unchanged';
  constructor(name: string, role: StaffRole) {
    super({ name, role: msg(`common.role.${role}`) });
  }
}

/** An admin never changes their own role nor deactivates themselves: another admin does. */
export class OwnAccountChangeError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.own-account';
  constructor(readonly change: AccountChange) {
    super({ change });
  }
}

/** The desk always keeps an active administrator. */
export class LastActiveAdminError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.last-admin';
  constructor(
    name: string,
    readonly change: AccountChange,
  ) {
    super({ name, change });
  }
}

/** The held work of a deactivated account goes to a senior reviewer who is active. */
export class NotAnActiveSeniorError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.not-an-active-senior';
}

export class UnknownStaffRoleError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.unknown-role';
  constructor(readonly role: string) {
    super({ role });
  }
}
