import { DOCUMENT_LABELS } from '../../initialization/domain/document-kind.js';
import { REJECT_REASON_LABELS } from '../../initialization/domain/reject-reason.js';
import { RISK_FLAG_LABELS } from '../../initialization/domain/risk-flag.js';
import { ROLE_LABELS, isStaffRole } from '../../shared/domain/staff-role.js';
import { maskIdentifiersInText, maskPersonalData } from '../domain/personal-data.js';

/** What the wording needs of an audit event. */
export interface AuditEventForWords {
  action: string;
  actorType: string;
  actorName: string | null;
  details: Record<string, unknown>;
}

export interface WordedAuditEvent {
  /** "Wang Fang approved — awaiting second approval" */
  sentence: string;
  /** Every detail, personal data masked, as label and value. */
  details: { label: string; value: string }[];
}

type Details = Record<string, unknown>;

interface Wording {
  /** Short name of the action, for filters: "Approved". */
  label: string;
  sentence(who: string, details: Details): string;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(text) : []);
const labelled = (codes: string[], labels: Record<string, string>): string =>
  codes.map((code) => labels[code] ?? code).join('; ');
const documents = (value: unknown): string => labelled(list(value), DOCUMENT_LABELS);
const formatName = (value: unknown): string => (text(value) === 'XLSX' ? 'Excel' : 'CSV');
const datasetName = (value: unknown): string =>
  text(value) === 'requests' ? 'requests' : 'audit events';

const SIGN_IN_FAILURES: Record<string, string> = {
  'unknown-email': 'there is no account with this email',
  'wrong-password': 'the password was wrong',
  'account-inactive': 'the account is deactivated',
};

const CHECK_FAILURES: [string, string][] = [
  ['legible', 'not legible'],
  ['authentic', 'not authentic'],
  ['valid', 'not valid'],
  ['matchesApplication', 'does not match the application'],
];

function describeChecks(value: unknown): string {
  if (!Array.isArray(value)) return '';
  return value
    .map((item) => {
      const check = (item ?? {}) as Details;
      const kind =
        DOCUMENT_LABELS[text(check.kind) as keyof typeof DOCUMENT_LABELS] ?? 'a document';
      const failures = CHECK_FAILURES.filter(([key]) => check[key] === false).map(([, w]) => w);
      return `${kind} ${failures.length === 0 ? 'passed' : failures.join(', ')}`;
    })
    .join('; ');
}

/**
 * Every audit action in words, in one place: the audit trail's search page and
 * the request timeline both read events through `describeAuditEvent`.
 */
