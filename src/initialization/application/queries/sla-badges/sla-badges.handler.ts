import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { REQUEST_READ_MODEL, type RequestReadModel } from '../../ports/request-read-model.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import { slaBadgeOf } from '../sla-badge.js';
import { SlaBadgesQuery, type SlaBadgeOfRequest } from './sla-badges.query.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@QueryHandler(SlaBadgesQuery)
export class SlaBadgesHandler implements IQueryHandler<SlaBadgesQuery> {
  constructor(
    @Inject(REQUEST_READ_MODEL) private readonly readModel: RequestReadModel,
    @Inject(SLA_DESCRIBER) private readonly sla: SlaDescriber,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: SlaBadgesQuery): Promise<SlaBadgeOfRequest[]> {
    const ids = [...new Set(query.requestIds.filter((id) => UUID.test(id)))].slice(
      0,
      SlaBadgesQuery.MAX_IDS,
    );
    if (ids.length === 0) return [];
    const rows = await this.readModel.slaFacts(ids);
    const now = this.clock.now();
    const descriptions = await this.sla.describeAll(
      rows.map((row) => ({
        status: row.status,
        dueAt: row.dueAt,
        atRiskAt: row.atRiskAt,
        outcome: row.slaOutcome,
      })),
      now,
    );
    return rows.flatMap((row, index) => {
      const badge = slaBadgeOf(descriptions[index]!);
      return badge ? [{ id: row.id, ...badge }] : [];
    });
  }
}
