import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifier, maskPhone } from '../../../../audit/domain/personal-data.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import {
  DOCUMENT_KINDS,
  DOCUMENT_LABELS,
  requiredDocuments,
} from '../../../domain/document-kind.js';
import type {
  InitializationRequest,
  InitializationRequestProps,
} from '../../../domain/initialization-request.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
import { REJECT_REASON_LABELS, REJECT_REASONS } from '../../../domain/reject-reason.js';
import { STATUS_LABELS, type RequestStatus } from '../../../domain/request-status.js';
import { reviewActionsFor, type ActionAvailability } from '../../../domain/review-actions.js';
import {
  BLOCKING_FLAGS,
  RISK_FLAG_EXPLANATIONS,
  RISK_FLAG_LABELS,
} from '../../../domain/risk-flag.js';
import { sameCredentialNumber, sameSubjectName } from '../../../domain/subject-comparison.js';
import { APPLICANT_ROLE_LABELS, SUBJECT_TYPE_LABELS } from '../../../domain/subject-type.js';
import { registryViewOf } from '../../approval-effects.js';
import {
  FILING_REGISTRY_GATEWAY,
  type FilingRegistryGateway,
  type RegisteredSubject,
} from '../../ports/filing-registry.gateway.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { REQUEST_HISTORY, type RequestHistory } from '../../ports/request-history.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { timeAgo } from '../relative-time.js';
import { slaBadgeOf } from '../sla-badge.js';
import { personalDataAccessOf } from './personal-data-access.js';
import {
  RequestWorkspaceQuery,
  type ActionView,
  type ComparisonRow,
  type DocumentView,
  type Tone,
  type WorkspaceView,
} from './request-workspace.query.js';

const REVIEW_ROLES = ['REVIEWER', 'SENIOR_REVIEWER'];
/** Runs of document views shown in the timeline; every other event is always shown. */
const TIMELINE_VIEW_ENTRIES = 50;

const STATUS_TONES: Record<RequestStatus, Tone> = {
  PENDING_REVIEW: 'info',
  IN_REVIEW: 'info',
  AWAITING_SECOND_APPROVAL: 'warn',
  AWAITING_APPLICANT: 'neutral',
  APPROVED: 'ok',
  REJECTED: 'bad',
  EXPIRED: 'neutral',
  WITHDRAWN: 'neutral',
};

const CHECK_WORDS: ['legible' | 'authentic' | 'valid' | 'matchesApplication', string][] = [
  ['legible', 'not legible'],
  ['authentic', 'not authentic'],
  ['valid', 'not valid'],
  ['matchesApplication', 'does not match the application'],
];

