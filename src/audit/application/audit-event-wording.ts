import {
  CORRECTABLE_FIELDS,
  isCorrectableField,
} from '../../initialization/domain/correctable-field.js';
import { DOCUMENT_KINDS, isDocumentKind } from '../../initialization/domain/document-kind.js';
import { REJECT_REASONS, type RejectReason } from '../../initialization/domain/reject-reason.js';
import { RISK_FLAGS, type RiskFlag } from '../../initialization/domain/risk-flag.js';
import { messagesOf, msg, type Message } from '../../shared/i18n/message.js';
import { CATALOGUES, type MessageKey } from '../../shared/i18n/messages/index.js';
import { describeExportFilters } from '../domain/data-export-request.js';
import type { ExportFilters } from '../domain/export-filters.js';
import { maskIdentifiersInText, maskPersonalData } from '../domain/personal-data.js';

/** What the wording needs of an audit event. */
export interface AuditEventForWords {
  action: string;
  actorType: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

/** One detail of an event: its label in words, its value as recorded (masked) or in words. */
export interface WordedDetail {
  label: Message;
  value: string | Message;
}

/** An audit event in words, not yet in a language: pages, timelines and exports render it. */
export interface WordedAuditEvent {
  /** "Wang Fang approved — awaiting second approval" · "王芳 审核通过，待复核" */
  sentence: Message;
  /** Every detail, personal data masked, as label and value. */
  details: WordedDetail[];
}

type Details = Record<string, unknown>;
/** Who did it, as named at the start of a sentence: a (masked) name, or words. */
type Who = string | Message;

interface Wording {
  /** Short name of the action, for filters and badges: "Approved" · "通过". */
  label: MessageKey;
  sentence(who: Who, details: Details): Message;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);

/** Items joined as a sentence lists them: "A; B; C" · "甲；乙；丙" (or with commas: "A, B" · "甲、乙"). */
function joined(
  items: readonly (string | Message)[],
  separator: 'semicolon' | 'comma' = 'semicolon',
): string | Message {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0]!;
  return msg(`audit.join.${separator}`, {
    head: items[0],
    tail: joined(items.slice(1), separator),
  });
}

/** Codes the desk has words for are named in words; any other code stays as recorded. */
const DOCUMENT_LABELS = messagesOf('request.document', DOCUMENT_KINDS);
const REJECT_REASON_LABELS = messagesOf('request.rejectReason', REJECT_REASONS);
const RISK_FLAG_LABELS = messagesOf('request.riskFlag', RISK_FLAGS);
const documentLabel = (code: string): string | Message =>
  isDocumentKind(code) ? DOCUMENT_LABELS[code] : code;
const rejectReasonLabel = (code: string): string | Message =>
  (REJECT_REASONS as readonly string[]).includes(code)
    ? REJECT_REASON_LABELS[code as RejectReason]
    : code;
const riskFlagLabel = (code: string): string | Message =>
  (RISK_FLAGS as readonly string[]).includes(code) ? RISK_FLAG_LABELS[code as RiskFlag] : code;
const FIELD_LABELS = messagesOf('request.field', CORRECTABLE_FIELDS);
/** A field the applicant can correct, in words ("Applicant phone"); free text of older requests as written. */
const fieldLabel = (code: string): string | Message =>
  isCorrectableField(code) ? FIELD_LABELS[code] : code;

/** A document by its kind, or "a document" when the kind is not one the desk knows. */
function aDocument(kind: unknown): Message {
  const code = text(kind);
  return isDocumentKind(code) ? DOCUMENT_LABELS[code] : A_DOCUMENT;
}
const A_DOCUMENT = msg('audit.event.document.aDocument');

const documents = (value: unknown): string | Message => joined(list(value).map(documentLabel));
const riskFlags = (value: unknown): string | Message => joined(list(value).map(riskFlagLabel));

/** Each corrected field with its value before and after (masked as recorded): "Applicant phone (138****8000 → 139****2222)". */
function fieldChanges(value: unknown): (string | Message)[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const change = (item ?? {}) as Details;
    return msg('audit.event.request.resubmitted.change', {
      field: fieldLabel(text(change.field)),
      was: text(change.was),
      now: text(change.now),
    });
  });
}

/**
 * What a resubmission answered, in parts: the fields corrected (was → now), those sent
 * again unchanged, the documents replaced, and the risk flags the new assessment raised
 * or cleared. Empty for a resubmission recorded before corrections were kept.
 */
