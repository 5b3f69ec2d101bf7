import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import type { CorrectableField } from './correctable-field.js';
import type { DocumentKind } from './document-kind.js';
import type { RequestStatus } from './request-status.js';

/**
 * The refusals of the review. Each names its facts (who holds the request, its state, the
 * documents); the sentence is `error.<code>` in the catalogues (`request.ts`), in the
 * reader's language.
 */

/** What a person who is not a reviewer was refused. */
export type ReviewerOnlyAction =
  | 'claim'
  | 'hold'
  /** A reassignment to somebody who is not an active reviewer. */
  | 'holdActive'
  | AssigneeAction;

/** What only the reviewer holding the request may do. */
export type AssigneeAction = 'release' | 'check' | 'approve' | 'reject' | 'requestInformation';

/** What only a senior reviewer may do. */
export type SeniorAction = 'reassign' | SecondReviewAction;

/** What a senior does to a request awaiting the second approval (never its first approver). */
export type SecondReviewAction = 'secondApproval' | 'return' | 'reject';

/** A change of state the request may refuse. */
export type Transition =
  | 'claim'
  | 'release'
  | 'reassign'
  | 'check'
  | 'approve'
  | 'secondApproval'
  | 'return'
  | 'reject'
  | 'requestInformation'
  | 'withdraw'
  | 'expire'
  /** Expiry before the applicant's time to answer is over. */
  | 'expireYet';

export type CheckProblem = { kind: DocumentKind; problem: 'unchecked' | 'failed' | 'missing' };

/** The state as a sentence names it: "pending review", "approved". */
const statusInSentence = (status: RequestStatus): Message =>
  msg(`request.status.${status}.inSentence`);

/**
 * Several messages one after another, as one: `key` shows `{problem}`, then `{more}` (the
 * rest, the same way) when there are `{others}`.
 */
function oneAfterAnother(
  key: 'error.request.incomplete-decision' | 'request.checkProblems',
  messages: readonly Message[],
): { problem: Message | string; others: number; more: Message | string } {
  const [problem = '', ...rest] = messages;
  return {
    problem,
    others: rest.length,
    more: rest.length > 0 ? msg(key, oneAfterAnother(key, rest)) : '',
  };
}

export class RequestNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'request.not-found';
  constructor(reference: string) {
    super({ reference });
  }
}

export class NotAReviewerError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.not-a-reviewer';
  constructor(action: ReviewerOnlyAction) {
    super({ action });
  }
}

export class SeniorReviewerOnlyError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.senior-only';
  constructor(action: SeniorAction) {
    super({ action });
  }
}

export class RequestAlreadyClaimedError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.already-claimed';
  constructor(holderName: string | null, byYou: boolean) {
    super({
      byYou: byYou ? 'yes' : 'no',
      holder: holderName ?? msg('request.anotherReviewer'),
    });
  }
}

export class NotAssigneeError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.not-assignee';
  constructor(action: AssigneeAction, holderName: string | null) {
    super({ action, held: holderName ? 'yes' : 'no', holder: holderName ?? '' });
  }
}

/** The request is not in a state that allows this (decided already, waiting for the applicant, …). */
export class InvalidTransitionError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.invalid-transition';
  constructor(status: RequestStatus, action: Transition) {
    super({ status: statusInSentence(status), action });
  }
}

export class ChecksIncompleteError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.checks-incomplete';
  constructor(readonly problems: CheckProblem[]) {
    super({
      problems: msg(
        'request.checkProblems',
        oneAfterAnother(
          'request.checkProblems',
          problems.map(({ kind, problem }) =>
            msg(`request.checkProblem.${problem}`, { document: msg(`request.document.${kind}`) }),
          ),
        ),
      ),
    });
  }
}

export class ApprovalBlockedError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.approval-blocked';
}

export class SameReviewerSecondApprovalError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.same-reviewer-second-approval';
  constructor(action: SecondReviewAction = 'secondApproval') {
    super({ action });
  }
}

/** A decision's form lacks something; each problem is a sentence (`request.decisionProblem.*`). */
export class IncompleteDecisionError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.incomplete-decision';
  constructor(readonly problems: Message[]) {
    super(oneAfterAnother('error.request.incomplete-decision', problems));
  }
}

export class UnknownDocumentError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.unknown-document';
  constructor(documentId: string) {
    super({ document: documentId });
  }
}

export class StaleRequestError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.stale';
}

export class ResubmissionNotExpectedError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'request.resubmission-not-expected';
  constructor(status: RequestStatus) {
    super({ status: statusInSentence(status) });
  }
}

export class SubjectNotRegisteredError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.subject-not-registered';
  constructor(filingNumber: string) {
    super({ filingNumber });
  }
}

/** What a resubmission lacks or adds beyond the request for information. */
export interface ResubmissionMismatch {
  missingDocuments: DocumentKind[];
  unaskedDocuments: string[];
  missingFields: CorrectableField[];
  unaskedFields: string[];
}

/**
 * The applicant's answer (an API call) names document kinds and fields by their codes;
 * the API lists each of them (`document.required`, `document.not-requested`, …).
 */
export class ResubmissionMismatchError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'request.resubmission-mismatch';
  constructor(readonly mismatch: ResubmissionMismatch) {
    const missing = [...mismatch.missingDocuments, ...mismatch.missingFields];
    const unasked = [...mismatch.unaskedDocuments, ...mismatch.unaskedFields];
    super({
      missing: missing.join(', '),
      missingCount: missing.length,
      unasked: unasked.join(', '),
      unaskedCount: unasked.length,
    });
  }
}

export class DocumentNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'request.document-not-found';
}

/** The file was removed by the retention job: its record stays, its bytes are gone for good (410). */
export class DocumentPurgedError extends DomainError {
  readonly category = 'gone';
  readonly code = 'request.document-purged';
  constructor(at: Date) {
    super({ at });
  }
}

export class DocumentAccessError extends DomainError {
  readonly category = 'not-allowed';
  readonly code = 'request.document-not-allowed';
}
