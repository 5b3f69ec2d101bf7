import type { StaffActor } from '../../shared/domain/actor.js';
import type { EventDetails } from '../../shared/domain/domain-event.js';
import { msg, type Message } from '../../shared/i18n/message.js';
import type {
  ApplicantContact,
  ApprovalEffect,
  InitializationRequestEvent,
} from '../contracts/events.js';
import {
  auditedValue,
  CORRECTABLE_FIELDS,
  isCorrectableField,
  type CorrectableField,
  type CorrectedValues,
  type FieldChange,
} from './correctable-field.js';
import { isDocumentKind, requiredDocuments, type DocumentKind } from './document-kind.js';
import {
  ApprovalBlockedError,
  ChecksIncompleteError,
  IncompleteDecisionError,
  InvalidTransitionError,
  NotAReviewerError,
  NotAssigneeError,
  RequestAlreadyClaimedError,
  ResubmissionMismatchError,
  ResubmissionNotExpectedError,
  SameReviewerSecondApprovalError,
  SeniorReviewerOnlyError,
  SubjectNotRegisteredError,
  UnknownDocumentError,
  type AssigneeAction,
  type CheckProblem,
  type ReviewerOnlyAction,
  type SecondReviewAction,
  type Transition,
} from './initialization-request.errors.js';
import { REJECT_REASONS, type RejectReason } from './reject-reason.js';
import { writeNote, type RequestNote } from './request-note.js';
import { CLOCK_RUNNING_STATUSES, isTerminal, type RequestStatus } from './request-status.js';
import { BLOCKING_FLAGS, type RiskFlag } from './risk-flag.js';
import type { ApplicantRole, SubjectType } from './subject-type.js';

/** A staff member acting on a request: who they are and their role. */
export type Reviewer = StaffActor;

/** The filing registry's answer, read inside the deciding transaction. */
export interface RegistryView {
  /** The registry subject matching the filing number now (null: not registered). */
  subjectId: string | null;
  /** The Alibaba Cloud account is bound to a different subject. */
  accountHeldByOtherSubject: boolean;
  /** The subject's account email now, which approval replaces (and notifies). */
  accountEmail: string | null;
}

export interface Applicant {
  name: string;
  idNumber: string;
  role: ApplicantRole;
  phone: string;
}

/** The filing information as the applicant entered it. */
export interface FilingInfo {
  filingNumber: string;
  /** The subject's number the filing number belongs to (`浙ICP备12345678号`). */
  subjectFilingNumber: string;
  province: string | null;
  subjectName: string;
  credentialNumber: string;
}

export interface RequestDocument {
  id: string;
  kind: DocumentKind;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /**
   * The encrypted file's key in the documents store (null: a file stored in the clear
   * before encryption, found by its SHA-256 until `documents:encrypt-legacy` runs).
   */
  storageKey: string | null;
  originalName: string;
  uploadedAt: Date;
  /** Set when a resubmission replaced this file; superseded files stay for the record, with their checks. */
  supersededAt: Date | null;
  /** The earlier version of the same kind this one replaced (null: sent with the application). */
  replacesDocumentId: string | null;
  /**
   * When the retention job removed the file, DOCUMENT_RETENTION_DAYS after the request
   * ended (null: stored). The record stays: its SHA-256 still detects reuse.
   */
  purgedAt: Date | null;
}

export interface DocumentCheck {
  documentId: string;
  legible: boolean;
  authentic: boolean;
  valid: boolean;
  matchesApplication: boolean;
  note: string;
  checkedBy: string;
  checkedByName: string;
  checkedAt: Date;
}

export type DocumentCheckInput = Pick<
  DocumentCheck,
  'documentId' | 'legible' | 'authentic' | 'valid' | 'matchesApplication' | 'note'
>;

export interface Approval {
  by: string;
  byName: string;
  at: Date;
}

export interface Decision {
  outcome: 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'WITHDRAWN';
  at: Date;
  by: string | null;
  byName: string | null;
  reasons: RejectReason[];
  /** What the applicant is told (rejections). */
  message: string | null;
}

export interface InformationRequest {
  documents: DocumentKind[];
  /** The fields the applicant must correct, by their intake names. */
  fields: CorrectableField[];
  /**
   * Fields asked for in free text before fields were named by code (older requests
   * only): shown as written, not correctable through a resubmission.
   */
  freeTextFields: string[];
  message: string;
  requestedAt: Date;
  requestedBy: string;
  requestedByName: string;
}

/**
 * What one resubmission changed: the corrected fields (was → now, in full; masked
 * where shown), the documents replaced, and the risk flags the new assessment raised
 * or cleared.
 */
