import { Injectable } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { FlagSlaLineCommand } from '../../../initialization/application/commands/flag-sla-line/flag-sla-line.command.js';
import { OverdueApplicantRepliesQuery } from '../../../initialization/application/queries/overdue-applicant-replies/overdue-applicant-replies.query.js';
import type { FlaggedRequest, SlaFlagger } from '../../application/ports/sla-flagger.js';

/**
 * The flags live on initialization's requests, so initialization sets them: its
 * published command and query, run in the watch's unit of work (the flags commit with
 * their events).
 */
@Injectable()
export class InitializationSlaFlagger implements SlaFlagger {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  flagAtRisk(now: Date, limit: number): Promise<FlaggedRequest[]> {
    return this.commands.execute(new FlagSlaLineCommand('AT_RISK', now, limit));
  }

  flagBreached(now: Date, limit: number): Promise<FlaggedRequest[]> {
    return this.commands.execute(new FlagSlaLineCommand('BREACHED', now, limit));
  }

  overdueApplicantReplies(now: Date, limit: number): Promise<string[]> {
    return this.queries.execute(new OverdueApplicantRepliesQuery(now, limit));
  }
}