function resubmissionParts(d: Details): (string | Message)[] {
  const changes = fieldChanges(d.changes);
  const changed = new Set(
    (Array.isArray(d.changes) ? d.changes : []).map((item) => text((item as Details)?.field)),
  );
  const unchanged = list(d.fields).filter((field) => field && !changed.has(field));
  const parts: (string | Message)[] = [];
  if (changes.length)
    parts.push(
      msg('audit.event.request.resubmitted.corrected', { changes: joined(changes, 'comma') }),
    );
  if (unchanged.length)
    parts.push(
      msg('audit.event.request.resubmitted.unchanged', {
        fields: joined(unchanged.map(fieldLabel), 'comma'),
      }),
    );
  if (list(d.documents).length)
    parts.push(
      msg('audit.event.request.resubmitted.replaced', { documents: documents(d.documents) }),
    );
  if (list(d.flagsRaised).length)
    parts.push(
      msg('audit.event.request.resubmitted.flagsRaised', { flags: riskFlags(d.flagsRaised) }),
    );
  if (list(d.flagsCleared).length)
    parts.push(
      msg('audit.event.request.resubmitted.flagsCleared', { flags: riskFlags(d.flagsCleared) }),
    );
  return parts;
}
const formatName = (value: unknown): string => (text(value) === 'XLSX' ? 'Excel' : 'CSV');
const datasetName = (value: unknown): Message =>
  text(value) === 'requests'
    ? msg('audit.event.export.dataset.requests')
    : msg('audit.event.export.dataset.auditEvents');

const SIGN_IN_FAILURES: Record<string, MessageKey> = {
  'unknown-email': 'audit.event.staff.sign_in_failed.unknown-email',
  'wrong-password': 'audit.event.staff.sign_in_failed.wrong-password',
  'account-inactive': 'audit.event.staff.sign_in_failed.account-inactive',
};

const CHECK_FAILURES: [string, MessageKey][] = [
  ['legible', 'audit.event.request.checks_recorded.notLegible'],
  ['authentic', 'audit.event.request.checks_recorded.notAuthentic'],
  ['valid', 'audit.event.request.checks_recorded.notValid'],
  ['matchesApplication', 'audit.event.request.checks_recorded.notMatching'],
];

function describeChecks(value: unknown): string | Message {
  if (!Array.isArray(value)) return '';
  return joined(
    value.map((item) => {
      const check = (item ?? {}) as Details;
      const failures = CHECK_FAILURES.filter(([key]) => check[key] === false).map(([, key]) =>
        msg(key),
      );
      return failures.length === 0
        ? msg('audit.event.request.checks_recorded.passed', { document: aDocument(check.kind) })
        : msg('audit.event.request.checks_recorded.failed', {
            document: aDocument(check.kind),
            failures: joined(failures, 'comma'),
          });
    }),
  );
}

/** Why flags were added later; the approval of a sibling request is recorded in these words. */
function flaggedBecause(because: string): string | Message {
  const sibling = /^(\S+) was approved for the same subject$/.exec(because);
  return sibling
    ? msg('audit.event.request.flagged.siblingApproved', { reference: sibling[1] })
    : because;
}

/** The parameters every export sentence names. */
const filtersOf = (value: unknown): Message | null => {
  const filters = value as ExportFilters | null | undefined;
  return filters && typeof filters.from === 'string' && typeof filters.to === 'string'
    ? describeExportFilters(filters)
    : null;
};

const anExport = (d: Details) => ({
  format: formatName(d.format),
  dataset: datasetName(d.dataset),
});

/**
 * Every audit action in words, in one place: the audit trail's search page, the
 * request timeline and the exports read events through `describeAuditEvent`.
 */
