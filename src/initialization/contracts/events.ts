import type { DomainEvent } from '../../shared/domain/domain-event.js';
import type {
  CorrectableField,
  DocumentKind,
  RejectReason,
  RequestStatus,
  RiskFlag,
  SubjectType,
} from './vocabulary.js';

/**
 * The events an initialization request records, published to the other contexts: one
 * named type per event, with exactly the details the aggregate records (and the audit
 * trail stores). Reactions subscribe to these (`@ReactsTo('request.approved')` reacts to a
 * `RequestApproved`) and read the details as typed here, without validating them again.
 * Moments in details are ISO 8601 strings: the details are stored as JSON as they are.
 */

/** Who the applicant-facing notices of an event go to. */
export type ApplicantContact = {
  readonly reference: string;
  readonly applicantEmail: string;
  readonly applicantName: string;
};

/** What a final approval hands over: the account email it replaces, and the request's deadline kept or missed. */
export type ApprovalEffect = {
  readonly reference: string;
  readonly newAccountEmail: string;
  /** The subject's account email the approval replaced (null: it had none). */
  readonly previousAccountEmail: string | null;
  readonly aliyunAccountId: string;
  readonly slaOutcome: 'MET' | 'MISSED' | null;
};

/** Marks a change made because the holder's account was deactivated, and the state the request kept. */
export type GivenBack = {
  readonly because: 'holder-deactivated';
  readonly status: RequestStatus;
};

export type Reassignment = {
  /** Null: nobody held it. */
  readonly fromId: string | null;
  readonly fromName: string | null;
  readonly assigneeId: string;
  readonly assigneeName: string;
};

export type RequestSubmitted = DomainEvent<
  'request.submitted',
  {
    readonly reference: string;
    readonly externalId: string;
    readonly intakeClient: string;
    readonly subjectType: SubjectType;
    readonly filingNumber: string;
    readonly riskFlags: readonly RiskFlag[];
    readonly documents: readonly DocumentKind[];
    /** Null when the business calendar has no day to count the deadline in. */
    readonly dueAt: string | null;
  }
>;

export type RequestClaimed = DomainEvent<
  'request.claimed',
  { readonly assigneeId: string; readonly assigneeName: string }
>;

/** By the holder (no details), or by a deactivation of the holder's account. */
export type RequestReleased = DomainEvent<
  'request.released',
  | Readonly<Record<string, never>>
  | ({ readonly fromId: string; readonly fromName: string } & GivenBack)
>;

/** By a senior reviewer, or to the senior a deactivated holder's work was handed to. */
export type RequestReassigned = DomainEvent<
  'request.reassigned',
  Reassignment | (Reassignment & GivenBack)
>;

export type RequestChecksRecorded = DomainEvent<
  'request.checks_recorded',
  {
    readonly checks: readonly {
      readonly documentId: string;
      readonly kind: DocumentKind;
      readonly legible: boolean;
      readonly authentic: boolean;
      readonly valid: boolean;
      readonly matchesApplication: boolean;
      readonly note: string;
    }[];
  }
>;

/** A first approval that waits for a senior's (and why), or the only one, final. */
export type RequestApproved = DomainEvent<
  'request.approved',
  | {
      readonly awaitingSecondApproval: true;
      readonly why: readonly ('organization' | RiskFlag)[];
    }
  | ({ readonly awaitingSecondApproval: false } & ApprovalEffect)
>;

export type RequestSecondApprovalGiven = DomainEvent<
  'request.second_approval_given',
  { readonly firstApprovedBy: string | null } & ApprovalEffect
>;

export type RequestReturnedForReview = DomainEvent<
  'request.returned_for_review',
  { readonly note: string; readonly assigneeName: string | null }
>;

export type RequestRejected = DomainEvent<
  'request.rejected',
  { readonly reasons: readonly RejectReason[]; readonly message: string } & ApplicantContact
>;

export type RequestInformationRequested = DomainEvent<
  'request.information_requested',
  {
    readonly documents: readonly DocumentKind[];
    readonly fields: readonly CorrectableField[];
    readonly message: string;
    /** The reply deadline. */
    readonly expiresAt: string;
  } & ApplicantContact
>;

export type RequestResubmitted = DomainEvent<
  'request.resubmitted',
  {
    readonly documents: readonly DocumentKind[];
    readonly fields: readonly CorrectableField[];
    /** Each corrected field, was → now, as the trail may show them (identifiers masked). */
    readonly changes: readonly {
      readonly field: CorrectableField;
      readonly was: string;
      readonly now: string;
    }[];
    readonly flagsRaised: readonly RiskFlag[];
    readonly flagsCleared: readonly RiskFlag[];
    readonly dueAt: string | null;
    readonly assigneeName: string | null;
  }
>;

export type RequestWithdrawn = DomainEvent<'request.withdrawn', Readonly<Record<string, never>>>;

export type RequestExpired = DomainEvent<
  'request.expired',
  { readonly requestedAt: string | null } & ApplicantContact
>;

export type RequestDeadlineRescheduled = DomainEvent<
  'request.deadline_rescheduled',
  { readonly previousDueAt: string | null; readonly dueAt: string }
>;

export type RequestReplyDeadlineRescheduled = DomainEvent<
  'request.reply_deadline_rescheduled',
  { readonly previousExpiresAt: string | null; readonly expiresAt: string }
>;

export type RequestFlagged = DomainEvent<
  'request.flagged',
  { readonly flags: readonly RiskFlag[]; readonly because?: string }
>;

export type RequestNoteAdded = DomainEvent<'request.note_added', { readonly note: string }>;

/** Every event an initialization request records. */
export type InitializationRequestEvent =
  | RequestSubmitted
  | RequestClaimed
  | RequestReleased
  | RequestReassigned
  | RequestChecksRecorded
  | RequestApproved
  | RequestSecondApprovalGiven
  | RequestReturnedForReview
  | RequestRejected
  | RequestInformationRequested
  | RequestResubmitted
  | RequestWithdrawn
  | RequestExpired
  | RequestDeadlineRescheduled
  | RequestReplyDeadlineRescheduled
  | RequestFlagged
  | RequestNoteAdded;
