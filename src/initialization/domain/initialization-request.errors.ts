import { DomainError } from '../../shared/domain/domain-error.js';
import { DOCUMENT_LABELS, type DocumentKind } from './document-kind.js';
import { STATUS_LABELS, type RequestStatus } from './request-status.js';

export class RequestNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'request.not-found';
  constructor(reference: string) {
    super(`There is no initialization request ${reference}.`);
  }
}

export class NotAReviewerError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.not-a-reviewer';
  constructor(action: string) {
    super(`Only reviewers and senior reviewers can ${action}.`);
  }
}

export class SeniorReviewerOnlyError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.senior-only';
  constructor(action: string) {
    super(`Only a senior reviewer can ${action}.`);
  }
}

export class RequestAlreadyClaimedError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.already-claimed';
  constructor(holderName: string | null, byYou: boolean) {
    super(
      byYou
        ? 'You already hold this request.'
        : `${holderName ?? 'Another reviewer'} claimed this request a moment ago.`,
    );
  }
}

export class NotAssigneeError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.not-assignee';
  constructor(verb: string, holderName: string | null) {
    super(
      holderName
        ? `Only the reviewer holding this request can ${verb} it; ${holderName} holds it.`
        : `Only the reviewer holding this request can ${verb} it; claim it first.`,
    );
  }
}

/** The request is not in a state that allows this (decided already, waiting for the applicant, …). */
export class InvalidTransitionError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.invalid-transition';
  constructor(status: RequestStatus, verb: string) {
    super(`This request is ${STATUS_LABELS[status].toLowerCase()}, so it cannot be ${verb}.`);
  }
}

export class ChecksIncompleteError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.checks-incomplete';
  constructor(
    readonly problems: { kind: DocumentKind; problem: 'unchecked' | 'failed' | 'missing' }[],
  ) {
    super(
      'Every required document must be present and checked with all answers yes before approval: ' +
        problems
          .map(({ kind, problem }) =>
            problem === 'missing'
              ? `${DOCUMENT_LABELS[kind]} is missing`
              : problem === 'unchecked'
                ? `${DOCUMENT_LABELS[kind]} is not checked`
                : `${DOCUMENT_LABELS[kind]} failed a check`,
          )
          .join('; ') +
        '.',
    );
  }
}

export class ApprovalBlockedError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.approval-blocked';
  constructor() {
    super(
      'The Alibaba Cloud account already holds another filing subject (one account, one subject), so this request cannot be approved.',
    );
  }
}

export class SameReviewerSecondApprovalError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.same-reviewer-second-approval';
  constructor(
    verb: 'give the second approval' | 'return it' | 'reject it' = 'give the second approval',
  ) {
    super(`This request was approved by you; a different senior reviewer must ${verb}.`);
  }
}

export class IncompleteDecisionError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.incomplete-decision';
  constructor(readonly problems: string[]) {
    super(problems.join(' '));
  }
}

export class UnknownDocumentError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.unknown-document';
  constructor(documentId: string) {
    super(`Document ${documentId} is not one of this request's current documents.`);
  }
}

export class StaleRequestError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.stale';
  constructor() {
    super('This request changed since you opened it; the page now shows its current state.');
  }
}

export class ResubmissionNotExpectedError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.resubmission-not-expected';
  constructor(status: RequestStatus) {
    super(
      `This request is ${STATUS_LABELS[status].toLowerCase()}; it is not waiting for documents from the applicant.`,
    );
  }
}

export class SubjectNotRegisteredError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.subject-not-registered';
  constructor(filingNumber: string) {
    super(
      `No filing subject ${filingNumber} is in the registry, so there is no account email to replace; reject the request or import the subject first.`,
    );
  }
}

export class ResubmissionMismatchError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.resubmission-mismatch';
  constructor(missing: DocumentKind[], unasked: DocumentKind[]) {
    const parts: string[] = [];
    if (missing.length)
      parts.push(
        `the reviewer asked for ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} missing`,
      );
    if (unasked.length)
      parts.push(`${unasked.join(', ')} ${unasked.length === 1 ? 'was' : 'were'} not asked for`);
    super(`The resubmission does not answer the request for information: ${parts.join('; ')}.`);
  }
}

export class DocumentNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'request.document-not-found';
  constructor() {
    super('This request has no such document.');
  }
}

export class DocumentAccessError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.document-not-allowed';
  constructor() {
    super('Only reviewers, senior reviewers and auditors can view the documents of a request.');
  }
}