export interface Correction {
  at: Date;
  /** The fields the applicant answered (those asked for). */
  fields: CorrectableField[];
  /** The document kinds replaced by a new version. */
  documents: DocumentKind[];
  /** The fields whose value changed. */
  changes: FieldChange[];
  flagsRaised: RiskFlag[];
  flagsCleared: RiskFlag[];
}

/** The applicant's answer to a request for information. */
export interface Resubmission {
  /** One new version per document kind asked for. */
  documents: Omit<RequestDocument, 'supersededAt' | 'replacesDocumentId' | 'purgedAt'>[];
  /** One corrected value per field asked for. */
  values: CorrectedValues;
}

/** The risk assessment of the request as the resubmission leaves it. */
export interface RiskAssessment {
  riskFlags: RiskFlag[];
  /** The registry subject the filing number matches now (null: none). */
  subjectId: string | null;
}

/** What the risk assessment reads of a request: the application, and its current documents. */
export interface AssessableApplication {
  subjectType: SubjectType;
  subjectFilingNumber: string;
  subjectName: string;
  credentialNumber: string;
  aliyunAccountId: string;
  documentHashes: string[];
}

export interface ReturnNote {
  by: string;
  byName: string;
  at: Date;
  note: string;
}

/**
 * The deadline of the current receipt: `dueAt` and the moment it becomes at
 * risk. Worked out by the SLA context's business calendar, stored on the request.
 */
export interface Deadline {
  dueAt: Date;
  atRiskAt: Date;
}

export interface SlaRecord {
  /** When the current receipt started the clock (intake, or the last resubmission). */
  clockStartedAt: Date;
  dueAt: Date | null;
  atRiskAt: Date | null;
  /** When AWAITING_APPLICANT turns into EXPIRED. */
  expiresAt: Date | null;
  atRiskFlaggedAt: Date | null;
  breachedFlaggedAt: Date | null;
  /** Whether the decision came by the deadline. */
  outcome: 'MET' | 'MISSED' | null;
}

export interface InitializationRequestProps {
  id: string;
  reference: string;
  externalId: string;
  intakeClient: string;
  receivedAt: Date;
  subjectType: SubjectType;
  filing: FilingInfo;
  applicant: Applicant;
  newAccountEmail: string;
  aliyunAccountId: string;
  /** The registry subject the filing number matched, if any. */
  subjectId: string | null;
  riskFlags: RiskFlag[];
  documents: RequestDocument[];
  checks: DocumentCheck[];
  status: RequestStatus;
  assigneeId: string | null;
  assigneeName: string | null;
  firstApproval: Approval | null;
  secondApproval: Approval | null;
  decision: Decision | null;
  informationRequest: InformationRequest | null;
  returnNote: ReturnNote | null;
  /** One entry per resubmission, oldest first. */
  corrections: Correction[];
  sla: SlaRecord;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export type NewRequest = Omit<
  InitializationRequestProps,
  | 'status'
  | 'assigneeId'
  | 'assigneeName'
  | 'checks'
  | 'firstApproval'
  | 'secondApproval'
  | 'decision'
  | 'informationRequest'
  | 'returnNote'
  | 'corrections'
  | 'sla'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

const REVIEWER_ROLES = ['REVIEWER', 'SENIOR_REVIEWER'];
/** The states in which somebody holds a request and has not finished with it. */
const HELD_STATUSES: RequestStatus[] = [
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'AWAITING_APPLICANT',
];

/**
 * An applicant's request to replace a filing subject's ICP Filing account email.
 * Owns every review rule: who may act, in which state, with which checks, and
 * when four eyes are needed. Each change records a domain event; the
 * application layer turns each into one audit event in the same transaction.
 */
export class InitializationRequest {
  private events: InitializationRequestEvent[] = [];
  private previousAccountEmail: string | null = null;

  private constructor(private props: InitializationRequestProps) {}

  /** A request as it arrives from the public filing system. */
  static submit(input: NewRequest, deadline: Deadline | null, now: Date): InitializationRequest {
    const request = new InitializationRequest({
      ...input,
      status: 'PENDING_REVIEW',
      assigneeId: null,
      assigneeName: null,
      checks: [],
      firstApproval: null,
      secondApproval: null,
      decision: null,
      informationRequest: null,
      returnNote: null,
      corrections: [],
      sla: {
        clockStartedAt: input.receivedAt,
        dueAt: deadline?.dueAt ?? null,
        atRiskAt: deadline?.atRiskAt ?? null,
        expiresAt: null,
        atRiskFlaggedAt: null,
        breachedFlaggedAt: null,
        outcome: null,
      },
      version: 0,
      createdAt: now,
      updatedAt: now,
    });
    request.record('request.submitted', now, {
      reference: input.reference,
      externalId: input.externalId,
      intakeClient: input.intakeClient,
      subjectType: input.subjectType,
      filingNumber: input.filing.filingNumber,
      riskFlags: input.riskFlags,
      documents: input.documents.map((document) => document.kind),
      dueAt: deadline?.dueAt.toISOString() ?? null,
    });
    return request;
  }

