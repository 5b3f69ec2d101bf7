import { Controller, Get, Inject, Query, Render, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { isStaffRole } from '../../../shared/domain/staff-role.js';
import { Message, msg } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { AUDIT_ACTION_CHOICES, type WordedDetail } from '../../application/audit-event-wording.js';
import { VerifyAuditChainCommand } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
import { SearchAuditTrailQuery } from '../../application/queries/search-audit-trail/search-audit-trail.query.js';
import {
  isValidDate,
  normalizeCredentialNumber,
  type AuditEventFilters,
} from '../../domain/export-filters.js';
import { maskIdentifier } from '../../domain/personal-data.js';
import { CredentialSearchToken } from './credential-search-token.js';

/** The filters a search's links carry as typed (the credential number travels sealed). */
const FILTER_FIELDS = [
  'from',
  'to',
  'actor',
  'action',
  'requestReference',
  'subject',
  'subjectName',
] as const;
type LinkFilters = Omit<AuditEventFilters, 'credentialNumber'>;

function readFilters(query: Record<string, unknown>): {
  filters: LinkFilters;
  problems: Message[];
} {
  const filters: LinkFilters = {};
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

function href(
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

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim().slice(0, 200) : '';

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
  private readonly credentials: CredentialSearchToken;

  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.credentials = new CredentialSearchToken(config.SESSION_SECRET);
  }

  /**
   * Search the trail. A credential number typed in the form is matched in full and
   * never kept as typed: the search answers with its own address, the number sealed
   * in it (`credential=`), and the page shows it masked.
   */
  @Get()
  async search(@Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { filters, problems } = readFilters(query);
    const typed = normalizeCredentialNumber(text(query.credentialNumber));
    if (typed) {
      response.redirect(303, href(filters, this.credentials.seal(typed)));
      return;
    }
    const token = text(query.credential) || null;
    const credentialNumber = token ? this.credentials.open(token) : null;
    if (token && !credentialNumber) problems.push(msg('audit.search.credentialExpired'));
    const credential = credentialNumber ? token : null;
    const page = await this.queries.execute(
      new SearchAuditTrailQuery(credentialNumber ? { ...filters, credentialNumber } : filters, {
        before: cursorOf(query.before),
        after: cursorOf(query.after),
      }),
    );
    response.render('pages/audit/index', {
      pageTitle: msg('audit.title'),
      filters,
      credential: credential
        ? { token: credential, masked: maskIdentifier(credentialNumber!) }
        : null,
      problems,
      filtered: Object.keys(filters).length > 0 || credential !== null,
      actionGroups: AUDIT_ACTION_CHOICES.map((group) => ({
        ...group,
        selected: group.family === filters.action,
        actions: group.actions.map((action) => ({
          ...action,
          selected: action.value === filters.action,
        })),
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
      olderHref:
        page.olderCursor === null ? null : href(filters, credential, { before: page.olderCursor }),
      newerHref:
        page.newerCursor === null ? null : href(filters, credential, { after: page.newerCursor }),
    });
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