const WORDINGS: Record<string, Wording> = {
  'staff.signed_in': { label: 'Signed in', sentence: (who) => `${who} signed in` },
  'staff.signed_out': { label: 'Signed out', sentence: (who) => `${who} signed out` },
  'staff.sign_in_failed': {
    label: 'Sign-in failed',
    sentence: (_, d) =>
      `A sign-in as ${text(d.email)} failed: ${SIGN_IN_FAILURES[text(d.reason)] ?? text(d.reason)}`,
  },
  'staff.sign_in_throttled': {
    label: 'Sign-in throttled',
    sentence: (_, d) => `A sign-in as ${text(d.email)} was refused after too many failed attempts`,
  },
  'staff.created': {
    label: 'Staff account created',
    sentence: (who, d) => {
      const role = isStaffRole(d.role) ? ROLE_LABELS[d.role].toLowerCase() : text(d.role);
      return `${who} created the ${role} account of ${text(d.displayName)} (${text(d.email)})`;
    },
  },
  'staff.deactivated': {
    label: 'Staff account deactivated',
    sentence: (who, d) => `${who} deactivated the account ${text(d.email)}`,
  },
  'request.submitted': {
    label: 'Request received',
    sentence: (who, d) => {
      const flags = list(d.riskFlags);
      return `${who} submitted request ${text(d.reference)}${flags.length ? ` with risk flags: ${labelled(flags, RISK_FLAG_LABELS)}` : ''}`;
    },
  },
  'request.claimed': { label: 'Claimed', sentence: (who) => `${who} claimed the request` },
  'request.released': {
    label: 'Released',
    sentence: (who) => `${who} released the request back to the queue`,
  },
  'request.reassigned': {
    label: 'Reassigned',
    sentence: (who, d) =>
      `${who} reassigned the request ${text(d.fromName) ? `from ${text(d.fromName)} ` : ''}to ${text(d.assigneeName)}`,
  },
  'request.checks_recorded': {
    label: 'Documents checked',
    sentence: (who, d) => `${who} recorded document checks: ${describeChecks(d.checks)}`,
  },
  'request.approved': {
    label: 'Approved',
    sentence: (who, d) =>
      d.awaitingSecondApproval === true
        ? `${who} approved — awaiting second approval`
        : `${who} approved — the account email was replaced`,
  },
  'request.second_approval_given': {
    label: 'Second approval given',
    sentence: (who) => `${who} gave the second approval — the account email was replaced`,
  },
  'request.returned_for_review': {
    label: 'Sent back at second approval',
    sentence: (who, d) => `${who} sent the request back for review: “${text(d.note)}”`,
  },
  'request.rejected': {
    label: 'Rejected',
    sentence: (who, d) =>
      `${who} rejected the request: ${labelled(list(d.reasons), REJECT_REASON_LABELS)}`,
  },
  'request.information_requested': {
    label: 'Information requested',
    sentence: (who, d) => {
      const asked = [documents(d.documents), list(d.fields).join(', ')].filter(Boolean);
      return `${who} asked the applicant for more information${asked.length ? `: ${asked.join('; ')}` : ''}`;
    },
  },
  'request.resubmitted': {
    label: 'Resubmitted',
    sentence: (who, d) => `${who} resubmitted ${documents(d.documents) || 'the request'}`,
  },
  'request.withdrawn': {
    label: 'Withdrawn',
    sentence: (who) => `${who} withdrew the request`,
  },
  'request.expired': {
    label: 'Expired',
    sentence: () => 'The request expired: the applicant did not answer in time',
  },
  'request.flagged': {
    label: 'Risk flagged',
    sentence: (_, d) =>
      `Risk flagged: ${labelled(list(d.flags), RISK_FLAG_LABELS)}${text(d.because) ? ` (${text(d.because)})` : ''}`,
  },
  'request.sla_at_risk': {
    label: 'At risk',
    sentence: () => 'The request became at risk of missing its deadline',
  },
  'request.sla_breached': {
    label: 'Deadline missed',
    sentence: () => 'The request missed its deadline',
  },
  'request.deadline_rescheduled': {
    label: 'Deadline moved',
    sentence: () => 'The deadline was worked out again after a change to the business calendar',
  },
  'request.reply_deadline_rescheduled': {
    label: 'Reply deadline moved',
    sentence: () =>
      'The applicant’s reply deadline was worked out again after a change to the business calendar',
  },
  'registry.account_email_replaced': {
    label: 'Account email replaced',
    sentence: (who, d) =>
      `${who} replaced the filing account email of ${text(d.filingNumber)} in the registry`,
  },
  'registry.subject_registered': {
    label: 'Subject registered',
    sentence: (who, d) => `${who} registered the filing subject ${text(d.filingNumber)}`,
  },
  'registry.imported': {
    label: 'Registry imported',
    sentence: (who, d) =>
      `${who} imported the legacy registry ${text(d.fileName)} (${text(d.rowsAccepted)} rows accepted)`,
  },
  'document.viewed': {
    label: 'Document viewed',
    sentence: (who, d) =>
      `${who} viewed ${DOCUMENT_LABELS[text(d.kind) as keyof typeof DOCUMENT_LABELS] ?? 'a document'}`,
  },
  'audit.verified': {
    label: 'Audit trail verified',
    sentence: (who, d) =>
      d.ok === true
        ? `${who} verified the audit trail: ${text(d.verified)} events intact`
        : `${who} verified the audit trail: it breaks at event #${text(d.brokenAt)} (${text(d.kind)})`,
  },
  'export.requested': {
    label: 'Export requested',
    sentence: (who, d) =>
      `${who} requested a ${formatName(d.format)} export of ${datasetName(d.dataset)} (${text(d.description)})`,
  },
  'export.completed': {
    label: 'Export completed',
    sentence: (_, d) =>
      `The ${formatName(d.format)} export of ${datasetName(d.dataset)} finished with ${text(d.rowCount)} rows`,
  },
  'export.failed': {
    label: 'Export failed',
    sentence: (_, d) =>
      `The ${formatName(d.format)} export of ${datasetName(d.dataset)} failed: ${text(d.error)}`,
  },
  'export.downloaded': {
    label: 'Export downloaded',
    sentence: (who, d) =>
      `${who} downloaded the ${formatName(d.format)} export of ${datasetName(d.dataset)} (${text(d.rowCount)} rows)`,
  },
  'export.removed': {
    label: 'Export removed',
    sentence: (_, d) =>
      `The ${formatName(d.format)} export of ${datasetName(d.dataset)} was removed after the ${text(d.retentionDays)}-day retention period`,
  },
};