  static restore(props: InitializationRequestProps): InitializationRequest {
    return new InitializationRequest(props);
  }

  // ── reading ──────────────────────────────────────────────────────────────
  get id(): string {
    return this.props.id;
  }
  get reference(): string {
    return this.props.reference;
  }
  get status(): RequestStatus {
    return this.props.status;
  }
  get subjectId(): string | null {
    return this.props.subjectId;
  }
  get assigneeId(): string | null {
    return this.props.assigneeId;
  }
  get riskFlags(): readonly RiskFlag[] {
    return this.props.riskFlags;
  }
  get version(): number {
    return this.props.version;
  }
  get aliyunAccountId(): string {
    return this.props.aliyunAccountId;
  }
  get newAccountEmail(): string {
    return this.props.newAccountEmail;
  }
  get subjectFilingNumber(): string {
    return this.props.filing.subjectFilingNumber;
  }
  get currentDocuments(): RequestDocument[] {
    return this.props.documents.filter((document) => document.supersededAt === null);
  }
  get informationRequest(): InformationRequest | null {
    return this.props.informationRequest;
  }
  get corrections(): readonly Correction[] {
    return this.props.corrections;
  }

  /** A deep copy of the state, for persistence and read models. */
  toProps(): Readonly<InitializationRequestProps> {
    return deepCopy(this.props);
  }

  /** Domain events since the last call (each becomes one audit event). */
  pullEvents(): InitializationRequestEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  /** Four eyes: organizations, and any request carrying a risk flag. */
  needsSecondApproval(): boolean {
    return this.props.subjectType === 'ORGANIZATION' || this.props.riskFlags.length > 0;
  }

  isBlocked(): boolean {
    return this.props.riskFlags.some((flag) => BLOCKING_FLAGS.includes(flag));
  }

  /**
   * What stands between the assignee and approval, as sentences (empty when
   * approval is possible). The workspace shows these next to the button.
   */
  approvalObstacles(reviewer: Reviewer): Message[] {
    const obstacles: Message[] = [];
    if (this.props.status !== 'IN_REVIEW') obstacles.push(msg('request.approval.notInReview'));
    else if (this.props.assigneeId !== reviewer.id)
      obstacles.push(msg('request.approval.notHolder'));
    if (this.isBlocked()) obstacles.push(new ApprovalBlockedError().sentence);
    const problems = this.checkProblems();
    if (problems.length > 0) obstacles.push(new ChecksIncompleteError(problems).sentence);
    return obstacles;
  }

  // ── review ───────────────────────────────────────────────────────────────
  claim(reviewer: Reviewer, now: Date): void {
    this.requireReviewerRole(reviewer, 'claim');
    if (this.props.status === 'IN_REVIEW') {
      throw new RequestAlreadyClaimedError(
        this.props.assigneeName,
        this.props.assigneeId === reviewer.id,
      );
    }
    this.requireStatus(['PENDING_REVIEW'], 'claim');
    this.props.status = 'IN_REVIEW';
    this.assignTo(reviewer);
    this.record('request.claimed', now, { assigneeId: reviewer.id, assigneeName: reviewer.name });
  }

  release(reviewer: Reviewer, now: Date): void {
    this.requireStatus(['IN_REVIEW'], 'release');
    this.requireAssignee(reviewer, 'release');
    this.props.status = 'PENDING_REVIEW';
    this.props.assigneeId = null;
    this.props.assigneeName = null;
    this.record('request.released', now, {});
  }

  /** A senior hands the request to another reviewer (or takes it). */
  reassign(senior: Reviewer, to: Reviewer, now: Date): void {
    if (senior.role !== 'SENIOR_REVIEWER') throw new SeniorReviewerOnlyError('reassign');
    this.requireReviewerRole(to, 'hold');
    this.requireStatus(['PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_APPLICANT'], 'reassign');
    if (this.props.assigneeId === to.id) {
      throw new RequestAlreadyClaimedError(to.name, to.id === senior.id);
    }
    const from = { id: this.props.assigneeId, name: this.props.assigneeName };
    if (this.props.status === 'PENDING_REVIEW') this.props.status = 'IN_REVIEW';
    this.assignTo(to);
    this.record('request.reassigned', now, {
      fromId: from.id,
      fromName: from.name,
      assigneeId: to.id,
      assigneeName: to.name,
    });
  }