@QueryHandler(RequestWorkspaceQuery)
export class RequestWorkspaceHandler implements IQueryHandler<RequestWorkspaceQuery> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(FILING_REGISTRY_GATEWAY) private readonly registry: FilingRegistryGateway,
    @Inject(REQUEST_HISTORY) private readonly history: RequestHistory,
    @Inject(SLA_DESCRIBER) private readonly sla: SlaDescriber,
    @Inject(STAFF_DIRECTORY) private readonly staff: StaffDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: RequestWorkspaceQuery): Promise<WorkspaceView> {
    const request = await this.requests.findById(query.requestId);
    if (!request) throw new RequestNotFoundError(query.requestId);
    const p = request.toProps();
    const viewer = query.viewer;
    const reviewing = REVIEW_ROLES.includes(viewer.role);
    const now = this.clock.now();
    const wantsStaff =
      viewer.role === 'SENIOR_REVIEWER' &&
      ['PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_APPLICANT'].includes(p.status);
    const [{ subject, accountHolder }, history, sla, staff] = await Promise.all([
      this.registry.findSubjectAndAccountHolder(p.filing.subjectFilingNumber, p.aliyunAccountId),
      this.history.eventsOf(p.id, TIMELINE_VIEW_ENTRIES),
      this.sla.describe(
        { status: p.status, dueAt: p.sla.dueAt, atRiskAt: p.sla.atRiskAt, outcome: p.sla.outcome },
        now,
      ),
      wantsStaff ? this.staff.reviewers() : Promise.resolve([]),
    ]);
    const available = reviewActionsFor(
      request,
      viewer,
      registryViewOf(subject, accountHolder),
      now,
    );
    const actions = reviewing ? this.actions(request, p, viewer, available, staff) : emptyActions();
    const hasDecisionForms = Object.values(actions).some((action) => action !== null);
    const personalData = personalDataAccessOf(
      {
        status: p.status,
        decided: p.decision !== null,
        assigneeId: p.assigneeId,
        assigneeName: p.assigneeName,
      },
      viewer,
    );
    const mask = !personalData.full;
    const required = requiredDocuments(p.subjectType, p.applicant.role);
    const documents = request.currentDocuments.map((document) =>
      this.document(p, document, required.includes(document.kind), viewer.id, available),
    );
    const passed = documents.filter((document) => document.required && document.checkTone === 'ok');

    return {
      id: p.id,
      reference: p.reference,
      version: p.version,
      statusLabel: STATUS_LABELS[p.status],
      statusTone: STATUS_TONES[p.status],
      subjectTypeLabel: SUBJECT_TYPE_LABELS[p.subjectType],
      receivedAt: p.receivedAt,
      dueAt: p.sla.dueAt,
      sla: slaBadgeOf(sla),
      holder: p.decision ? null : p.assigneeName,
      open: p.decision === null,
      fourEyes:
        p.decision === null && request.needsSecondApproval()
          ? `Approval needs a second approval by another senior reviewer (${[
              ...(p.subjectType === 'ORGANIZATION' ? ['an organization'] : []),
              ...(p.riskFlags.length ? ['risk flags'] : []),
            ].join(' with ')}).`
          : null,
      readOnly: !reviewing,
      personalDataMasked: mask,
      personalDataNote: personalData.why,
      applicant: [
        { label: 'Name', value: p.applicant.name },
        {
          label: 'ID number',
          value: mask ? maskIdentifier(p.applicant.idNumber) : p.applicant.idNumber,
        },
        { label: 'Role', value: APPLICANT_ROLE_LABELS[p.applicant.role] },
        { label: 'Phone', value: mask ? maskPhone(p.applicant.phone) : p.applicant.phone },
        { label: 'New account email', value: p.newAccountEmail },
        { label: 'Alibaba Cloud account', value: p.aliyunAccountId },
        { label: 'Sent by', value: `${p.intakeClient} (${p.externalId})` },
      ],
      comparison: comparisonOf(p, subject, accountHolder, mask),
      flags: p.riskFlags.map((flag) => ({
        label: RISK_FLAG_LABELS[flag] ?? flag,
        explanation: RISK_FLAG_EXPLANATIONS[flag] ?? '',
        blocking: BLOCKING_FLAGS.includes(flag),
      })),
      documents,
      supersededDocuments: p.documents
        .filter((document) => document.supersededAt !== null)
        .map((document) => ({
          id: document.id,
          kindLabel: DOCUMENT_LABELS[document.kind],
          isImage: document.mediaType.startsWith('image/'),
          uploadedAt: document.uploadedAt,
          supersededAt: document.supersededAt!,
        })),
      checksProgress: `${passed.length} of ${required.length} required documents passed their checks.`,
      informationRequest: p.informationRequest
        ? {
            documents: p.informationRequest.documents.map((kind) => DOCUMENT_LABELS[kind]),
            fields: p.informationRequest.fields,
            message: p.informationRequest.message,
            requestedBy: p.informationRequest.requestedByName,
            requestedAt: p.informationRequest.requestedAt,
            expiresAt: p.sla.expiresAt,
          }
        : null,
      decision: p.decision
        ? {
            outcomeLabel: STATUS_LABELS[p.decision.outcome],
            tone: STATUS_TONES[p.decision.outcome],
            by: p.decision.byName ?? 'The system',
            at: p.decision.at,
            reasons: p.decision.reasons.map((reason) => REJECT_REASON_LABELS[reason] ?? reason),
            message: p.decision.message,
          }
        : null,
      approvals: [
        ...(p.firstApproval
          ? [{ label: 'First approval', by: p.firstApproval.byName, at: p.firstApproval.at }]
          : []),
        ...(p.secondApproval
          ? [{ label: 'Second approval', by: p.secondApproval.byName, at: p.secondApproval.at }]
          : []),
      ],
      returnNote: p.returnNote
        ? { by: p.returnNote.byName, at: p.returnNote.at, note: p.returnNote.note }
        : null,
      actions,
      hasDecisionForms,
      formsNote: formsNoteOf(p, viewer, reviewing, hasDecisionForms),
      undecided:
        !reviewing && !p.decision
          ? `Not decided yet: ${STATUS_LABELS[p.status].toLowerCase()}.`
          : '',
      timeline: {
        events: history.events.map((event) => ({
          occurredAt: event.occurredAt,
          ago: timeAgo(event.occurredAt, now),
          actionLabel: event.actionLabel,
          sentence: event.sentence,
          details: event.details,
          minor: event.action === 'document.viewed',
        })),
        more: history.more,
        auditHref: reviewing ? null : `/audit?requestReference=${encodeURIComponent(p.reference)}`,
      },
    };
  }

  /** Which forms this reviewer sees in this state; each enabled or not, as the aggregate says. */
  private actions(
    request: InitializationRequest,
    p: Readonly<InitializationRequestProps>,
    viewer: StaffActor,
    available: ReturnType<typeof reviewActionsFor>,
    staff: StaffActor[],
  ): WorkspaceView['actions'] {
    const view = (availability: ActionAvailability): ActionView => ({
      enabled: availability.allowed,
      whyNot: availability.reasons,
    });
    const status = p.status;
    const senior = viewer.role === 'SENIOR_REVIEWER';
    // The holder sees every form; before a claim, Approve alone says what it will take; a
    // request someone else holds shows no forms (a senior can still reassign it).
    const holding = status === 'IN_REVIEW' && p.assigneeId === viewer.id;
    const deciding = holding || status === 'PENDING_REVIEW';
    const secondStage = status === 'AWAITING_SECOND_APPROVAL' && senior;
    const documentKinds = [
      ...new Set([...requiredDocuments(p.subjectType, p.applicant.role), ...DOCUMENT_KINDS]),
    ];
    return {
      claim: status === 'PENDING_REVIEW' ? view(available.claim) : null,
      release:
        status === 'IN_REVIEW' && p.assigneeId === viewer.id ? view(available.release) : null,
      approve: deciding
        ? {
            ...view(available.approve),
            outcome: request.needsSecondApproval()
              ? 'It then waits for a second approval by another senior reviewer.'
              : 'This is final: the account email is replaced at once.',
          }
        : null,
      reject:
        holding || secondStage
          ? {
              ...view(available.reject),
              reasons: REJECT_REASONS.map((reason) => ({
                value: reason,
                label: REJECT_REASON_LABELS[reason],
                checked: false,
              })),
            }
          : null,
      requestInformation: holding
        ? {
            ...view(available.requestInformation),
            documents: documentKinds.map((kind) => ({
              value: kind,
              label: DOCUMENT_LABELS[kind],
              checked: false,
            })),
          }
        : null,
      secondApproval: secondStage ? view(available.giveSecondApproval) : null,
      returnForReview: secondStage ? view(available.returnForReview) : null,
      reassign:
        senior && ['PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_APPLICANT'].includes(status)
          ? {
              ...view(available.reassign),
              staff: staff
                .filter((member) => member.id !== p.assigneeId)
                .map((member) => ({
                  value: member.id,
                  label: member.id === viewer.id ? `${member.name} (you)` : member.name,
                  checked: false,
                })),
            }
          : null,
    };
  }

  private document(
    p: Readonly<InitializationRequestProps>,
    document: InitializationRequestProps['documents'][number],
    required: boolean,
    viewerId: string,
    available: ReturnType<typeof reviewActionsFor>,
  ): DocumentView {
    const check = p.checks.find((candidate) => candidate.documentId === document.id) ?? null;
    const failures = check
      ? CHECK_WORDS.filter(([key]) => !check[key]).map(([, words]) => words)
      : [];
    const holding = p.status === 'IN_REVIEW' && p.assigneeId === viewerId;
    return {
      id: document.id,
      kindLabel: DOCUMENT_LABELS[document.kind],
      mediaType: document.mediaType,
      isImage: document.mediaType.startsWith('image/'),
      isPdf: document.mediaType === 'application/pdf',
      sizeLabel: sizeOf(document.sizeBytes),
      originalName: document.originalName,
      uploadedAt: document.uploadedAt,
      required,
      checkSummary: !check
        ? 'Not checked yet'
        : failures.length === 0
          ? `Passed all four checks (${check.checkedByName})`
          : `Failed: ${failures.join(', ')} (${check.checkedByName})`,
      checkTone: !check ? 'neutral' : failures.length === 0 ? 'ok' : 'bad',
      check: check
        ? {
            legible: check.legible,
            authentic: check.authentic,
            valid: check.valid,
            matchesApplication: check.matchesApplication,
            note: check.note,
            checkedBy: check.checkedByName,
            checkedAt: check.checkedAt,
          }
        : null,
      checkForm: holding
        ? {
            enabled: available.recordChecks.allowed,
            whyNot: available.recordChecks.reasons,
            form: `checks-${document.id}`,
          }
        : null,
    };
  }
}