const WORDINGS: Record<string, Wording> = {
  'staff.signed_in': {
    label: 'audit.action.staff.signed_in',
    sentence: (who) => msg('audit.event.staff.signed_in', { who }),
  },
  'staff.signed_out': {
    label: 'audit.action.staff.signed_out',
    sentence: (who) => msg('audit.event.staff.signed_out', { who }),
  },
  'staff.sign_in_failed': {
    label: 'audit.action.staff.sign_in_failed',
    sentence: (_, d) => {
      const reason = SIGN_IN_FAILURES[text(d.reason)];
      return msg('audit.event.staff.sign_in_failed', {
        email: text(d.email),
        reason: reason ? msg(reason) : text(d.reason),
      });
    },
  },
  'staff.sign_in_throttled': {
    label: 'audit.action.staff.sign_in_throttled',
    sentence: (_, d) => msg('audit.event.staff.sign_in_throttled', { email: text(d.email) }),
  },
  'staff.created': {
    label: 'audit.action.staff.created',
    sentence: (who, d) =>
      msg('audit.event.staff.created', {
        who,
        role: text(d.role),
        name: text(d.displayName),
        email: text(d.email),
      }),
  },
  'staff.deactivated': {
    label: 'audit.action.staff.deactivated',
    sentence: (who, d) => msg('audit.event.staff.deactivated', { who, email: text(d.email) }),
  },
  'request.submitted': {
    label: 'audit.action.request.submitted',
    sentence: (who, d) => {
      const flags = list(d.riskFlags);
      const reference = text(d.reference);
      return flags.length
        ? msg('audit.event.request.submittedWithFlags', {
            who,
            reference,
            flags: joined(flags.map(riskFlagLabel)),
          })
        : msg('audit.event.request.submitted', { who, reference });
    },
  },
  'request.claimed': {
    label: 'audit.action.request.claimed',
    sentence: (who) => msg('audit.event.request.claimed', { who }),
  },
  'request.released': {
    label: 'audit.action.request.released',
    sentence: (who) => msg('audit.event.request.released', { who }),
  },
  'request.reassigned': {
    label: 'audit.action.request.reassigned',
    sentence: (who, d) =>
      text(d.fromName)
        ? msg('audit.event.request.reassignedFrom', {
            who,
            from: text(d.fromName),
            to: text(d.assigneeName),
          })
        : msg('audit.event.request.reassigned', { who, to: text(d.assigneeName) }),
  },
  'request.checks_recorded': {
    label: 'audit.action.request.checks_recorded',
    sentence: (who, d) =>
      msg('audit.event.request.checks_recorded', { who, checks: describeChecks(d.checks) }),
  },
  'request.approved': {
    label: 'audit.action.request.approved',
    sentence: (who, d) =>
      d.awaitingSecondApproval === true
        ? msg('audit.event.request.approvedAwaitingSecond', { who })
        : msg('audit.event.request.approved', { who }),
  },
  'request.second_approval_given': {
    label: 'audit.action.request.second_approval_given',
    sentence: (who) => msg('audit.event.request.second_approval_given', { who }),
  },
  'request.returned_for_review': {
    label: 'audit.action.request.returned_for_review',
    sentence: (who, d) =>
      msg('audit.event.request.returned_for_review', { who, note: text(d.note) }),
  },
  'request.rejected': {
    label: 'audit.action.request.rejected',
    sentence: (who, d) =>
      msg('audit.event.request.rejected', {
        who,
        reasons: joined(list(d.reasons).map(rejectReasonLabel)),
      }),
  },
  'request.information_requested': {
    label: 'audit.action.request.information_requested',
    sentence: (who, d) => {
      const fields = list(d.fields).filter(Boolean);
      const asked = [
        ...(list(d.documents).length ? [documents(d.documents)] : []),
        ...(fields.length ? [joined(fields.map(fieldLabel), 'comma')] : []),
      ];
      return asked.length
        ? msg('audit.event.request.information_requestedOf', { who, asked: joined(asked) })
        : msg('audit.event.request.information_requested', { who });
    },
  },
  'request.resubmitted': {
    label: 'audit.action.request.resubmitted',
    sentence: (who, d) => {
      // Events recorded before corrections were kept name the documents alone.
      const corrections = 'changes' in d || 'flagsRaised' in d || 'flagsCleared' in d;
      if (!corrections)
        return list(d.documents).length
          ? msg('audit.event.request.resubmittedDocuments', {
              who,
              documents: documents(d.documents),
            })
          : msg('audit.event.request.resubmitted', { who });
      const parts = resubmissionParts(d);
      return parts.length
        ? msg('audit.event.request.resubmittedWith', { who, parts: joined(parts) })
        : msg('audit.event.request.resubmitted', { who });
    },
  },
  'request.note_added': {
    label: 'audit.action.request.note_added',
    sentence: (who, d) => msg('audit.event.request.note_added', { who, note: text(d.note) }),
  },
  'request.withdrawn': {
    label: 'audit.action.request.withdrawn',
    sentence: (who) => msg('audit.event.request.withdrawn', { who }),
  },
  'request.expired': {
    label: 'audit.action.request.expired',
    sentence: () => msg('audit.event.request.expired'),
  },
  'request.flagged': {
    label: 'audit.action.request.flagged',
    sentence: (_, d) => {
      const flags = joined(list(d.flags).map(riskFlagLabel));
      return text(d.because)
        ? msg('audit.event.request.flaggedBecause', {
            flags,
            because: flaggedBecause(text(d.because)),
          })
        : msg('audit.event.request.flagged', { flags });
    },
  },
  'request.sla_at_risk': {
    label: 'audit.action.request.sla_at_risk',
    sentence: () => msg('audit.event.request.sla_at_risk'),
  },
  'request.sla_breached': {
    label: 'audit.action.request.sla_breached',
    sentence: () => msg('audit.event.request.sla_breached'),
  },
  'request.deadline_rescheduled': {
    label: 'audit.action.request.deadline_rescheduled',
    sentence: () => msg('audit.event.request.deadline_rescheduled'),
  },
  'request.reply_deadline_rescheduled': {
    label: 'audit.action.request.reply_deadline_rescheduled',
    sentence: () => msg('audit.event.request.reply_deadline_rescheduled'),
  },
  'registry.account_email_replaced': {
    label: 'audit.action.registry.account_email_replaced',
    sentence: (who, d) =>
      msg('audit.event.registry.account_email_replaced', {
        who,
        filingNumber: text(d.filingNumber),
      }),
  },
  'registry.subject_registered': {
    label: 'audit.action.registry.subject_registered',
    sentence: (who, d) =>
      msg('audit.event.registry.subject_registered', { who, filingNumber: text(d.filingNumber) }),
  },
  'registry.imported': {
    label: 'audit.action.registry.imported',
    sentence: (who, d) =>
      msg('audit.event.registry.imported', {
        who,
        fileName: text(d.fileName),
        rows: text(d.rowsAccepted),
      }),
  },
  'document.viewed': {
    label: 'audit.action.document.viewed',
    sentence: (who, d) => msg('audit.event.document.viewed', { who, document: aDocument(d.kind) }),
  },
  'calendar.year_added': {
    label: 'audit.action.calendar.year_added',
    sentence: (who, d) => msg('audit.event.calendar.year_added', { who, year: text(d.year) }),
  },
  'calendar.year_changed': {
    label: 'audit.action.calendar.year_changed',
    sentence: (who, d) => msg('audit.event.calendar.year_changed', { who, year: text(d.year) }),
  },
  'audit.verified': {
    label: 'audit.action.audit.verified',
    sentence: (who, d) =>
      d.ok === true
        ? msg('audit.event.audit.verifiedIntact', { who, count: text(d.verified) })
        : msg('audit.event.audit.verifiedBroken', {
            who,
            seq: text(d.brokenAt),
            kind: text(d.kind),
          }),
  },
  'export.requested': {
    label: 'audit.action.export.requested',
    sentence: (who, d) =>
      msg('audit.event.export.requested', {
        who,
        ...anExport(d),
        // The filters in the reader's words; events from before filters were kept, as recorded.
        description: filtersOf(d.filters) ?? text(d.description),
      }),
  },
  'export.completed': {
    label: 'audit.action.export.completed',
    sentence: (_, d) =>
      msg('audit.event.export.completed', { ...anExport(d), rows: text(d.rowCount) }),
  },
  'export.failed': {
    label: 'audit.action.export.failed',
    sentence: (_, d) => msg('audit.event.export.failed', { ...anExport(d), error: text(d.error) }),
  },
  'export.downloaded': {
    label: 'audit.action.export.downloaded',
    sentence: (who, d) =>
      msg('audit.event.export.downloaded', { who, ...anExport(d), rows: text(d.rowCount) }),
  },
  'export.removed': {
    label: 'audit.action.export.removed',
    sentence: (_, d) =>
      msg('audit.event.export.removed', { ...anExport(d), days: text(d.retentionDays) }),
  },
};

