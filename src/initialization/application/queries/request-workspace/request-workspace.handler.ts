import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifier, maskPhone } from '../../../../shared/domain/personal-data.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import { Message, msg } from '../../../../shared/i18n/message.js';
import { CORRECTABLE_FIELDS } from '../../../domain/correctable-field.js';
import { DOCUMENT_KINDS, requiredDocuments } from '../../../domain/document-kind.js';
import type {
  InitializationRequest,
  InitializationRequestProps,
} from '../../../domain/initialization-request.js';
import { RequestNotFoundError } from '../../../domain/initialization-request.errors.js';
import { REJECT_REASONS } from '../../../domain/reject-reason.js';
import type { RequestStatus } from '../../../domain/request-status.js';
import { reviewActionsFor, type ActionAvailability } from '../../../domain/review-actions.js';
import { BLOCKING_FLAGS, type RiskFlag } from '../../../domain/risk-flag.js';
import { sameCredentialNumber, sameSubjectName } from '../../../domain/subject-comparison.js';
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
import { REQUEST_HISTORY, type RequestHistory } from '../../../contracts/request-history.js';
import { RELATED_REQUESTS, type RelatedRequests } from '../../ports/related-requests.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import { STAFF_DIRECTORY, type StaffDirectory } from '../../ports/staff-directory.js';
import { mayOpenRecords, subjectHrefFor, workspaceHrefFor } from '../related-request-links.js';
import { timeAgo } from '../relative-time.js';
import { slaBadgeOf } from '../sla-badge.js';
import {
  checksOf,
  correctionsOf,
  FIELD_LABELS,
  purgedOn,
  versionsOf,
} from './corrections-and-versions.js';
import { notesViewOf } from './notes-view.js';
import { personalDataAccessOf } from './personal-data-access.js';
import {
  RequestWorkspaceQuery,
  type ActionView,
  type ComparisonRow,
  type DocumentView,
  type Fact,
  type FlagLinks,
  type Shown,
  type Tone,
  type WorkspaceView,
} from './request-workspace.query.js';

const REVIEW_ROLES = ['REVIEWER', 'SENIOR_REVIEWER'];
/** Records linked from one risk flag at most. */
const FLAG_LINKS = 10;
/** The documents the comparison view puts side by side. */
const COMPARED: readonly string[] = ['ID_FRONT', 'HALF_LENGTH_PHOTO'];
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

