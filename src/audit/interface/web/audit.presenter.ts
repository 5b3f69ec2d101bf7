// Beside the controller in interface/web: it writes the search's links (hrefs) and the page's fields.
import { isStaffRole } from '../../../shared/domain/staff-role.js';
import { Message, msg } from '../../../shared/i18n/message.js';
import type { ChainVerification } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
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

/** The verification's page: intact up to the head, or where the chain broke and how. */
export function presentChainVerification({ report, recordedHead, verifiedAt }: ChainVerification) {
  return {
    pageTitle: msg('audit.verify.title'),
    ok: report.ok,
    verified: report.verified,
    head: report.ok ? report.head : null,
    recordedHead,
    verifiedAt,
    brokenAt: report.ok ? null : report.break,
    kindLabel: report.ok ? null : msg(`audit.verify.breakKind.${report.break.kind}`),
    brokenHref: report.ok ? null : `/audit?before=${report.break.seq + 1}`,
  };
}
