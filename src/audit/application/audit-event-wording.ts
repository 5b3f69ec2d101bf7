import {
  CORRECTABLE_FIELDS,
  isCorrectableField,
  DOCUMENT_KINDS,
  isDocumentKind,
  REJECT_REASONS,
  type RejectReason,
  REQUEST_STATUSES,
  type RequestStatus,
  RISK_FLAGS,
  type RiskFlag,
} from '../../initialization/contracts/vocabulary.js';
import {
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTIONS,
  isAuditAction,
  type AuditAction,
  type AuditActionGroup,
} from '../../shared/domain/audit-actions.js';
import { isStaffRole, STAFF_ROLES } from '../../shared/domain/staff-role.js';
import { messagesOf, msg, type Message } from '../../shared/i18n/message.js';
import { CATALOGUES, type MessageKey } from '../../shared/i18n/messages/index.js';
import { describeExportFilters } from '../domain/data-export-request.js';
import type { ExportFilters } from '../domain/export-filters.js';
import { failureWords, type VerificationFailureRecord } from './verification-words.js';
import { maskIdentifiersInText, maskPersonalData } from '../../shared/domain/personal-data.js';

/**
 * What the wording needs of an audit event. It words stored events, read back from the
 * database: `details` is JSON as any version of the desk recorded it, so it stays untyped
 * and every reader below tolerates a field missing or shaped otherwise. (The newest shapes
 * are the typed events in each context's `contracts/events.ts`.)
 */
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
  /**
   * The event's details in words, when the recorded fields alone would not say it
   * (a calendar edit names the days it added and removed). Default: each recorded
   * field, labelled, its value in words.
   */
  details?(details: Details): WordedDetail[];
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
/** A recorded instant (ISO 8601), for a sentence to show in the reader's zone and words. */
const instant = (value: unknown): Date | null => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const at = new Date(value);
  return Number.isNaN(at.getTime()) ? null : at;
};
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

const ROLE_LABELS = messagesOf('common.role', STAFF_ROLES);
/** A staff role in words ("Senior reviewer"); anything else as recorded. */
const roleLabel = (value: unknown): string | Message =>
  isStaffRole(value) ? ROLE_LABELS[value] : text(value);

const STATUS_LABELS = messagesOf('request.status', REQUEST_STATUSES);
/** A request's state in words ("In review"); anything else as recorded. */
const statusLabel = (value: unknown): string | Message =>
  (REQUEST_STATUSES as readonly string[]).includes(text(value))
    ? STATUS_LABELS[text(value) as RequestStatus]
    : text(value);

/** The requests a deactivation gave back: "BD-1 (In review); BD-2 (Awaiting the applicant)". */
function returnedRequests(value: unknown): string | Message {
  if (!Array.isArray(value)) return '';
  return joined(
    value.map((item) => {
      const request = (item ?? {}) as Details;
      return msg('audit.event.staff.returnedRequest', {
        reference: text(request.reference),
        status: statusLabel(request.status),
      });
    }),
  );
}

/** Why something happened, for the reasons recorded as codes. */
const BECAUSE: Record<string, MessageKey> = {
  'holder-deactivated': 'audit.detail.because.holderDeactivated',
};

/** Whether held work was released or handed on because its holder's account was deactivated. */
const becauseDeactivated = (d: Details): boolean =>
  /deactivat/i.test(`${text(d.because)} ${text(d.reason)} ${text(d.why)}`) ||
  d.holderDeactivated === true;

/**
 * The days a calendar arrangement lists (`daysOff` blocks `{from, to, name}` or
 * `makeUpWorkdays` `{date, name}`), each day ('YYYY-MM-DD') with the name it carries.
 */
function calendarDays(value: unknown): Map<string, string> {
  const days = new Map<string, string>();
  if (!Array.isArray(value)) return days;
  for (const item of value as Details[]) {
    if (!item || typeof item !== 'object') continue;
    const name = text(item.name);
    const from = text(item.from ?? item.date);
    const to = text(item.to ?? item.date);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(from) || !/^\d{4}-\d{2}-\d{2}$/.test(to)) continue;
    // At most a year of days: a block is never longer, and a broken one must not loop for long.
    for (let day = from, n = 0; day <= to && n < 400; day = nextDay(day), n++) days.set(day, name);
  }
  return days;
}

