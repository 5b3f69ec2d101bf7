import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';
import type { SlaBadge } from '../sla-badge.js';
import type { NotesView } from './notes-view.js';

export type Tone = 'ok' | 'warn' | 'bad' | 'neutral' | 'info';

/** A form the viewer is shown: whether its button works now, and if not, why (in sentences). */
export interface ActionView {
  enabled: boolean;
  /** Why the button is disabled, in sentences (empty when enabled). */
  whyNot: Message[];
}

export interface Choice {
  value: string;
  label: Message;
  checked: boolean;
}

/**
 * A value as the page shows it: data as it is (applicant data, names, numbers; never
 * translated), or the desk's words; `tag` adds words after data ("(new)").
 */
export type Shown = { data: string; tag?: Message } | { words: Message };

export type Fact = { label: Message } & Shown;

export interface ComparisonRow {
  label: Message;
  application: Shown;
  registry: Shown;
  /** Highlighted: the two sides name different things. */
  differs: boolean;
  /** A sentence under the row, when something about it needs saying. */
  note: Message | null;
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
  kindLabel: Message;
  mediaType: string;
  isImage: boolean;
  isPdf: boolean;
  sizeLabel: string;
  originalName: string;
  uploadedAt: Date;
  /** "Purged on 3 Jun 2027", shown where the file was (null: the file is stored). */
  purged: Message | null;
  required: boolean;
  /** "Not checked yet", "Passed all four checks (Li Na)", "Failed: not legible (Li Na)". */
  checkSummary: Message;
  checkTone: Tone;
  check: DocumentCheckView | null;
  /** The check form (null: not shown to this viewer in this state). */
  checkForm: (ActionView & { form: string }) | null;
  /** "replaces the version of 17 Nov 2026" (null: sent with the application). */
  replaces: Message | null;
  /** The versions this one replaced, newest first, each with the checks recorded on it. */
  earlierVersions: DocumentVersionView[];
}

/** An earlier version of a document: kept as it was, with its checks (read-only). */
export interface DocumentVersionView {
  id: string;
  isImage: boolean;
  mediaType: string;
  sizeLabel: string;
  originalName: string;
  uploadedAt: Date;
  /** When a resubmission replaced it. */
  supersededAt: Date;
  /** "Purged on 3 Jun 2027" (null: the file is stored). */
  purged: Message | null;
  /** "Version of 17 Nov 2026" */
  title: Message;
  checkSummary: Message;
  checkTone: Tone;
  check: DocumentCheckView | null;
}

/** One corrected field: its value before and after, masked as the workspace masks it for the viewer. */
export interface FieldChangeView {
  label: Message;
  was: string;
  now: string;
}

/** What one resubmission changed. */
export interface CorrectionView {
  at: Date;
  /** The newest resubmission (the others are shown folded). */
  latest: boolean;
  changes: FieldChangeView[];
  /** Fields asked for that came back with the value they had. */
  unchanged: Message[];
  /** Documents sent again (their new versions are among the documents). */
  documents: Message[];
  flagsRaised: Message[];
  flagsCleared: Message[];
}

export interface TimelineEntryView {
  occurredAt: Date;
  /** "3 hours ago" */
  ago: Message;
  actionLabel: Message;
  sentence: Message;
  details: Fact[];
  /** Shown quietly: looking at documents, not deciding anything. */
  minor: boolean;
}

/** Links from a risk flag to the records it concerns: other requests, or a filing subject. */
export interface FlagLinks {
  /** "The same file is in:" */
  lead: Message;
  /** Each link's text is data (a reference, or a subject's name and number). */
  links: { href: string; text: string }[];
  /** More records than are linked. */
  more: boolean;
}

export interface WorkspaceView {
  id: string;
  /** The internal notes, and the form to add one for those who write them. */
  notes: NotesView;
  reference: string;
  version: number;
  statusLabel: Message;
  statusTone: Tone;
  subjectTypeLabel: Message;
  receivedAt: Date;
  dueAt: Date | null;
  sla: SlaBadge | null;
  /** "Li Na" while someone holds the open request; null when nobody does or it is decided. */
  holder: string | null;
  /** The request is still open (not decided, withdrawn or expired). */
  open: boolean;
  /** Why four eyes apply while it is open, or null (single approval, or decided). */
  fourEyes: Message | null;
  /** Auditors: no forms, personal data masked. */
  readOnly: boolean;
  /** ID and phone numbers masked: the viewer may not review this request (or is no reviewer). */
  personalDataMasked: boolean;
  /** Why a reviewer sees them masked, in words (null when in full, or for read-only viewers). */
  personalDataNote: Message | null;
  applicant: Fact[];
  comparison: {
    registryFound: boolean;
    /** Said when the registry has no such subject. */
    registryMissing: Message | null;
    rows: ComparisonRow[];
    differences: number;
    websites: { filingNumber: string; domain: string }[];
  };
  flags: {
    label: Message;
    explanation: Message;
    blocking: boolean;
    /** The records the flag concerns, for a viewer who may open them (null: none to show). */
    links: FlagLinks | null;
  }[];
  /** The ID card's portrait side beside the half-length photo (null: the request has neither). */
  compareHref: string | null;
  documents: DocumentView[];
  /** What each resubmission changed, newest first (empty: never resubmitted). */
  corrections: CorrectionView[];
  /** "2 of 3 required documents passed their checks." */
  checksProgress: Message;
  informationRequest: {
    documents: Message[];
    /** The fields to correct, in words. */
    fields: Message[];
    /** Fields asked for in free text by older requests: shown as written. */
    freeTextFields: string[];
    message: string;
    requestedBy: string;
    requestedAt: Date;
    expiresAt: Date | null;
  } | null;
  decision: {
    outcomeLabel: Message;
    tone: Tone;
    /** A staff member's name, or "The system". */
    by: string | Message;
    at: Date;
    reasons: Message[];
    message: string | null;
  } | null;
  approvals: { label: Message; by: string; at: Date }[];
  returnNote: { by: string; at: Date; note: string } | null;
  /** Each null when the form is not for this viewer in this state. */
  actions: {
    claim: ActionView | null;
    release: ActionView | null;
    approve: (ActionView & { outcome: Message }) | null;
    reject: (ActionView & { reasons: Choice[] }) | null;
    requestInformation: (ActionView & { documents: Choice[]; fields: Choice[] }) | null;
    secondApproval: ActionView | null;
    returnForReview: ActionView | null;
    reassign: (ActionView & { staff: Choice[] }) | null;
  };
  hasDecisionForms: boolean;
  /** Said instead of forms when the viewer has none here. */
  formsNote: Message | null;
  /** "Not decided yet: in review." for a read-only viewer of an open request; null otherwise. */
  undecided: Message | null;
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
