import { Controller, Get, Inject, Post, Query, Render, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { StaffActor } from '../../../shared/domain/actor.js';
import { msg, type Message } from '../../../shared/i18n/message.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import { ClientIp, CurrentActor, Roles } from '../../../shared/interface/http/access.decorators.js';
import { RunFullVerificationCommand } from '../../application/commands/run-full-verification/run-full-verification.command.js';
import { VerifyAuditChainCommand } from '../../application/commands/verify-audit-chain/verify-audit-chain.command.js';
import { GetVerificationStatusQuery } from '../../application/queries/get-verification-status/get-verification-status.query.js';
import { SearchAuditTrailQuery } from '../../application/queries/search-audit-trail/search-audit-trail.query.js';
import { isValidDate, normalizeCredentialNumber } from '../../domain/export-filters.js';
import {
  auditHref,
  presentAuditTrail,
  presentChainVerification,
  type LinkFilters,
} from './audit.presenter.js';
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

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim().slice(0, 200) : '';

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
      response.redirect(303, auditHref(filters, this.credentials.seal(typed)));
      return;
    }
    const token = text(query.credential) || null;
    const credentialNumber = token ? this.credentials.open(token) : null;
    if (token && !credentialNumber) problems.push(msg('audit.search.credentialExpired'));
    const credential = token && credentialNumber ? { token, number: credentialNumber } : null;
    const page = await this.queries.execute(
      new SearchAuditTrailQuery(credentialNumber ? { ...filters, credentialNumber } : filters, {
        before: cursorOf(query.before),
        after: cursorOf(query.after),
      }),
    );
    response.render(
      'pages/audit/index',
      presentAuditTrail({ filters, credential, problems, page }),
    );
  }

  /** The quick (incremental) verification, the full verification's state, and the signing key. */
  @Get('verify')
  @Render('pages/audit/verify')
  async verify(
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Query('full') full: unknown,
  ): Promise<object> {
    const verification = await this.commands.execute(new VerifyAuditChainCommand(actor, ip));
    const status = await this.queries.execute(new GetVerificationStatusQuery());
    const notice = full === 'started' || full === 'running' ? full : null;
    return presentChainVerification(verification, status, notice);
  }

  /** Starts a full verification in the background (once across instances); the page follows it. */
  @Post('verify/full')
  async verifyFully(
    @CurrentActor() actor: StaffActor,
    @ClientIp() ip: string,
    @Res() response: Response,
  ): Promise<void> {
    const { started } = await this.commands.execute(
      new RunFullVerificationCommand(actor, { wait: false, ip }),
    );
    response.redirect(303, `/audit/verify?full=${started ? 'started' : 'running'}`);
  }
}
