import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';

/** Everything wrong with the details of a new account, said at once. */
export class InvalidStaffDetailsError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.invalid-details';
  constructor(readonly problems: readonly Message[]) {
    super({ problems: oneAfterAnother(problems) });
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

export class SignInThrottledError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.sign-in-throttled';
  constructor(
    readonly scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    super({ scope, minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
  }
}

/** Problems as one message, in order: "a; b; c" · "甲；乙；丙". */
function oneAfterAnother(problems: readonly Message[]): Message | undefined {
  return problems.reduceRight<Message | undefined>(
    (more, problem) => (more ? msg('identity.staff.problemAndMore', { problem, more }) : problem),
    undefined,
  );
}