  // ── held work of a deactivated account ───────────────────────────────────
  /** Whether `staffId` holds the request and has not finished with it. */
  isHeldBy(staffId: string): boolean {
    return this.props.assigneeId === staffId && HELD_STATUSES.includes(this.props.status);
  }

  /**
   * Its holder's account was deactivated, so nobody holds it any more. The review
   * done so far stays (checks, deadline, flags, a first approval, the question put
   * to the applicant): a request in review is back in the queue for anyone to
   * claim, as a release puts it; one waiting for the applicant or for the second
   * approval keeps waiting, and the answer (or a return) comes to the queue.
   */
  releaseFromDeactivatedHolder(now: Date): void {
    this.requireStatus(HELD_STATUSES, 'release');
    const from = this.heldBy('release');
    if (this.props.status === 'IN_REVIEW') this.props.status = 'PENDING_REVIEW';
    this.props.assigneeId = null;
    this.props.assigneeName = null;
    this.record('request.released', now, {
      fromId: from.id,
      fromName: from.name,
      because: 'holder-deactivated',
      status: this.props.status,
    });
  }

  /**
   * Its holder's account was deactivated and `to` (a senior reviewer the admin chose)
   * holds it from now on, in the state it is in.
   */
  reassignFromDeactivatedHolder(to: Reviewer, now: Date): void {
    this.requireReviewerRole(to, 'hold');
    this.requireStatus(HELD_STATUSES, 'reassign');
    const from = this.heldBy('reassign');
    if (from.id === to.id) throw new RequestAlreadyClaimedError(to.name, false);
    this.assignTo(to);
    this.record('request.reassigned', now, {
      fromId: from.id,
      fromName: from.name,
      assigneeId: to.id,
      assigneeName: to.name,
      because: 'holder-deactivated',
      status: this.props.status,
    });
  }

  recordChecks(reviewer: Reviewer, inputs: DocumentCheckInput[], now: Date): void {
    this.requireStatus(['IN_REVIEW'], 'check');
    this.requireAssignee(reviewer, 'check');
    if (inputs.length === 0)
      throw new IncompleteDecisionError([msg('request.decisionProblem.noDocumentCheck')]);
    const current = new Map(this.currentDocuments.map((document) => [document.id, document]));
    for (const input of inputs) {
      if (!current.has(input.documentId)) throw new UnknownDocumentError(input.documentId);
    }
    for (const input of inputs) {
      const check: DocumentCheck = {
        ...input,
        note: input.note.trim(),
        checkedBy: reviewer.id,
        checkedByName: reviewer.name,
        checkedAt: now,
      };
      this.props.checks = [
        ...this.props.checks.filter((c) => c.documentId !== input.documentId),
        check,
      ];
    }
    this.record('request.checks_recorded', now, {
      checks: inputs.map((input) => ({
        documentId: input.documentId,
        kind: current.get(input.documentId)!.kind,
        legible: input.legible,
        authentic: input.authentic,
        valid: input.valid,
        matchesApplication: input.matchesApplication,
        note: input.note.trim(),
      })),
    });
  }

  /**
   * The assignee approves: final for an individual without risk flags, else it
   * waits for a senior's second approval.
   */
  approve(
    reviewer: Reviewer,
    registry: RegistryView,
    now: Date,
  ): 'APPROVED' | 'AWAITING_SECOND_APPROVAL' {
    this.requireStatus(['IN_REVIEW'], 'approve');
    this.requireAssignee(reviewer, 'approve');
    this.applyRegistryView(registry, now);
    const problems = this.checkProblems();
    if (problems.length > 0) throw new ChecksIncompleteError(problems);

    const approval = { by: reviewer.id, byName: reviewer.name, at: now };
    if (this.needsSecondApproval()) {
      this.props.status = 'AWAITING_SECOND_APPROVAL';
      this.props.firstApproval = approval;
      this.props.returnNote = null;
      this.record('request.approved', now, {
        awaitingSecondApproval: true,
        why:
          this.props.subjectType === 'ORGANIZATION'
            ? ['organization', ...this.props.riskFlags]
            : [...this.props.riskFlags],
      });
      return 'AWAITING_SECOND_APPROVAL';
    }
    this.props.firstApproval = approval;
    this.decide('APPROVED', reviewer, [], null, now);
    this.record('request.approved', now, {
      awaitingSecondApproval: false,
      ...this.approvalEffect(),
    });
    return 'APPROVED';
  }