/** Data shown as it is (never translated). */
const data = (value: string): Shown => ({ data: value });
/** The desk's words. */
const words = (message: Message): Shown => ({ words: message });

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
    @Inject(RELATED_REQUESTS) private readonly related: RelatedRequests,
  ) {}

  async execute(query: RequestWorkspaceQuery): Promise<WorkspaceView> {
    const found = await this.requests.findWithNotes(query.requestId);
    if (!found) throw new RequestNotFoundError(query.requestId);
    const { request } = found;
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
    const flags = await this.flags(p, subject, accountHolder, viewer);

    return {
      id: p.id,
      notes: notesViewOf(found.notes, viewer),
      reference: p.reference,
      version: p.version,
      statusLabel: msg(`request.status.${p.status}`),
      statusTone: STATUS_TONES[p.status],
      subjectTypeLabel: msg(`request.subjectType.${p.subjectType}`),
      receivedAt: p.receivedAt,
      dueAt: p.sla.dueAt,
      sla: slaBadgeOf(sla),
      holder: p.decision ? null : p.assigneeName,
      open: p.decision === null,
      fourEyes: p.decision === null && request.needsSecondApproval() ? fourEyesOf(p) : null,
      readOnly: !reviewing,
      personalDataMasked: mask,
      personalDataNote: personalData.why,
      applicant: [
        { label: msg('workspace.applicant.name'), ...data(p.applicant.name) },
        {
          label: msg('workspace.applicant.idNumber'),
          ...data(mask ? maskIdentifier(p.applicant.idNumber) : p.applicant.idNumber),
        },
        {
          label: msg('workspace.applicant.role'),
          ...words(msg(`request.applicantRole.${p.applicant.role}`)),
        },
        {
          label: msg('workspace.applicant.phone'),
          ...data(mask ? maskPhone(p.applicant.phone) : p.applicant.phone),
        },
        { label: msg('workspace.applicant.newAccountEmail'), ...data(p.newAccountEmail) },
        { label: msg('workspace.applicant.aliyunAccount'), ...data(p.aliyunAccountId) },
        {
          label: msg('workspace.applicant.sentBy'),
          ...data(`${p.intakeClient} (${p.externalId})`),
        },
      ],
      comparison: comparisonOf(p, subject, accountHolder, mask),
      flags,
      compareHref: request.currentDocuments.some((document) => COMPARED.includes(document.kind))
        ? `/requests/${p.id}/compare`
        : null,
      documents,
      corrections: correctionsOf(p, mask),
      checksProgress: msg('workspace.documents.progress', {
        passed: passed.length,
        required: required.length,
      }),
      informationRequest: p.informationRequest
        ? {
            documents: p.informationRequest.documents.map((kind) =>
              msg(`request.document.${kind}`),
            ),
            fields: p.informationRequest.fields.map((field) => FIELD_LABELS[field]),
            freeTextFields: p.informationRequest.freeTextFields,
            message: p.informationRequest.message,
            requestedBy: p.informationRequest.requestedByName,
            requestedAt: p.informationRequest.requestedAt,
            expiresAt: p.sla.expiresAt,
          }
        : null,
      decision: p.decision
        ? {
            outcomeLabel: msg(`request.status.${p.decision.outcome}`),
            tone: STATUS_TONES[p.decision.outcome],
            by: p.decision.byName ?? msg('common.theSystem'),
            at: p.decision.at,
            reasons: p.decision.reasons.map((reason) => msg(`request.rejectReason.${reason}`)),
            message: p.decision.message,
          }
        : null,
      approvals: [
        ...(p.firstApproval
          ? [
              {
                label: msg('workspace.decision.firstApproval'),
                by: p.firstApproval.byName,
                at: p.firstApproval.at,
              },
            ]
          : []),
        ...(p.secondApproval
          ? [
              {
                label: msg('workspace.decision.secondApproval'),
                by: p.secondApproval.byName,
                at: p.secondApproval.at,
              },
            ]
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
          ? msg('workspace.undecided', { status: msg(`workspace.statusInSentence.${p.status}`) })
          : null,
      timeline: {
        events: history.events.map((event) => ({
          occurredAt: event.occurredAt,
          ago: timeAgo(event.occurredAt, now),
          actionLabel: event.actionLabel,
          sentence: event.sentence,
          details: event.details.map((detail): Fact => ({
            label: detail.label,
            ...(detail.value instanceof Message ? words(detail.value) : data(detail.value)),
          })),
          minor: event.action === 'document.viewed',
        })),
        more: history.more,
        auditHref: reviewing ? null : `/audit?requestReference=${encodeURIComponent(p.reference)}`,
      },
    };
  }

  /** Each risk flag, with links to the records it concerns for a viewer who may open them. */
  private flags(
    p: Readonly<InitializationRequestProps>,
    subject: RegisteredSubject | null,
    accountHolder: RegisteredSubject | null,
    viewer: StaffActor,
  ): Promise<WorkspaceView['flags']> {
    return Promise.all(
      p.riskFlags.map(async (flag) => ({
        label: msg(`request.riskFlag.${flag}`),
        explanation: msg(`request.riskFlag.${flag}.explanation`),
        blocking: BLOCKING_FLAGS.includes(flag),
        links: mayOpenRecords(viewer)
          ? await this.flagLinks(flag, p, subject, accountHolder, viewer)
          : null,
      })),
    );
  }

  /**
   * DOCUMENT_REUSED: the requests for other subjects holding one of its files;
   * DUPLICATE_OPEN_REQUEST: the other open requests for the subject (or, when none is
   * open any more, the subject's page); ACCOUNT_HOLDS_OTHER_SUBJECT: the subject holding
   * the account; SUBJECT_MISMATCH: the registry's record of the subject.
   */
  private async flagLinks(
    flag: RiskFlag,
    p: Readonly<InitializationRequestProps>,
    subject: RegisteredSubject | null,
    accountHolder: RegisteredSubject | null,
    viewer: StaffActor,
  ): Promise<FlagLinks | null> {
    const toRequests = (lead: Message, found: { id: string; reference: string }[]) =>
      found.length === 0
        ? null
        : {
            lead,
            links: found.slice(0, FLAG_LINKS).map((other) => ({
              href: workspaceHrefFor(viewer, other.id)!,
              text: other.reference,
            })),
            more: found.length > FLAG_LINKS,
          };
    const toSubject = (lead: Message, record: RegisteredSubject) => ({
      lead,
      links: [
        { href: subjectHrefFor(viewer, record.id)!, text: `${record.name} ${record.filingNumber}` },
      ],
      more: false,
    });
    switch (flag) {
      case 'DOCUMENT_REUSED':
        return toRequests(
          msg('workspace.flagLink.DOCUMENT_REUSED'),
          await this.related.sharingFilesWith(p.id, p.filing.subjectFilingNumber, FLAG_LINKS + 1),
        );
      case 'DUPLICATE_OPEN_REQUEST': {
        const open = await this.requests.openRequestsForSubject(p.filing.subjectFilingNumber, p.id);
        if (open.length > 0)
          return toRequests(
            msg('workspace.flagLink.DUPLICATE_OPEN_REQUEST', { count: open.length }),
            open,
          );
        return subject
          ? toSubject(msg('workspace.flagLink.DUPLICATE_OPEN_REQUEST.noneOpen'), subject)
          : null;
      }
      case 'ACCOUNT_HOLDS_OTHER_SUBJECT':
        return accountHolder && accountHolder.id !== subject?.id
          ? toSubject(msg('workspace.flagLink.ACCOUNT_HOLDS_OTHER_SUBJECT'), accountHolder)
          : null;
      case 'SUBJECT_MISMATCH':
        return subject ? toSubject(msg('workspace.flagLink.SUBJECT_MISMATCH'), subject) : null;
      default:
        return null;
    }
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
              ? msg('workspace.approve.thenSecondApproval')
              : msg('workspace.approve.final'),
          }
        : null,
      reject:
        holding || secondStage
          ? {
              ...view(available.reject),
              reasons: REJECT_REASONS.map((reason) => ({
                value: reason,
                label: msg(`request.rejectReason.${reason}`),
                checked: false,
              })),
            }
          : null,
      requestInformation: holding
        ? {
            ...view(available.requestInformation),
            documents: documentKinds.map((kind) => ({
              value: kind,
              label: msg(`request.document.${kind}`),
              checked: false,
            })),
            fields: CORRECTABLE_FIELDS.map((field) => ({
              value: field,
              label: FIELD_LABELS[field],
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
                  label:
                    member.id === viewer.id
                      ? msg('common.you', { name: member.name })
                      : msg('workspace.reassign.candidate', { name: member.name }),
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
    const holding = p.status === 'IN_REVIEW' && p.assigneeId === viewerId;
    return {
      id: document.id,
      kindLabel: msg(`request.document.${document.kind}`),
      mediaType: document.mediaType,
      isImage: document.mediaType.startsWith('image/'),
      isPdf: document.mediaType === 'application/pdf',
      sizeLabel: sizeOf(document.sizeBytes),
      originalName: document.originalName,
      uploadedAt: document.uploadedAt,
      purged: purgedOn(document.purgedAt),
      required,
      // The checks of this version only: an earlier version's stay with it.
      ...checksOf(p.checks.find((candidate) => candidate.documentId === document.id) ?? null),
      ...versionsOf(p, document, sizeOf),
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

/** Why approval needs a second approver: an organization, risk flags, or both. */
function fourEyesOf(p: Readonly<InitializationRequestProps>): Message {
  const organization = p.subjectType === 'ORGANIZATION';
  const flagged = p.riskFlags.length > 0;
  return msg('workspace.fourEyes', {
    why: organization && flagged ? 'both' : organization ? 'organization' : 'riskFlags',
  });
}

function formsNoteOf(
  p: Readonly<InitializationRequestProps>,
  viewer: StaffActor,
  reviewing: boolean,
  hasForms: boolean,
): Message | null {
  if (!reviewing) return msg('workspace.forms.auditor');
  if (p.status === 'PENDING_REVIEW') return msg('workspace.forms.claimFirst');
  if (p.status === 'IN_REVIEW' && p.assigneeId !== viewer.id)
    return msg(
      viewer.role === 'SENIOR_REVIEWER'
        ? 'workspace.forms.heldByOtherReassign'
        : 'workspace.forms.heldByOther',
      { holder: p.assigneeName ?? msg('workspace.anotherReviewerCapitalized') },
    );
  if (p.decision)
    return msg('workspace.forms.decided', {
      status: msg(`workspace.statusInSentence.${p.status}`),
    });
  if (p.status === 'AWAITING_SECOND_APPROVAL' && !hasForms)
    return msg('workspace.forms.awaitingSecondApproval');
  if (p.status === 'AWAITING_APPLICANT') return msg('workspace.forms.awaitingApplicant');
  return null;
}

function comparisonOf(
  p: Readonly<InitializationRequestProps>,
  subject: RegisteredSubject | null,
  accountHolder: RegisteredSubject | null,
  mask: boolean,
): WorkspaceView['comparison'] {
  const credential = (value: string): string => (mask ? maskIdentifier(value) : value);
  const rows: ComparisonRow[] = [];
  const none = data('—');
  const nameDiffers = subject !== null && !sameSubjectName(subject.name, p.filing.subjectName);
  rows.push({
    label: msg('workspace.compare.subjectName'),
    application: data(p.filing.subjectName),
    registry: subject ? data(subject.name) : none,
    differs: nameDiffers,
    note: nameDiffers ? msg('workspace.compare.namesDiffer') : null,
  });
  const credentialMatches =
    subject !== null &&
    sameCredentialNumber(p.subjectType, p.filing.credentialNumber, subject.credentialNumber);
  const literally =
    subject !== null &&
    subject.credentialNumber.trim().toUpperCase() ===
      p.filing.credentialNumber.trim().toUpperCase();
  rows.push({
    label: msg('workspace.compare.credentialNumber'),
    application: data(credential(p.filing.credentialNumber)),
    registry: subject ? data(credential(subject.credentialNumber)) : none,
    differs: subject !== null && !credentialMatches,
    note:
      subject === null
        ? null
        : !credentialMatches
          ? msg('workspace.compare.credentialsDiffer')
          : !literally
            ? msg('workspace.compare.oldOrganizationCode')
            : null,
  });
  const typeDiffers = subject !== null && subject.type !== p.subjectType;
  rows.push({
    label: msg('workspace.compare.subjectType'),
    application: words(msg(`request.subjectType.${p.subjectType}`)),
    registry: subject ? words(msg(`request.subjectType.${subject.type}`)) : none,
    differs: typeDiffers,
    note: typeDiffers ? msg('workspace.compare.typesDiffer') : null,
  });
  rows.push({
    label: msg('workspace.compare.filingNumber'),
    application: data(p.filing.filingNumber),
    registry: subject ? data(subject.filingNumber) : none,
    differs: false,
    note:
      subject && p.filing.filingNumber !== subject.filingNumber
        ? msg('workspace.compare.websiteNumber')
        : null,
  });
  rows.push({
    label: msg('workspace.compare.accountEmail'),
    application: { data: p.newAccountEmail, tag: msg('workspace.compare.newEmail') },
    registry: subject?.accountEmail ? data(subject.accountEmail) : none,
    differs: false,
    note: !subject
      ? null
      : subject.accountEmail
        ? msg('workspace.compare.emailReplaced', {
            from: subject.accountEmail,
            to: p.newAccountEmail,
          })
        : msg('workspace.compare.emailSet', { to: p.newAccountEmail }),
  });
  const otherHolder = accountHolder !== null && accountHolder.id !== subject?.id;
  const boundElsewhere =
    subject !== null &&
    subject.aliyunAccountId !== null &&
    subject.aliyunAccountId !== p.aliyunAccountId;
  rows.push({
    label: msg('workspace.compare.aliyunAccount'),
    application: data(p.aliyunAccountId),
    registry: !subject
      ? none
      : subject.aliyunAccountId !== null
        ? data(subject.aliyunAccountId)
        : words(msg('workspace.compare.notBound')),
    differs: otherHolder,
    note: otherHolder
      ? msg('workspace.compare.accountHoldsOther', {
          name: accountHolder.name,
          filingNumber: accountHolder.filingNumber,
        })
      : boundElsewhere
        ? msg('workspace.compare.boundElsewhere')
        : null,
  });
  return {
    registryFound: subject !== null,
    registryMissing: subject
      ? null
      : msg('workspace.compare.registryMissing', { filingNumber: p.filing.subjectFilingNumber }),
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