/** How the actor is named at the start of a sentence. */
function whoOf(actorType: string, actorName: string | null): string {
  // Whatever was typed as an email at a failed sign-in is the actor's name.
  const name = actorName ? maskIdentifiersInText(actorName) : '';
  switch (actorType) {
    case 'STAFF':
      return name || 'A staff member';
    case 'INTAKE_CLIENT':
      return name ? `The filing system (${name})` : 'The filing system';
    case 'SYSTEM':
      return name ? `The system (${name})` : 'The system';
    default:
      return name ? `Someone (${name})` : 'Someone';
  }
}

/** "awaitingSecondApproval" → "Awaiting second approval" */
function labelOf(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function valueOf(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) {
    return value.length === 0 ? '—' : value.map(valueOf).join(', ');
  }
  return JSON.stringify(value);
}

/** One audit event in words, its personal data masked. */
export function describeAuditEvent(event: AuditEventForWords): WordedAuditEvent {
  const details = maskPersonalData(event.details ?? {}) as Details;
  return {
    sentence: sentenceOfMasked(event, details),
    details: Object.entries(details).map(([key, value]) => ({
      label: labelOf(key),
      value: valueOf(value),
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
): string {
  const who = whoOf(event.actorType, event.actorName);
  const wording = WORDINGS[event.action];
  return wording ? wording.sentence(who, maskedDetails) : `${who}: ${event.action}`;
}

/** The short name of an action ("Approved"), or the action itself when it has none. */
export function auditActionLabel(action: string): string {
  return WORDINGS[action]?.label ?? action;
}

/** Every action with words, for the search form's choice of action. */
export const KNOWN_AUDIT_ACTIONS: { value: string; label: string }[] = Object.entries(WORDINGS).map(
  ([value, wording]) => ({ value, label: wording.label }),
);

/**
 * Several document views in a row by one person, as one entry: "Li Na viewed
 * ID card, front; ID card, back (4 views)".
 */
export function describeDocumentViews(
  actor: Omit<AuditEventForWords, 'details' | 'action'>,
  kinds: unknown[],
): WordedAuditEvent {
  const labels = [...new Set(kinds.map(text))].map(
    (kind) => DOCUMENT_LABELS[kind as keyof typeof DOCUMENT_LABELS] ?? 'a document',
  );
  return {
    sentence: `${whoOf(actor.actorType, actor.actorName)} viewed ${labels.join('; ')} (${kinds.length} views)`,
    details: [
      { label: 'Documents', value: labels.join('; ') },
      { label: 'Views', value: String(kinds.length) },
    ],
  };
}