  giveSecondApproval(senior: Reviewer, registry: RegistryView, now: Date): void {
    this.requireStatus(['AWAITING_SECOND_APPROVAL'], 'secondApproval');
    this.requireSecondReviewer(senior, 'secondApproval');
    this.applyRegistryView(registry, now);
    this.props.secondApproval = { by: senior.id, byName: senior.name, at: now };
    this.decide('APPROVED', senior, [], null, now);
    this.record('request.second_approval_given', now, {
      firstApprovedBy: this.props.firstApproval?.byName ?? null,
      ...this.approvalEffect(),
    });
  }

  returnForReview(senior: Reviewer, note: string, now: Date): void {
    this.requireStatus(['AWAITING_SECOND_APPROVAL'], 'return');
    this.requireSecondReviewer(senior, 'return');
    const text = note.trim();
    if (!text) throw new IncompleteDecisionError([msg('request.decisionProblem.noReturnNote')]);
    // Back to its holder; to the queue when nobody holds it (its holder was deactivated).
    this.props.status = this.props.assigneeId ? 'IN_REVIEW' : 'PENDING_REVIEW';
    this.props.returnNote = { by: senior.id, byName: senior.name, at: now, note: text };
    this.props.firstApproval = null;
    this.record('request.returned_for_review', now, {
      note: text,
      assigneeName: this.props.assigneeName,
    });
  }

  /** By the assignee while in review, or by a second senior instead of the second approval. */
  reject(reviewer: Reviewer, reasons: readonly string[], message: string, now: Date): void {
    this.requireStatus(['IN_REVIEW', 'AWAITING_SECOND_APPROVAL'], 'reject');
    if (this.props.status === 'IN_REVIEW') this.requireAssignee(reviewer, 'reject');
    else this.requireSecondReviewer(reviewer, 'reject');
    const problems: Message[] = [];
    const unknown = reasons.filter(
      (reason) => !(REJECT_REASONS as readonly string[]).includes(reason),
    );
    if (reasons.length === 0) problems.push(msg('request.decisionProblem.noReason'));
    if (unknown.length > 0)
      problems.push(msg('request.decisionProblem.unknownReasons', { reasons: unknown.join(', ') }));
    if (!message.trim()) problems.push(msg('request.decisionProblem.noApplicantMessage'));
    if (problems.length > 0) throw new IncompleteDecisionError(problems);
    const codes = [...new Set(reasons)] as RejectReason[];
    this.decide('REJECTED', reviewer, codes, message.trim(), now);
    this.record('request.rejected', now, {
      reasons: codes,
      message: message.trim(),
      ...this.applicantContact(),
    });
  }

  /**
   * Asks the applicant for documents or corrected fields (named by their intake
   * names, `applicant.phone`); the SLA clock stops.
   */
  requestInformation(
    reviewer: Reviewer,
    input: { documents: readonly string[]; fields: readonly string[]; message: string },
    expiresAt: Date,
    now: Date,
  ): void {
    this.requireStatus(['IN_REVIEW'], 'requestInformation');
    this.requireAssignee(reviewer, 'requestInformation');
    const documents = [...new Set(input.documents)].filter(isDocumentKind);
    const named = [...new Set(input.fields.map((field) => field.trim()).filter(Boolean))];
    const fields = CORRECTABLE_FIELDS.filter((field) => named.includes(field));
    const unknownFields = named.filter((field) => !isCorrectableField(field));
    const problems: Message[] = [];
    if (documents.length + named.length === 0)
      problems.push(msg('request.decisionProblem.nothingAsked'));
    if (documents.length < input.documents.length)
      problems.push(msg('request.decisionProblem.notADocumentKind'));
    if (unknownFields.length > 0)
      problems.push(
        msg('request.decisionProblem.notACorrectableField', {
          fields: unknownFields.join(', '),
          count: unknownFields.length,
        }),
      );
    if (!input.message.trim()) problems.push(msg('request.decisionProblem.noMessageWhy'));
    if (problems.length > 0) throw new IncompleteDecisionError(problems);
    this.props.status = 'AWAITING_APPLICANT';
    this.props.informationRequest = {
      documents,
      fields,
      freeTextFields: [],
      message: input.message.trim(),
      requestedAt: now,
      requestedBy: reviewer.id,
      requestedByName: reviewer.name,
    };
    this.props.sla.expiresAt = expiresAt;
    this.record('request.information_requested', now, {
      documents,
      fields,
      message: input.message.trim(),
      expiresAt: expiresAt.toISOString(),
      ...this.applicantContact(),
    });
  }