function emptyActions(): WorkspaceView['actions'] {
  return {
    claim: null,
    release: null,
    approve: null,
    reject: null,
    requestInformation: null,
    secondApproval: null,
    returnForReview: null,
    reassign: null,
  };
}

function formsNoteOf(
  p: Readonly<InitializationRequestProps>,
  viewer: StaffActor,
  reviewing: boolean,
  hasForms: boolean,
): string {
  if (!reviewing) return 'You are signed in as an auditor: this page is read-only.';
  if (p.status === 'PENDING_REVIEW') return 'Claim the request to record checks and decide.';
  if (p.status === 'IN_REVIEW' && p.assigneeId !== viewer.id)
    return `${p.assigneeName ?? 'Another reviewer'} holds this request: only they can record checks and decide${
      viewer.role === 'SENIOR_REVIEWER' ? '; you can reassign it' : ''
    }.`;
  if (p.decision)
    return `This request is ${STATUS_LABELS[p.status].toLowerCase()}; nothing more can be decided.`;
  if (p.status === 'AWAITING_SECOND_APPROVAL' && !hasForms)
    return 'Waiting for a second approval by a senior reviewer.';
  if (p.status === 'AWAITING_APPLICANT')
    return 'Waiting for the applicant to answer the request for information.';
  return '';
}

