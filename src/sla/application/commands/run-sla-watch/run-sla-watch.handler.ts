import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ExpireRequestCommand } from '../../../../initialization/application/commands/expire-request/expire-request.command.js';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../../../shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { systemActor } from '../../../../shared/domain/actor.js';
import { DomainError } from '../../../../shared/domain/domain-error.js';
import type { SlaEvent } from '../../../contracts/events.js';
import { SLA_FLAGGER, type FlaggedRequest, type SlaFlagger } from '../../ports/sla-flagger.js';
import { RunSlaWatchCommand, type SlaWatchReport } from './run-sla-watch.command.js';

/** Requests flagged per transaction (and per statement). */
export const SLA_WATCH_BATCH = 500;
const actor = systemActor('sla-watch');

@CommandHandler(RunSlaWatchCommand)
export class RunSlaWatchHandler implements ICommandHandler<RunSlaWatchCommand> {
  private readonly logger = new Logger('SlaWatch');

  constructor(
    @Inject(SLA_FLAGGER) private readonly flagger: SlaFlagger,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
    @Inject(DOMAIN_EVENT_RECORDER) private readonly events: DomainEventRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly commands: CommandBus,
  ) {}

  async execute(): Promise<SlaWatchReport> {
    const now = this.clock.now();
    // At risk first. A request already past its due time (it arrived late, or the watch
    // missed a run) is marked at risk without a notice: the breach notice below is its one.
    const atRisk = await this.inBatches(
      () => this.flagger.flagAtRisk(now, SLA_WATCH_BATCH),
      'request.sla_at_risk',
      now,
      (request) => request.dueAt.getTime() > now.getTime(),
    );
    const breached = await this.inBatches(
      () => this.flagger.flagBreached(now, SLA_WATCH_BATCH),
      'request.sla_breached',
      now,
    );
    const expired = await this.expireOverdue(now);
    if (atRisk + breached + expired > 0)
      this.logger.log({ atRisk, breached, expired }, 'SLA watch flagged requests');
    return { atRisk, breached, expired };
  }

  /**
   * Each batch commits its flags with their audit events and notices; memory stays flat.
   * Only the requests `notify` keeps get an event (and so a notice); the count is theirs.
   */
  private async inBatches(
    flag: () => Promise<FlaggedRequest[]>,
    type: SlaEvent['type'],
    now: Date,
    notify: (request: FlaggedRequest) => boolean = () => true,
  ): Promise<number> {
    let total = 0;
    for (;;) {
      const { flagged, notified } = await this.unitOfWork.run(async () => {
        const flagged = await flag();
        const notified = flagged.filter(notify);
        await this.events.record(
          notified.map((request): SlaEvent => ({
            type,
            occurredAt: now,
            requestId: request.id,
            subjectId: request.subjectId,
            details: {
              reference: request.reference,
              dueAt: request.dueAt.toISOString(),
              assigneeId: request.assigneeId,
              assigneeName: request.assigneeName,
            },
          })),
          { actor, ip: null },
        );
        return { flagged: flagged.length, notified: notified.length };
      });
      total += notified;
      if (flagged < SLA_WATCH_BATCH) return total;
    }
  }

  private async expireOverdue(now: Date): Promise<number> {
    let expired = 0;
    for (const requestId of await this.flagger.overdueApplicantReplies(now, SLA_WATCH_BATCH)) {
      try {
        await this.commands.execute(new ExpireRequestCommand(requestId));
        expired += 1;
      } catch (error) {
        // Another instance expired it, or the applicant answered just now.
        if (!(error instanceof DomainError)) throw error;
      }
    }
    return expired;
  }
}
