import { DomainError, type DomainErrorCategory } from '../../shared/domain/domain-error.js';
import type { Message } from '../../shared/i18n/message.js';
import { oneAfterAnother } from './staff-member.errors.js';

/** The fields of the forms that set a password, as their problems name them. */
export type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** Everything wrong with a new password (and the current one, when it is asked for), said at once. */
export class InvalidPasswordError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.invalid-password';
  readonly problems: readonly Message[];
  constructor(readonly byField: Readonly<Partial<Record<PasswordField, readonly Message[]>>>) {
    const problems = Object.values(byField).flatMap((messages) => messages ?? []);
    super({ problems: oneAfterAnother(problems) });
    this.problems = problems;
  }
}

/** Why a set-password link cannot set a password. */
export type UnusableLinkReason = 'unknown' | 'used' | 'expired' | 'voided' | 'inactive';

const CATEGORY_BY_REASON: Record<UnusableLinkReason, DomainErrorCategory> = {
  unknown: 'not-found',
  used: 'conflict',
  expired: 'conflict',
  voided: 'conflict',
  inactive: 'not-allowed',
};

export class PasswordLinkUnusableError extends DomainError {
  readonly category: DomainErrorCategory;
  readonly code = 'staff.password-link-unusable';
  constructor(readonly reason: UnusableLinkReason) {
    super({ reason });
    this.category = CATEGORY_BY_REASON[reason];
  }
}

/** A deactivated account gets no set-password link (reactivate it first). */
export class PasswordResetOfInactiveAccountError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.reset-of-inactive';
  constructor(readonly email: string) {
    super({ email });
  }
}
