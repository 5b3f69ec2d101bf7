import { Controller, Get, Query, Render } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { isStaffRole } from '../../../shared/domain/staff-role.js';
import { Message, msg } from '../../../shared/i18n/message.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { KNOWN_AUDIT_ACTIONS, type WordedDetail } from '../../application/audit-event-wording.js';
import { VerifyAuditChainCommand } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
import { SearchAuditTrailQuery } from '../../application/queries/search-audit-trail/search-audit-trail.query.js';
import { isValidDate, type AuditEventFilters } from '../../domain/export-filters.js';

const FILTER_FIELDS = ['from', 'to', 'actor', 'action', 'requestReference', 'subject'] as const;

function readFilters(query: Record<string, unknown>): {
  filters: AuditEventFilters;
  problems: Message[];
} {
  const filters: AuditEventFilters = {};
  const problems: Message[] = [];
  for (const field of FILTER_FIELDS) {
    const raw = query[field];
    const value = typeof raw === 'string' ? raw.trim().slice(0, 200) : '';
    if (!value) continue;
    if ((field === 'from' || field === 'to') && !isValidDate(value)) {
      problems.push(msg('audit.search.notADate', { value }));
      continue;
    }
    filters[field] = value;
  }
  return { filters, problems };
}

function cursorOf(value: unknown): number | undefined {
  if (typeof value !== 'string' || !/^\d{1,18}$/.test(value)) return undefined;
  return Number(value);
}

function href(filters: AuditEventFilters, cursor: Record<string, number>): string {
  const parameters = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string | undefined][]) {
    if (value) parameters.set(key, value);
  }
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

/** The audit trail for auditors: search, and verification of the hash chain. */
@Controller('audit')
@Roles('AUDITOR')
export class AuditController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @Render('pages/audit/index')
  async search(@Query() query: Record<string, unknown>): Promise<object> {
    const { filters, problems } = readFilters(query);
    const page = await this.queries.execute(
      new SearchAuditTrailQuery(filters, {
        before: cursorOf(query.before),
        after: cursorOf(query.after),
      }),
    );
    return {
      pageTitle: msg('audit.title'),
      filters,
      problems,
      filtered: Object.keys(filters).length > 0,
      actions: KNOWN_AUDIT_ACTIONS.map((action) => ({
        ...action,
        selected: action.value === filters.action,
      })),
      head: page.head,
      events: page.events.map((event) => ({
        ...event,
        roleLabel:
          event.actorRole && isStaffRole(event.actorRole)
            ? msg(`common.role.${event.actorRole}`)
            : null,
        details: event.details.map(detailView),
        shortHash: event.hash.slice(0, 12),
      })),
      olderHref: page.olderCursor === null ? null : href(filters, { before: page.olderCursor }),
      newerHref: page.newerCursor === null ? null : href(filters, { after: page.newerCursor }),
    };
  }

  @Get('verify')
  @Render('pages/audit/verify')
  async verify(@CurrentActor() actor: StaffActor, @ClientIp() ip: string): Promise<object> {
    const { report, recordedHead, verifiedAt } = await this.commands.execute(
      new VerifyAuditChainCommand(actor, ip),
    );
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
}