/** How the actor is named at the start of a sentence. */
function whoOf(actorType: string, actorName: string | null): Who {
  // Whatever was typed as an email at a failed sign-in is the actor's name.
  const name = actorName ? maskIdentifiersInText(actorName) : '';
  switch (actorType) {
    case 'STAFF':
      return name || msg('audit.who.staff');
    case 'INTAKE_CLIENT':
      return name ? msg('audit.who.intakeClientNamed', { name }) : msg('audit.who.intakeClient');
    case 'SYSTEM':
      return name ? msg('audit.who.systemNamed', { name }) : msg('audit.who.system');
    default:
      return name ? msg('audit.who.someoneNamed', { name }) : msg('audit.who.someone');
  }
}

/** A detail's label: the recorded field name in words ("awaitingSecondApproval" → "Awaiting second approval"). */
function labelOf(key: string): Message {
  // A timeline words a hundred details a page from a few dozen names: each label made once.
  let label = DETAIL_LABELS.get(key);
  if (!label) {
    const known = `audit.detail.${key}`;
    label = isMessageKey(known)
      ? msg(known)
      : msg('audit.detail.other', { name: wordsOfName(key) });
    if (DETAIL_LABELS.size < 1_000) DETAIL_LABELS.set(key, label);
  }
  return label;
}
const DETAIL_LABELS = new Map<string, Message>();

