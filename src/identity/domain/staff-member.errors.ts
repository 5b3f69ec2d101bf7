import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import type { FailureScope } from './sign-in-allowance.js';

/** The fields of the new-account form, as its problems name them. */
export type StaffDetailsField = 'email' | 'displayName' | 'role' | 'password';

/** Everything wrong with the details of a new account, said at once, each beside its field. */
export class InvalidStaffDetailsError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.invalid-details';
  readonly problems: readonly Message[];
  constructor(readonly byField: Readonly<Partial<Record<StaffDetailsField, readonly Message[]>>>) {
    const problems = Object.values(byField).flatMap((messages) => messages ?? []);
    super({ problems: oneAfterAnother(problems) });
    this.problems = problems;
  }
}

export class StaffEmailTakenError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.email-taken';
  constructor(readonly email: string) {
    super({ email });
  }
}

export class StaffMemberNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'staff.not-found';
  constructor(readonly reference: string) {
    super({ reference });
  }
}

export class StaffMemberAlreadyInactiveError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.already-inactive';
  constructor(readonly email: string) {
    super({ email });
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.invalid-credentials';
}

/**
 * An attempt refused (or a failure answered) because of a lockout of this address (from
 * this account, or from all) or of the account's slow-down; it says how long to wait,
 * in seconds under a minute, in minutes from then on.
 */
export class SignInThrottledError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.sign-in-throttled';
  constructor(
    readonly scope: FailureScope,
    readonly retryAfterSeconds: number,
  ) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
    super(
      seconds < 60
        ? { scope, unit: 'seconds', count: seconds }
        : { scope, unit: 'minutes', count: Math.ceil(seconds / 60) },
    );
  }
}

/** Problems (sentences) as one message, in order: "A. B. C." · "甲。乙。丙。" */
export function oneAfterAnother(problems: readonly Message[]): Message | undefined {
  return problems.reduceRight<Message | undefined>(
    (more, problem) => (more ? msg('identity.staff.problemAndMore', { problem, more }) : problem),
    undefined,
  );
}
