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
  reason: string;
}

export class InvalidSubjectDetailsError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'registry.invalid-subject-details';
  constructor(readonly problems: SubjectDetailProblem[]) {
    super(
      `The filing subject details are not valid: ${problems.map((problem) => problem.reason.replace(/\.$/, '')).join('; ')}.`,
    );
  }
}

export class FilingSubjectNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'registry.subject-not-found';
  constructor(reference: string) {
    super(`There is no filing subject ${reference} in the registry.`);
  }
}

export class FilingNumberTakenError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'registry.filing-number-taken';
  constructor(readonly filingNumber: string) {
    super(`The registry already holds the filing number ${filingNumber}.`);
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
    super(
      otherFilingNumber
        ? `The Alibaba Cloud account ${aliyunAccountId} already holds the filing subject ${otherFilingNumber}; one account can hold only one subject.`
        : `The Alibaba Cloud account ${aliyunAccountId} already holds another filing subject; one account can hold only one subject.`,
    );
  }
}

export class FilingSubjectChangedConcurrentlyError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'registry.subject-changed-concurrently';
  constructor(filingNumber: string) {
    super(`The filing subject ${filingNumber} was changed by someone else meanwhile; try again.`);
  }
}