  /**
   * Refuses an answer that does not match the request for information: every document
   * and field asked for, and nothing else. (Free-text fields of older requests cannot be
   * answered by value; an answer to them is the documents alone.)
   */
  checkResubmission(answer: { documents: readonly string[]; fields: readonly string[] }): void {
    if (this.props.status !== 'AWAITING_APPLICANT' || !this.props.informationRequest)
      throw new ResubmissionNotExpectedError(this.props.status);
    const asked = this.props.informationRequest;
    const documents = new Set(answer.documents);
    const fields = new Set(answer.fields);
    const mismatch = {
      missingDocuments: asked.documents.filter((kind) => !documents.has(kind)),
      unaskedDocuments: [...documents].filter(
        (kind) => !(asked.documents as readonly string[]).includes(kind),
      ),
      missingFields: asked.fields.filter((field) => !fields.has(field)),
      unaskedFields: [...fields].filter(
        (field) => !(asked.fields as readonly string[]).includes(field),
      ),
    };
    if (Object.values(mismatch).some((list) => list.length > 0))
      throw new ResubmissionMismatchError(mismatch);
  }

  /**
   * The application and current documents as this answer would leave them, for the
   * risk assessment the resubmission needs (nothing changes here).
   */
  assessableAfter(answer: Resubmission): AssessableApplication {
    const replaced = new Set(answer.documents.map((document) => document.kind));
    const value = (field: CorrectableField): string => answer.values[field] ?? this.valueOf(field);
    return {
      subjectType: this.props.subjectType,
      subjectFilingNumber: this.props.filing.subjectFilingNumber,
      subjectName: value('subjectName'),
      credentialNumber: value('credentialNumber'),
      aliyunAccountId: value('aliyunAccountId'),
      documentHashes: [
        ...this.currentDocuments.filter((document) => !replaced.has(document.kind)),
        ...answer.documents,
      ].map((document) => document.sha256),
    };
  }

  /**
   * The applicant answered: the corrected values replace the old ones, each new
   * document becomes the current version of its kind (the earlier version stays, with
   * its checks; the new one needs its own), the risk flags are those of the new
   * assessment, and the request goes back to the same reviewer as a new receipt with a
   * new deadline. What changed is kept as a correction.
   */
  resubmit(
    answer: Resubmission,
    assessment: RiskAssessment,
    deadline: Deadline | null,
    now: Date,
  ): void {
    const fields = CORRECTABLE_FIELDS.filter((field) => answer.values[field] !== undefined);
    this.checkResubmission({
      documents: answer.documents.map((document) => document.kind),
      fields,
    });
    const changes: FieldChange[] = [];
    for (const field of fields) {
      const was = this.valueOf(field);
      const corrected = answer.values[field]!;
      if (was === corrected) continue;
      this.setValue(field, corrected);
      changes.push({ field, was, now: corrected });
    }
    const replacements: RequestDocument[] = [];
    for (const document of answer.documents) {
      const earlier = this.currentDocuments.find((current) => current.kind === document.kind);
      if (earlier) earlier.supersededAt = now;
      replacements.push({
        ...document,
        supersededAt: null,
        replacesDocumentId: earlier?.id ?? null,
        purgedAt: null,
      });
    }
    this.props.documents.push(...replacements);
    const previousFlags = this.props.riskFlags;
    const flagsRaised = assessment.riskFlags.filter((flag) => !previousFlags.includes(flag));
    const flagsCleared = previousFlags.filter((flag) => !assessment.riskFlags.includes(flag));
    this.props.riskFlags = [...assessment.riskFlags];
    this.props.subjectId = assessment.subjectId;
    const documents = replacements.map((document) => document.kind);
    this.props.corrections.push({ at: now, fields, documents, changes, flagsRaised, flagsCleared });
    this.props.status = this.props.assigneeId ? 'IN_REVIEW' : 'PENDING_REVIEW';
    this.props.informationRequest = null;
    this.props.sla = {
      clockStartedAt: now,
      dueAt: deadline?.dueAt ?? null,
      atRiskAt: deadline?.atRiskAt ?? null,
      expiresAt: null,
      atRiskFlaggedAt: null,
      breachedFlaggedAt: null,
      outcome: null,
    };
    this.record('request.resubmitted', now, {
      documents,
      fields,
      changes: changes.map((change) => ({
        field: change.field,
        was: auditedValue(change.field, change.was, this.props.subjectType),
        now: auditedValue(change.field, change.now, this.props.subjectType),
      })),
      flagsRaised,
      flagsCleared,
      dueAt: deadline?.dueAt.toISOString() ?? null,
      assigneeName: this.props.assigneeName,
    });
  }

  /** The public system withdraws a request that is not decided yet. */
  withdraw(now: Date): void {
    if (isTerminal(this.props.status))
      throw new InvalidTransitionError(this.props.status, 'withdraw');
    this.decide('WITHDRAWN', null, [], null, now);
    this.record('request.withdrawn', now, {});
  }

