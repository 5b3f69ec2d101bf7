import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { SlaBadge } from '../sla-badge.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** A form the viewer is shown: whether its button works now, and if not, why (in sentences). */
export interface ActionView {
  enabled: boolean;
  /** Why the button is disabled, in sentences (empty when enabled). */
  whyNot: string[];
}

export interface Choice {
  value: string;
  label: string;
  checked: boolean;
}

export interface Fact {
  label: string;
  value: string;
}

export interface ComparisonRow {
  label: string;
  application: string;
  registry: string;
  /** Highlighted: the two sides name different things. */
  differs: boolean;
  /** A sentence under the row, when something about it needs saying. */
  note: string;
}

export interface DocumentCheckView {
  legible: boolean;
  authentic: boolean;
  valid: boolean;
  matchesApplication: boolean;
  note: string;
  checkedBy: string;
  checkedAt: Date;
}

export interface DocumentView {
  id: string;
  kindLabel: string;
  mediaType: string;
  isImage: boolean;
  isPdf: boolean;
  sizeLabel: string;
  originalName: string;
  uploadedAt: Date;
  required: boolean;
  /** "Not checked yet", "Passed all four checks", "Failed: not legible". */
  checkSummary: string;
  checkTone: Tone;
  check: DocumentCheckView | null;
  /** The check form (null: not shown to this viewer in this state). */
  checkForm: (ActionView & { form: string }) | null;
}

export interface TimelineEntryView {
  occurredAt: Date;
  /** "3 hours ago" */
  ago: string;
  actionLabel: string;
  sentence: string;
  details: Fact[];
  /** Shown quietly: looking at documents, not deciding anything. */
  minor: boolean;
}

export interface WorkspaceView {
  id: string;
  reference: string;
  version: number;
  statusLabel: string;
  statusTone: Tone;
  subjectTypeLabel: string;
  receivedAt: Date;
  dueAt: Date | null;
  sla: SlaBadge | null;
  /** "Li Na" while someone holds the open request; null when nobody does or it is decided. */
  holder: string | null;
  /** The request is still open (not decided, withdrawn or expired). */
  open: boolean;
  /** Why four eyes apply while it is open, or null (single approval, or decided). */
  fourEyes: string | null;
  /** Auditors: no forms, personal data masked. */
  readOnly: boolean;
  /** ID and phone numbers masked: the viewer may not review this request (or is no reviewer). */
  personalDataMasked: boolean;
  /** Why a reviewer sees them masked, in words (empty when in full, or for read-only viewers). */
  personalDataNote: string;
  applicant: Fact[];
  comparison: {
    registryFound: boolean;
    /** Said when the registry has no such subject. */
    registryMissing: string;
    rows: ComparisonRow[];
    differences: number;
    websites: { filingNumber: string; domain: string }[];
  };
  flags: { label: string; explanation: string; blocking: boolean }[];
  documents: DocumentView[];
  supersededDocuments: {
    id: string;
    kindLabel: string;
    isImage: boolean;
    uploadedAt: Date;
    supersededAt: Date;
  }[];
  /** "2 of 3 required documents passed their checks." */
  checksProgress: string;
  informationRequest: {
    documents: string[];
    fields: string[];
    message: string;
    requestedBy: string;
    requestedAt: Date;
    expiresAt: Date | null;
  } | null;
  decision: {
    outcomeLabel: string;
    tone: Tone;
    by: string;
    at: Date;
    reasons: string[];
    message: string | null;
  } | null;
  approvals: { label: string; by: string; at: Date }[];
  returnNote: { by: string; at: Date; note: string } | null;
  /** Each null when the form is not for this viewer in this state. */
  actions: {
    claim: ActionView | null;
    release: ActionView | null;
    approve: (ActionView & { outcome: string }) | null;
    reject: (ActionView & { reasons: Choice[] }) | null;
    requestInformation: (ActionView & { documents: Choice[] }) | null;
    secondApproval: ActionView | null;
    returnForReview: ActionView | null;
    reassign: (ActionView & { staff: Choice[] }) | null;
  };
  hasDecisionForms: boolean;
  /** Said instead of forms when the viewer has none here. */
  formsNote: string;
  /** "Not decided yet." for a read-only viewer of an open request; empty otherwise. */
  undecided: string;
  timeline: {
    events: TimelineEntryView[];
    more: boolean;
    /** The audit trail search for this request (auditors only). */
    auditHref: string | null;
  };
}

/** Everything the request workspace shows, decided for this viewer. */
export class RequestWorkspaceQuery extends Query<WorkspaceView> {
  constructor(
    readonly requestId: string,
    readonly viewer: StaffActor,
  ) {
    super();
  }
}