function nextDay(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/** Days in `a` that are not in `b`, in runs of consecutive days of one name: "2027-10-01 to 2027-10-07 (National Day)". */
function dayRuns(a: Map<string, string>, b: Map<string, string>): Message[] {
  const days = [...a.keys()].filter((day) => !b.has(day)).sort();
  const runs: { from: string; to: string; name: string }[] = [];
  for (const day of days) {
    const name = a.get(day)!;
    const last = runs[runs.length - 1];
    if (last && last.name === name && nextDay(last.to) === day) last.to = day;
    else runs.push({ from: day, to: day, name });
  }
  return runs.map((run) =>
    run.from === run.to
      ? msg('audit.event.calendar.day', { day: run.from, name: run.name })
      : msg('audit.event.calendar.days', run),
  );
}

type ListedKind = 'DAY_OFF' | 'MAKE_UP_WORKDAY';
/** A listed day as a calendar edit records it: `{day, kind, name}` (changed ones also `previousKind`, `previousName`). */
interface ListedDay {
  day: string;
  kind: ListedKind;
  name: string;
  previousKind?: ListedKind;
  previousName?: string;
}

const listedDays = (value: unknown): ListedDay[] =>
  (Array.isArray(value) ? (value as Details[]) : [])
    .filter((item) => item && typeof item === 'object' && typeof item.day === 'string')
    .map((item) => ({
      day: text(item.day),
      kind: item.kind === 'MAKE_UP_WORKDAY' ? 'MAKE_UP_WORKDAY' : 'DAY_OFF',
      name: text(item.name),
      previousKind:
        item.previousKind === 'MAKE_UP_WORKDAY'
          ? 'MAKE_UP_WORKDAY'
          : item.previousKind === 'DAY_OFF'
            ? 'DAY_OFF'
            : undefined,
      previousName: text(item.previousName),
    }));

const asMap = (days: ListedDay[]) => new Map(days.map(({ day, name }) => [day, name]));
const none = new Map<string, string>();

/** What a calendar edit changed, in words (null for an event that kept neither the changes nor the year before). */
function calendarDiff(d: Details) {
  if (Array.isArray(d.daysAdded) || Array.isArray(d.daysRemoved) || Array.isArray(d.daysChanged)) {
    const added = listedDays(d.daysAdded);
    const removed = listedDays(d.daysRemoved);
    const ofKind = (days: ListedDay[], kind: ListedKind) =>
      dayRuns(asMap(days.filter((day) => day.kind === kind)), none);
    const previous = d.previous as Details | null | undefined;
    return {
      daysOffAdded: ofKind(added, 'DAY_OFF'),
      daysOffRemoved: ofKind(removed, 'DAY_OFF'),
      workdaysAdded: ofKind(added, 'MAKE_UP_WORKDAY'),
      workdaysRemoved: ofKind(removed, 'MAKE_UP_WORKDAY'),
      changed: listedDays(d.daysChanged).map((day) =>
        msg('audit.event.calendar.dayChanged', {
          day: day.day,
          was: kindOfDay(day.previousKind ?? day.kind, day.previousName ?? day.name),
          now: kindOfDay(day.kind, day.name),
        }),
      ),
      sourceChanged:
        !!previous && typeof previous === 'object' && text(previous.source) !== text(d.source),
      previousSource: previous && typeof previous === 'object' ? text(previous.source) : '',
    };
  }
  // Events recorded before the changes were kept: worked out from the year before.
  const previous = d.previous as Details | null | undefined;
  if (!previous || typeof previous !== 'object' || !Array.isArray(d.daysOff)) return null;
  const daysOff = calendarDays(d.daysOff);
  const daysOffBefore = calendarDays(previous.daysOff);
  const workdays = calendarDays(d.makeUpWorkdays);
  const workdaysBefore = calendarDays(previous.makeUpWorkdays);
  return {
    daysOffAdded: dayRuns(daysOff, daysOffBefore),
    daysOffRemoved: dayRuns(daysOffBefore, daysOff),
    workdaysAdded: dayRuns(workdays, workdaysBefore),
    workdaysRemoved: dayRuns(workdaysBefore, workdays),
    changed: [] as Message[],
    sourceChanged: text(previous.source) !== text(d.source),
    previousSource: text(previous.source),
  };
}

/** "day off (Labour Day)" · "调休上班日（劳动节）" */
const kindOfDay = (kind: ListedKind, name: string): Message =>
  msg(
    kind === 'MAKE_UP_WORKDAY'
      ? 'audit.event.calendar.workdayNamed'
      : 'audit.event.calendar.dayOffNamed',
    {
      name,
    },
  );

const count = (value: unknown): number =>
  typeof value === 'number' ? value : Number(text(value)) || 0;

/** The year-before days and the deadlines a calendar save moved, as parts of its sentence. */
function calendarConsequences(d: Details): Message[] {
  const parts: Message[] = [];
  const yearBefore = list(d.yearBeforeDays).filter(Boolean);
  if (yearBefore.length)
    parts.push(msg('audit.event.calendar.yearBefore', { days: joined(yearBefore, 'comma') }));
  if ('deadlinesMoved' in d || 'replyDeadlinesMoved' in d)
    parts.push(
      msg('audit.event.calendar.deadlinesMoved', {
        deadlines: count(d.deadlinesMoved),
        replies: count(d.replyDeadlinesMoved),
      }),
    );
  return parts;
}

/** A calendar edit's changes as parts of its sentence: "days off added: …; make-up workdays removed: …". */
function calendarChanges(d: Details): Message[] | null {
  const diff = calendarDiff(d);
  if (!diff) return null;
  const parts: Message[] = [];
  if (diff.daysOffAdded.length)
    parts.push(msg('audit.event.calendar.daysOffAdded', { days: joined(diff.daysOffAdded) }));
  if (diff.daysOffRemoved.length)
    parts.push(msg('audit.event.calendar.daysOffRemoved', { days: joined(diff.daysOffRemoved) }));
  if (diff.workdaysAdded.length)
    parts.push(msg('audit.event.calendar.workdaysAdded', { days: joined(diff.workdaysAdded) }));
  if (diff.workdaysRemoved.length)
    parts.push(msg('audit.event.calendar.workdaysRemoved', { days: joined(diff.workdaysRemoved) }));
  if (diff.changed.length)
    parts.push(msg('audit.event.calendar.daysChanged', { days: joined(diff.changed) }));
  if (diff.sourceChanged) parts.push(msg('audit.event.calendar.sourceChanged'));
  if (parts.length === 0) parts.push(msg('audit.event.calendar.nothingChanged'));
  return [...parts, ...calendarConsequences(d)];
}

/** A calendar year's details: the year, its notice, what an edit changed and moved, and its days in words. */
function calendarDetails(d: Details): WordedDetail[] {
  const all = (days: Map<string, string>) => joined(dayRuns(days, none)) || '—';
  const details: WordedDetail[] = [
    { label: labelOf('year'), value: text(d.year) },
    { label: labelOf('source'), value: text(d.source) || '—' },
  ];
  const diff = calendarDiff(d);
  if (diff) {
    const changed = (label: string, runs: Message[]) => {
      if (runs.length) details.push({ label: labelOf(label), value: joined(runs) });
    };
    changed('daysOffAdded', diff.daysOffAdded);
    changed('daysOffRemoved', diff.daysOffRemoved);
    changed('workdaysAdded', diff.workdaysAdded);
    changed('workdaysRemoved', diff.workdaysRemoved);
    changed('daysChanged', diff.changed);
    if (diff.sourceChanged)
      details.push({ label: labelOf('previousSource'), value: diff.previousSource || '—' });
  }
  const yearBefore = list(d.yearBeforeDays).filter(Boolean);
  if (yearBefore.length)
    details.push({ label: labelOf('yearBeforeDays'), value: yearBefore.join(', ') });
  if ('deadlinesMoved' in d)
    details.push({ label: labelOf('deadlinesMoved'), value: String(count(d.deadlinesMoved)) });
  if ('replyDeadlinesMoved' in d)
    details.push({
      label: labelOf('replyDeadlinesMoved'),
      value: String(count(d.replyDeadlinesMoved)),
    });
  details.push(
    { label: labelOf('daysOff'), value: all(calendarDays(d.daysOff)) },
    { label: labelOf('makeUpWorkdays'), value: all(calendarDays(d.makeUpWorkdays)) },
  );
  return details;
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
const WORDINGS: Record<AuditAction, Wording> = {
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
    sentence: (who, d) => {
      const requests = returnedRequests(d.returnedRequests);
      if (!requests) return msg('audit.event.staff.deactivated', { who, email: text(d.email) });
      return text(d.handedToName)
        ? msg('audit.event.staff.deactivatedHandedTo', {
            who,
            email: text(d.email),
            to: text(d.handedToName),
            requests,
          })
        : msg('audit.event.staff.deactivatedReleased', { who, email: text(d.email), requests });
    },
  },
  'staff.reactivated': {
    label: 'audit.action.staff.reactivated',
    sentence: (who, d) => msg('audit.event.staff.reactivated', { who, email: text(d.email) }),
  },
  'staff.role_changed': {
    label: 'audit.action.staff.role_changed',
    sentence: (who, d) =>
      msg('audit.event.staff.role_changed', {
        who,
        email: text(d.email),
        from: roleLabel(d.from ?? d.previousRole ?? d.oldRole),
        to: roleLabel(d.to ?? d.newRole ?? d.role),
      }),
  },
  'staff.password_reset_issued': {
    label: 'audit.action.staff.password_reset_issued',
    sentence: (who, d) =>
      msg(
        d.mailed === true
          ? 'audit.event.staff.password_reset_issuedMailed'
          : 'audit.event.staff.password_reset_issued',
        { who, email: text(d.email) },
      ),
  },
  'staff.password_set': {
    label: 'audit.action.staff.password_set',
    sentence: (who) => msg('audit.event.staff.password_set', { who }),
  },
  'staff.password_changed': {
    label: 'audit.action.staff.password_changed',
    sentence: (who) => msg('audit.event.staff.password_changed', { who }),
  },
  'staff.other_sessions_ended': {
    label: 'audit.action.staff.other_sessions_ended',
    sentence: (who) => msg('audit.event.staff.other_sessions_ended', { who }),
  },
  'staff.lockout_cleared': {
    label: 'audit.action.staff.lockout_cleared',
    sentence: (who, d) => {
      const address = text(d.ip ?? d.address);
      // An address locked out of every account names no account.
      if (!text(d.email) && address)
        return msg('audit.event.staff.lockout_clearedAddress', { who, address });
      return address
        ? msg('audit.event.staff.lockout_clearedFrom', { who, email: text(d.email), address })
        : msg('audit.event.staff.lockout_cleared', { who, email: text(d.email) });
    },
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
    sentence: (who, d) =>
      text(d.fromName)
        ? msg(
            becauseDeactivated(d)
              ? 'audit.event.request.releasedDeactivated'
              : 'audit.event.request.releasedFrom',
            { who, from: text(d.fromName) },
          )
        : msg('audit.event.request.released', { who }),
  },
  'request.reassigned': {
    label: 'audit.action.request.reassigned',
    sentence: (who, d) =>
      text(d.fromName)
        ? msg(
            becauseDeactivated(d)
              ? 'audit.event.request.reassignedDeactivated'
              : 'audit.event.request.reassignedFrom',
            {
              who,
              from: text(d.fromName),
              to: text(d.assigneeName),
            },
          )
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
    sentence: (_, d) => {
      const [was, now] = [instant(d.previousDueAt), instant(d.dueAt)];
      return was && now
        ? msg('audit.event.request.deadline_rescheduledFromTo', { was, now })
        : msg('audit.event.request.deadline_rescheduled');
    },
  },
  'request.reply_deadline_rescheduled': {
    label: 'audit.action.request.reply_deadline_rescheduled',
    sentence: (_, d) => {
      const [was, now] = [instant(d.previousExpiresAt), instant(d.expiresAt)];
      return was && now
        ? msg('audit.event.request.reply_deadline_rescheduledFromTo', { was, now })
        : msg('audit.event.request.reply_deadline_rescheduled');
    },
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
  'document.purged': {
    label: 'audit.action.document.purged',
    sentence: (_, d) =>
      msg('audit.event.document.purged', {
        document: aDocument(d.kind),
        days: text(d.retentionDays),
      }),
  },
  'document.orphans_removed': {
    label: 'audit.action.document.orphans_removed',
    sentence: (who, d) =>
      msg('audit.event.document.orphans_removed', {
        who,
        count: Number(d.count) || 0,
        hours: text(d.graceHours),
      }),
  },
  'document.keys_rewrapped': {
    label: 'audit.action.document.keys_rewrapped',
    sentence: (who, d) =>
      msg('audit.event.document.keys_rewrapped', {
        who,
        count: Number(d.count) || 0,
        keyId: text(d.keyId),
      }),
  },
  'document.legacy_encrypted': {
    label: 'audit.action.document.legacy_encrypted',
    sentence: (who, d) =>
      msg('audit.event.document.legacy_encrypted', { who, count: Number(d.count) || 0 }),
  },
  'calendar.year_added': {
    label: 'audit.action.calendar.year_added',
    sentence: (who, d) =>
      Array.isArray(d.daysOff)
        ? msg('audit.event.calendar.year_addedWith', {
            who,
            year: text(d.year),
            parts: joined([
              msg('audit.event.calendar.counts', {
                daysOff: calendarDays(d.daysOff).size,
                workdays: calendarDays(d.makeUpWorkdays).size,
              }),
              ...calendarConsequences(d),
            ]),
          })
        : msg('audit.event.calendar.year_added', { who, year: text(d.year) }),
    details: (d) => calendarDetails(d),
  },
  'calendar.year_changed': {
    label: 'audit.action.calendar.year_changed',
    sentence: (who, d) => {
      const changes = calendarChanges(d);
      return changes
        ? msg('audit.event.calendar.year_changedWith', {
            who,
            year: text(d.year),
            changes: joined(changes),
          })
        : msg('audit.event.calendar.year_changed', { who, year: text(d.year) });
    },
    details: (d) => calendarDetails(d),
  },
  'audit.verified': {
    label: 'audit.action.audit.verified',
    sentence: (who, d) => {
      // Since issue 18 a verification records its mode and, failed, a failure object.
      if (d.mode === 'incremental' || d.mode === 'full') {
        const mode = msg(`audit.verify.mode.${d.mode}`);
        const failure = d.failure as VerificationFailureRecord | undefined;
        return d.ok === true || !failure
          ? msg('audit.event.audit.verifiedPassed', { who, mode, count: Number(d.verified) || 0 })
          : msg('audit.event.audit.verifiedFailed', { who, mode, failure: failureWords(failure) });
      }
      return d.ok === true
        ? msg('audit.event.audit.verifiedIntact', { who, count: text(d.verified) })
        : msg('audit.event.audit.verifiedBroken', {
            who,
            seq: text(d.brokenAt),
            kind: text(d.kind),
          });
    },
  },
  'audit.keyed_links_started': {
    label: 'audit.action.audit.keyed_links_started',
    sentence: (who, d) =>
      msg('audit.event.audit.keyed_links_started', {
        who,
        linkKeyId: text(d.linkKeyId),
      }),
  },
  'audit.strays_quarantined': {
    label: 'audit.action.audit.strays_quarantined',
    sentence: (who, d) =>
      msg('audit.event.audit.strays_quarantined', {
        who,
        count: Number(d.count) || 0,
        seqs: Array.isArray(d.seqs) ? d.seqs.map((seq) => `#${String(seq)}`).join(', ') : '',
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
  'export.checksum_downloaded': {
    label: 'audit.action.export.checksum_downloaded',
    sentence: (who, d) => msg('audit.event.export.checksum_downloaded', { who, ...anExport(d) }),
  },
  'export.statement_downloaded': {
    label: 'audit.action.export.statement_downloaded',
    sentence: (who, d) => msg('audit.event.export.statement_downloaded', { who, ...anExport(d) }),
  },
  'mail.resent': {
    label: 'audit.action.mail.resent',
    sentence: (who, d) => {
      const to = text(d.to ?? d.recipient);
      if (to && text(d.subject))
        return msg('audit.event.mail.resentSubject', { who, to, subject: text(d.subject) });
      return to
        ? msg('audit.event.mail.resentTo', { who, to })
        : msg('audit.event.mail.resent', { who });
    },
    // The mail's kind is a code for the desk (its subject says what it was); `to` is its recipient.
    details: (d) =>
      detailsOf(
        Object.fromEntries(
          Object.entries(d)
            .filter(([key]) => key !== 'kind')
            .map(([key, value]) => [key === 'to' ? 'recipient' : key, value]),
        ),
      ),
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
  if (Array.isArray(value)) return joined(value.map(valueOf)) || '—';
  return objectInWords(value as Details, 0);
}

/** A value inside a list of plain values, as recorded. */
function plainValueOf(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : '—';
}

/** A recorded object in words, field by field: "Source: …; Days off: …" (never JSON). */
function objectInWords(value: Details, depth: number): string | Message {
  if (value instanceof Date) return value.toISOString();
  const pairs = Object.entries(value).map(([key, item]) =>
    msg('audit.detail.pair', {
      label: labelOf(key),
      value:
        item && typeof item === 'object' && !Array.isArray(item) && depth < 3
          ? objectInWords(item as Details, depth + 1)
          : (DETAIL_VALUES[key] ?? valueOf)(item),
    }),
  );
  return joined(pairs) || '—';
}

/** Details whose recorded codes have words: each named as the sentences name it. */
const DETAIL_VALUES: Record<string, (value: unknown) => string | Message> = {
  fields: inWords((value) => joined(list(value).map(fieldLabel), 'comma')),
  changes: inWords((value) => joined(fieldChanges(value))),
  flagsRaised: inWords(riskFlags),
  flagsCleared: inWords(riskFlags),
  riskFlags: inWords(riskFlags),
  flags: inWords(riskFlags),
  documents: inWords(documents),
  reasons: inWords((value) => joined(list(value).map(rejectReasonLabel))),
  role: (value) => (isStaffRole(value) ? roleLabel(value) : valueOf(value)),
  previousRole: (value) => (isStaffRole(value) ? roleLabel(value) : valueOf(value)),
  newRole: (value) => (isStaffRole(value) ? roleLabel(value) : valueOf(value)),
  from: (value) => (isStaffRole(value) ? roleLabel(value) : valueOf(value)),
  to: (value) => (isStaffRole(value) ? roleLabel(value) : valueOf(value)),
  daysOff: inWords((value) => joined(dayRuns(calendarDays(value), new Map()))),
  makeUpWorkdays: inWords((value) => joined(dayRuns(calendarDays(value), new Map()))),
  checks: inWords(describeChecks),
  filters: (value) => filtersOf(value) ?? valueOf(value),
  format: (value) => (typeof value === 'string' ? formatName(value) : valueOf(value)),
  status: (value) => (typeof value === 'string' ? statusLabel(value) : valueOf(value)),
  because: (value) => {
    const known = BECAUSE[text(value)];
    return known ? msg(known) : typeof value === 'string' ? flaggedBecause(value) : valueOf(value);
  },
  returnedRequests: inWords((value) => returnedRequests(value)),
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
    details: detailsInWords(event.action, details),
  };
}

/** An event's (already masked) details in words: label and value, never JSON. */
export function detailsInWords(action: string, maskedDetails: Details): WordedDetail[] {
  const wording = isAuditAction(action) ? WORDINGS[action] : undefined;
  return wording?.details ? wording.details(maskedDetails) : detailsOf(maskedDetails);
}

/** Each recorded detail, labelled, its value in words. */
function detailsOf(maskedDetails: Details): WordedDetail[] {
  return Object.entries(maskedDetails).map(([key, value]) => ({
    label: labelOf(key),
    value: (DETAIL_VALUES[key] ?? valueOf)(value),
  }));
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
  return isAuditAction(event.action)
    ? WORDINGS[event.action].sentence(who, maskedDetails)
    : msg('audit.event.unknown', { who, action: event.action });
}

/** The short name of an action ("Approved" · "通过"), or the action itself when it has none. */
export function auditActionLabel(action: string): Message {
  return isAuditAction(action)
    ? msg(WORDINGS[action].label)
    : msg('audit.action.unknown', { action });
}

/** One action as the search form offers it. */
export interface AuditActionChoice {
  value: AuditAction;
  label: Message;
}

/** A group of actions as the search form offers it (an `<optgroup>`). */
export interface AuditActionGroupChoice {
  group: AuditActionGroup;
  label: Message;
  /** The whole group as one choice: its actions' common prefix (`request.`), and its words. */
  family: string;
  any: Message;
  actions: AuditActionChoice[];
}

/** Every action the trail records, grouped (requests, documents, staff, calendar, exports, mail…). */
export const AUDIT_ACTION_CHOICES: readonly AuditActionGroupChoice[] = AUDIT_ACTION_GROUPS.map(
  (group) => ({
    group,
    label: msg(`audit.actionGroup.${group}`),
    family: `${AUDIT_ACTIONS[group][0].split('.')[0]}.`,
    any: msg(`audit.actionGroup.${group}.any`),
    actions: (AUDIT_ACTIONS[group] as readonly AuditAction[]).map((value) => ({
      value,
      label: msg(WORDINGS[value].label),
    })),
  }),
);

/** Every action with words, for the search form's choice of action. */
export const KNOWN_AUDIT_ACTIONS: readonly AuditActionChoice[] = AUDIT_ACTION_CHOICES.flatMap(
  (group) => group.actions,
);

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
