// Beside the controller in interface/web: it writes the search's links (hrefs) and the page's fields.
import { isStaffRole } from '../../../shared/domain/staff-role.js';
import { Message, msg } from '../../../shared/i18n/message.js';
import type { ChainVerification } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
import type { VerificationRun } from '../../application/ports/verification-runs.js';
import type { VerificationStatus } from '../../application/queries/get-verification-status/get-verification-status.query.js';
import {
  failureHeadline,
  failureWords,
  warningWords,
} from '../../application/verification-words.js';
import { AUDIT_ACTION_CHOICES, type WordedDetail } from '../../application/audit-event-wording.js';
import type {
  AuditEventView,
  AuditTrailPage,
} from '../../application/queries/search-audit-trail/search-audit-trail.query.js';
import type { AuditEventFilters } from '../../domain/export-filters.js';
import { maskIdentifier } from '../../../shared/domain/personal-data.js';

/** The filters a search's links carry as typed (the credential number travels sealed). */
export type LinkFilters = Omit<AuditEventFilters, 'credentialNumber'>;

/** The trail's address for these filters, a sealed credential number and a page cursor. */
export function auditHref(
  filters: LinkFilters,
  credential: string | null,
  cursor: Record<string, number> = {},
): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string | undefined][]) {
    if (value) parameters.set(key, value);
  }
  if (credential) parameters.set('credential', credential);
  for (const [key, value] of Object.entries(cursor)) parameters.set(key, String(value));
  return `/audit?${parameters.toString()}`;
}

/** A detail as the page prints it: a recorded value as it is, or words to translate. */
function detailView({ label, value }: WordedDetail): {
  label: Message;
  recorded: string | null;
  words: Message | null;
} {
  return value instanceof Message
    ? { label, recorded: null, words: value }
    : { label, recorded: value, words: null };
}

/** An event as a row of the trail: its staff role in words, its hash shortened. */
function eventRow(event: AuditEventView) {
  return {
    seq: event.seq,
    occurredAt: event.occurredAt,
    sentence: event.sentence,
    actionLabel: event.actionLabel,
    roleLabel:
      event.actorRole && isStaffRole(event.actorRole)
        ? msg(`common.role.${event.actorRole}`)
        : null,
    details: event.details.map(detailView),
    requestReference: event.requestReference,
    requestId: event.requestId,
    ip: event.ip,
    hash: event.hash,
    shortHash: event.hash.slice(0, 12),
  };
}

/** What a search was asked and what it found, for the trail's page. */
export interface AuditSearch {
  filters: LinkFilters;
  /** The credential number searched for, sealed in `token`; null without one. */
  credential: { token: string; number: string } | null;
  problems: readonly Message[];
  page: AuditTrailPage;
}

/** The trail's page: the form as filled in (the credential number masked), the events, the pager. */
export function presentAuditTrail({ filters, credential, problems, page }: AuditSearch) {
  const token = credential ? credential.token : null;
  return {
    pageTitle: msg('audit.title'),
    filters,
    credential: credential
      ? { token: credential.token, masked: maskIdentifier(credential.number) }
      : null,
    problems,
    filtered: Object.keys(filters).length > 0 || credential !== null,
    actionGroups: AUDIT_ACTION_CHOICES.map((group) => ({
      group: group.group,
      label: group.label,
      family: group.family,
      any: group.any,
      selected: group.family === filters.action,
      actions: group.actions.map((action) => ({
        value: action.value,
        label: action.label,
        selected: action.value === filters.action,
      })),
    })),
    head: page.head,
    events: page.events.map(eventRow),
    olderHref:
      page.olderCursor === null ? null : auditHref(filters, token, { before: page.olderCursor }),
    newerHref:
      page.newerCursor === null ? null : auditHref(filters, token, { after: page.newerCursor }),
  };
}

/** A running full verification that has not reported for this long has stopped. */
const FULL_RUN_STALE_MS = 2 * 60_000;

/** What the page says about the full verification (the newest run). */
function presentFullRun(run: VerificationRun | null, now: Date) {
  if (!run) return { state: 'none', text: msg('audit.verify.full.none'), running: false };
  const by = msg('audit.verify.full.by', { name: run.requestedBy });
  const common = { startedAt: run.startedAt, finishedAt: run.finishedAt, by };
  // A run whose process stopped beats no more; the next start records it as abandoned.
  const stale = now.getTime() - run.heartbeatAt.getTime() > FULL_RUN_STALE_MS;
  switch (run.status === 'running' && stale ? 'abandoned' : run.status) {
    case 'running':
      return {
        ...common,
        state: 'running',
        running: true,
        text: msg('audit.verify.full.running', {
          checked: run.eventsChecked,
          total: run.eventsTotal,
          percent: run.eventsTotal > 0 ? Math.min(1, run.eventsChecked / run.eventsTotal) : 0,
        }),
        percent:
          run.eventsTotal > 0
            ? Math.min(100, Math.floor((run.eventsChecked / run.eventsTotal) * 100))
            : 0,
      };
    case 'passed':
      return {
        ...common,
        state: 'passed',
        running: false,
        text: msg('audit.verify.full.passed', {
          count: run.eventsChecked,
          no: String(run.lastCheckpoint?.no ?? '?'),
        }),
      };
    case 'failed':
      return {
        ...common,
        state: 'failed',
        running: false,
        text: msg('audit.verify.full.failed'),
        failure: run.failure ? failureWords(run.failure) : null,
      };
    default:
      return {
        ...common,
        state: 'abandoned',
        running: false,
        text: msg('audit.verify.full.abandoned'),
      };
  }
}

/**
 * The verification's page: the quick check's result (the trail holds to its head, or the
 * first event or checkpoint that fails and what failed), the full verification's state
 * and its button, and the signing key anyone can verify the checkpoints with.
 */
export function presentChainVerification(
  { result, verifiedAt }: ChainVerification,
  status: VerificationStatus,
  notice: 'started' | 'running' | null = null,
) {
  const failure = result.failure;
  const full = presentFullRun(status.latestFull, verifiedAt);
  const last = status.key.lastCheckpoint;
  return {
    pageTitle: msg('audit.verify.title'),
    ok: result.ok,
    verified: result.verified,
    head: result.head,
    headline: failure ? failureHeadline(failure) : msg('audit.verify.passed'),
    summary: failure
      ? failureWords(failure)
      : msg('audit.verify.passedCount', { count: result.verified, seq: String(result.head.seq) }),
    failedEvent: failure?.event ?? null,
    failedCheckpoint: failure?.checkpoint ?? null,
    failureKind: failure?.kind ?? null,
    brokenHref: typeof failure?.event === 'number' ? `/audit?before=${failure.event + 1}` : null,
    scope: result.from
      ? msg('audit.verify.quick.from', { no: String(result.from.no), seq: String(result.from.seq) })
      : msg('audit.verify.quick.whole'),
    warnings: result.warnings.map(warningWords),
    lastCheckpoint: last
      ? msg('audit.verify.lastCheckpoint', {
          no: String(last.no),
          seq: String(last.seq),
        })
      : msg('audit.verify.noCheckpoint'),
    lastCheckpointAt: last?.at ?? null,
    key: status.key,
    full,
    fullNotice:
      notice === 'started'
        ? msg('audit.verify.full.started')
        : notice === 'running'
          ? msg('audit.verify.full.alreadyRunning')
          : null,
    verifiedAt,
  };
}
