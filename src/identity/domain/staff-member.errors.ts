import { DomainError } from '../../shared/domain/domain-error.js';

export class InvalidStaffDetailsError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'staff.invalid-details';
  constructor(readonly problems: string[]) {
    super(`The staff account cannot be created: ${problems.join('; ')}.`);
  }
}

export class StaffEmailTakenError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.email-taken';
  constructor(email: string) {
    super(`A staff account with the email ${email} already exists.`);
  }
}

export class StaffMemberNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'staff.not-found';
  constructor(reference: string) {
    super(`There is no staff account ${reference}.`);
  }
}

export class StaffMemberAlreadyInactiveError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'staff.already-inactive';
  constructor(email: string) {
    super(`The staff account ${email} is already deactivated.`);
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.invalid-credentials';
  constructor() {
    super('The email or password is not correct.');
  }
}

export class SignInThrottledError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'staff.sign-in-throttled';
  constructor(
    readonly scope: 'account' | 'address',
    readonly retryAfterSeconds: number,
  ) {
    const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
    super(
      scope === 'account'
        ? `Too many failed sign-ins for this account. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
        : `Too many failed sign-ins from your network address. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
    );
  }
}