  /** Left unanswered too long while waiting for the applicant. */
  expire(now: Date): void {
    this.requireStatus(['AWAITING_APPLICANT'], 'expire');
    const expiresAt = this.props.sla.expiresAt;
    if (!expiresAt || now.getTime() < expiresAt.getTime())
      throw new InvalidTransitionError(this.props.status, 'expireYet');
    this.decide('EXPIRED', null, [], null, now);
    this.record('request.expired', now, {
      requestedAt: this.props.informationRequest?.requestedAt.toISOString() ?? null,
      ...this.applicantContact(),
    });
  }

  /**
   * The business calendar changed: the deadline of the current receipt is
   * worked out again. Returns whether it moved; a line crossed no longer can be flagged again.
   */
  reschedule(deadline: Deadline, now: Date): boolean {
    const sla = this.props.sla;
    if (!CLOCK_RUNNING_STATUSES.includes(this.props.status)) return false;
    if (
      sla.dueAt?.getTime() === deadline.dueAt.getTime() &&
      sla.atRiskAt?.getTime() === deadline.atRiskAt.getTime()
    )
      return false;
    const previousDueAt = sla.dueAt;
    sla.dueAt = deadline.dueAt;
    sla.atRiskAt = deadline.atRiskAt;
    if (deadline.atRiskAt.getTime() > now.getTime()) sla.atRiskFlaggedAt = null;
    if (deadline.dueAt.getTime() > now.getTime()) sla.breachedFlaggedAt = null;
    this.record('request.deadline_rescheduled', now, {
      previousDueAt: previousDueAt?.toISOString() ?? null,
      dueAt: deadline.dueAt.toISOString(),
    });
    return true;
  }

  /**
   * The business calendar changed while the applicant is being waited for: the
   * reply deadline (so many business days after the information request) is
   * worked out again. Returns whether it moved.
   */
  rescheduleReply(expiresAt: Date, now: Date): boolean {
    const previous = this.props.sla.expiresAt;
    if (this.props.status !== 'AWAITING_APPLICANT') return false;
    if (previous?.getTime() === expiresAt.getTime()) return false;
    this.props.sla.expiresAt = expiresAt;
    this.record('request.reply_deadline_rescheduled', now, {
      previousExpiresAt: previous?.toISOString() ?? null,
      expiresAt: expiresAt.toISOString(),
    });
    return true;
  }

  /** Adds risk flags found after intake (another request for the same subject was approved, …). */
  addFlags(flags: RiskFlag[], now: Date, because?: string): void {
    const added = flags.filter((flag) => !this.props.riskFlags.includes(flag));
    if (added.length === 0) return;
    this.props.riskFlags = [...this.props.riskFlags, ...added];
    this.record('request.flagged', now, { flags: added, ...(because ? { because } : {}) });
  }

  /**
   * An internal note for the staff, in any state (decided requests too): never sent
   * to the applicant, never changed afterwards. The note is returned to be stored.
   */
  addNote(author: Reviewer, text: string, now: Date): RequestNote {
    const note = writeNote(this.props.id, author, text, now);
    this.record('request.note_added', now, { note: note.text });
    return note;
  }

  // ── rules ────────────────────────────────────────────────────────────────
  /** A correctable field's value, as the application holds it now. */
  private valueOf(field: CorrectableField): string {
    const p = this.props;
    switch (field) {
      case 'applicant.name':
        return p.applicant.name;
      case 'applicant.idNumber':
        return p.applicant.idNumber;
      case 'applicant.phone':
        return p.applicant.phone;
      case 'newAccountEmail':
        return p.newAccountEmail;
      case 'aliyunAccountId':
        return p.aliyunAccountId;
      case 'subjectName':
        return p.filing.subjectName;
      case 'credentialNumber':
        return p.filing.credentialNumber;
    }
  }

  private setValue(field: CorrectableField, value: string): void {
    const p = this.props;
    switch (field) {
      case 'applicant.name':
        p.applicant.name = value;
        return;
      case 'applicant.idNumber':
        p.applicant.idNumber = value;
        return;
      case 'applicant.phone':
        p.applicant.phone = value;
        return;
      case 'newAccountEmail':
        p.newAccountEmail = value;
        return;
      case 'aliyunAccountId':
        p.aliyunAccountId = value;
        return;
      case 'subjectName':
        p.filing.subjectName = value;
        return;
      case 'credentialNumber':
        p.filing.credentialNumber = value;
        return;
    }
  }