function comparisonOf(
  p: Readonly<InitializationRequestProps>,
  subject: RegisteredSubject | null,
  accountHolder: RegisteredSubject | null,
  mask: boolean,
): WorkspaceView['comparison'] {
  const credential = (value: string): string => (mask ? maskIdentifier(value) : value);
  const rows: ComparisonRow[] = [];
  const none = '—';
  const nameDiffers = subject !== null && !sameSubjectName(subject.name, p.filing.subjectName);
  rows.push({
    label: 'Subject name',
    application: p.filing.subjectName,
    registry: subject?.name ?? none,
    differs: nameDiffers,
    note: nameDiffers ? 'The names differ.' : '',
  });
  const credentialMatches =
    subject !== null &&
    sameCredentialNumber(p.subjectType, p.filing.credentialNumber, subject.credentialNumber);
  const literally =
    subject !== null &&
    subject.credentialNumber.trim().toUpperCase() ===
      p.filing.credentialNumber.trim().toUpperCase();
  rows.push({
    label: 'Credential number',
    application: credential(p.filing.credentialNumber),
    registry: subject ? credential(subject.credentialNumber) : none,
    differs: subject !== null && !credentialMatches,
    note:
      subject === null
        ? ''
        : !credentialMatches
          ? 'The credential numbers differ.'
          : !literally
            ? 'The registry holds the older organization code contained in this credit code: the same organization.'
            : '',
  });
  const typeDiffers = subject !== null && subject.type !== p.subjectType;
  rows.push({
    label: 'Subject type',
    application: SUBJECT_TYPE_LABELS[p.subjectType],
    registry: subject ? SUBJECT_TYPE_LABELS[subject.type] : none,
    differs: typeDiffers,
    note: typeDiffers ? 'The subject types differ.' : '',
  });
  rows.push({
    label: 'Filing number',
    application: p.filing.filingNumber,
    registry: subject?.filingNumber ?? none,
    differs: false,
    note:
      subject && p.filing.filingNumber !== subject.filingNumber
        ? 'The application names one of the subject’s websites or apps.'
        : '',
  });
  rows.push({
    label: 'Account email',
    application: `${p.newAccountEmail} (new)`,
    registry: subject?.accountEmail ?? none,
    differs: false,
    note: subject ? `Approval replaces ${subject.accountEmail} with ${p.newAccountEmail}.` : '',
  });
  const otherHolder = accountHolder !== null && accountHolder.id !== subject?.id;
  const boundElsewhere =
    subject !== null &&
    subject.aliyunAccountId !== null &&
    subject.aliyunAccountId !== p.aliyunAccountId;
  rows.push({
    label: 'Alibaba Cloud account',
    application: p.aliyunAccountId,
    registry: subject ? (subject.aliyunAccountId ?? 'not bound') : none,
    differs: otherHolder,
    note: otherHolder
      ? `This account already holds another filing subject: ${accountHolder.name} (${accountHolder.filingNumber}).`
      : boundElsewhere
        ? 'The subject is bound to a different Alibaba Cloud account now; approval binds it to this one.'
        : '',
  });
  return {
    registryFound: subject !== null,
    registryMissing: subject
      ? ''
      : `No filing subject ${p.filing.subjectFilingNumber} is in the registry.`,
    rows,
    differences: rows.filter((row) => row.differs).length,
    websites: subject?.websites ?? [],
  };
}

function sizeOf(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