/** "someFieldName" → "Some field name", for a field the catalogue has no label for. */
function wordsOfName(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown): string | Message {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return msg(value ? 'audit.detail.yes' : 'audit.detail.no');
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.length === 0 ? '—' : value.map(plainValueOf).join(', ');
  }
  return JSON.stringify(value);
}

/** A value inside a list of plain values, as recorded. */
function plainValueOf(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Details whose recorded codes have words: each named as the sentences name it. */
const DETAIL_VALUES: Record<string, (value: unknown) => string | Message> = {
  fields: inWords((value) => joined(list(value).map(fieldLabel), 'comma')),
  changes: inWords((value) => joined(fieldChanges(value))),
  flagsRaised: inWords(riskFlags),
  flagsCleared: inWords(riskFlags),
};

/** A list detail in words ("—" when empty); anything else as recorded. */
function inWords(
  words: (value: unknown[]) => string | Message,
): (value: unknown) => string | Message {
  return (value) => (Array.isArray(value) ? words(value) || '—' : valueOf(value));
}

/** One audit event in words, its personal data masked. */
export function describeAuditEvent(event: AuditEventForWords): WordedAuditEvent {
  const details = maskPersonalData(event.details ?? {}) as Details;
  return {
    sentence: sentenceOfMasked(event, details),
    details: Object.entries(details).map(([key, value]) => ({
      label: labelOf(key),
      value: (DETAIL_VALUES[key] ?? valueOf)(value),
    })),
  };
}

/**
 * The sentence of an event whose details are already masked (exports mask
 * once and write both the sentence and the details).
 */
export function sentenceOfMasked(
  event: Omit<AuditEventForWords, 'details'>,
  maskedDetails: Record<string, unknown>,
): Message {
  const who = whoOf(event.actorType, event.actorName);
  const wording = WORDINGS[event.action];
  return wording
    ? wording.sentence(who, maskedDetails)
    : msg('audit.event.unknown', { who, action: event.action });
}

/** The short name of an action ("Approved" · "通过"), or the action itself when it has none. */
export function auditActionLabel(action: string): Message {
  const wording = WORDINGS[action];
  return wording ? msg(wording.label) : msg('audit.action.unknown', { action });
}

/** Every action with words, for the search form's choice of action. */
export const KNOWN_AUDIT_ACTIONS: { value: string; label: Message }[] = Object.entries(
  WORDINGS,
).map(([value, wording]) => ({ value, label: msg(wording.label) }));

/**
 * Several document views in a row by one person, as one entry: "Li Na viewed
 * ID card, front; ID card, back (4 views)".
 */
export function describeDocumentViews(
  actor: Omit<AuditEventForWords, 'details' | 'action'>,
  kinds: unknown[],
): WordedAuditEvent {
  const viewed = joined([...new Set(kinds.map(text))].map(aDocument));
  return {
    sentence: msg('audit.event.document.viewedMany', {
      who: whoOf(actor.actorType, actor.actorName),
      documents: viewed,
      count: String(kinds.length),
    }),
    details: [
      { label: msg('audit.detail.documentsViewed'), value: viewed },
      { label: msg('audit.detail.views'), value: String(kinds.length) },
    ],
  };
}

/** Whether the catalogues have words for this key (the detail labels are looked up by field name). */
function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUES.en, key);
}