  /** Approval hands over a registered subject's account: it must exist, and the account must be free. */
  private applyRegistryView(registry: RegistryView, now: Date): void {
    if (registry.accountHeldByOtherSubject) this.addFlags(['ACCOUNT_HOLDS_OTHER_SUBJECT'], now);
    if (this.isBlocked()) throw new ApprovalBlockedError();
    if (registry.subjectId === null)
      throw new SubjectNotRegisteredError(this.props.filing.subjectFilingNumber);
    this.props.subjectId = registry.subjectId;
    this.previousAccountEmail = registry.accountEmail;
  }

  private checkProblems(): CheckProblem[] {
    const problems: CheckProblem[] = [];
    for (const kind of requiredDocuments(this.props.subjectType, this.props.applicant.role)) {
      const document = this.currentDocuments.find((candidate) => candidate.kind === kind);
      if (!document) {
        problems.push({ kind, problem: 'missing' });
        continue;
      }
      const check = this.props.checks.find((candidate) => candidate.documentId === document.id);
      if (!check) problems.push({ kind, problem: 'unchecked' });
      else if (!(check.legible && check.authentic && check.valid && check.matchesApplication)) {
        problems.push({ kind, problem: 'failed' });
      }
    }
    return problems;
  }

  private requireStatus(allowed: RequestStatus[], action: Transition): void {
    if (!allowed.includes(this.props.status))
      throw new InvalidTransitionError(this.props.status, action);
  }

  private requireReviewerRole(reviewer: Reviewer, action: ReviewerOnlyAction): void {
    if (!REVIEWER_ROLES.includes(reviewer.role)) throw new NotAReviewerError(action);
  }

  private requireAssignee(reviewer: Reviewer, action: AssigneeAction): void {
    this.requireReviewerRole(reviewer, action);
    if (this.props.assigneeId !== reviewer.id)
      throw new NotAssigneeError(action, this.props.assigneeName);
  }

  private requireSecondReviewer(senior: Reviewer, action: SecondReviewAction): void {
    if (senior.role !== 'SENIOR_REVIEWER') throw new SeniorReviewerOnlyError(action);
    if (this.props.firstApproval?.by === senior.id)
      throw new SameReviewerSecondApprovalError(action);
  }

  /** Who holds the request; refused as `action` when nobody does. */
  private heldBy(action: Transition): { id: string; name: string } {
    const { assigneeId: id, assigneeName: name } = this.props;
    if (id === null) throw new InvalidTransitionError(this.props.status, action);
    return { id, name: name ?? '' };
  }

  private assignTo(reviewer: Reviewer): void {
    this.props.assigneeId = reviewer.id;
    this.props.assigneeName = reviewer.name;
  }

  private decide(
    outcome: Decision['outcome'],
    by: Reviewer | null,
    reasons: RejectReason[],
    message: string | null,
    now: Date,
  ): void {
    const clockRunning = CLOCK_RUNNING_STATUSES.includes(this.props.status);
    this.props.status = outcome;
    this.props.decision = {
      outcome,
      at: now,
      by: by?.id ?? null,
      byName: by?.name ?? null,
      reasons,
      message,
    };
    if (
      (outcome === 'APPROVED' || outcome === 'REJECTED') &&
      clockRunning &&
      this.props.sla.dueAt
    ) {
      this.props.sla.outcome = now.getTime() <= this.props.sla.dueAt.getTime() ? 'MET' : 'MISSED';
    }
  }

  private approvalEffect(): ApprovalEffect {
    return {
      newAccountEmail: this.props.newAccountEmail,
      previousAccountEmail: this.previousAccountEmail,
      aliyunAccountId: this.props.aliyunAccountId,
      reference: this.props.reference,
      slaOutcome: this.props.sla.outcome,
    };
  }

  /** Who the applicant-facing notices of an event go to. */
  private applicantContact(): ApplicantContact {
    return {
      reference: this.props.reference,
      applicantEmail: this.props.newAccountEmail,
      applicantName: this.props.applicant.name,
    };
  }

  /** Each event type takes its own details (src/initialization/contracts/events.ts). */
  private record<T extends InitializationRequestEvent['type']>(
    type: T,
    now: Date,
    details: EventDetails<InitializationRequestEvent, T>,
  ): void {
    this.props.updatedAt = now;
    // The type and its details match (the signature says so); TypeScript cannot pair them.
    this.events.push({
      type,
      occurredAt: now,
      requestId: this.props.id,
      subjectId: this.props.subjectId,
      details,
    } as InitializationRequestEvent);
  }
}

/** Copies plain data (objects, arrays, Dates) so callers cannot reach into the aggregate. */
function deepCopy<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  // Plain loops: the workspace copies a request once per action it tries.
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) copy[index] = deepCopy(value[index]);
    return copy as T;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    copy[key] = deepCopy((value as Record<string, unknown>)[key]);
  }
  return copy as T;
}
