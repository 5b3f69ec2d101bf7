import { DomainError } from '../../shared/domain/domain-error.js';

/** A field of a subject or website, and what is wrong with it. */
export interface SubjectDetailProblem {
  field:
    | 'type'
    | 'name'
    | 'credentialNumber'
    | 'filingNumber'
    | 'accountEmail'
    | 'aliyunAccountId'
    | 'websiteFilingNumber'
    | 'domain';
  /**
   * In English, as the credential checks (`@lib/credentials`) word it: for the import's
   * error report and the command line.
   */
  reason: string;
}

export class InvalidSubjectDetailsError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'registry.invalid-subject-details';
  constructor(readonly problems: SubjectDetailProblem[]) {
    super({
      reasons: problems.map((problem) => problem.reason.replace(/\.$/, '')).join('; '),
    });
  }
}

export class FilingSubjectNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'registry.subject-not-found';
  constructor(readonly reference: string) {
    super({ reference });
  }
}

export class FilingNumberTakenError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'registry.filing-number-taken';
  constructor(readonly filingNumber: string) {
    super({ filingNumber });
  }
}

/** One Alibaba Cloud account holds at most one filing subject. */
export class AccountHoldsOtherSubjectError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'registry.account-holds-other-subject';
  constructor(
    readonly aliyunAccountId: string,
    readonly otherFilingNumber: string | null = null,
  ) {
    super({ account: aliyunAccountId, holder: otherFilingNumber ?? UNKNOWN_HOLDER });
  }
}

export class FilingSubjectChangedConcurrentlyError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'registry.subject-changed-concurrently';
  constructor(readonly filingNumber: string) {
    super({ filingNumber });
  }
}

/** The sentence's choice when the database refused the binding without naming the other subject. */
const UNKNOWN_HOLDER = 'unknown';
