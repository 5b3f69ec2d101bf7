import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetRequestTimelineQuery } from '../../../audit/application/queries/get-request-timeline/get-request-timeline.query.js';
import type { HistoryEvent, RequestHistory } from '../../application/ports/request-history.js';

/** A request's history from the audit context, through its published query (worded and masked there, in Messages the workspace renders in its reader's language). */
@Injectable()
export class AuditTrailRequestHistory implements RequestHistory {
  constructor(private readonly queries: QueryBus) {}

  async eventsOf(
    requestId: string,
    limit: number,
  ): Promise<{ events: HistoryEvent[]; more: boolean }> {
    const timeline = await this.queries.execute(new GetRequestTimelineQuery(requestId, limit));
    return {
      events: timeline.events.map((event) => ({
        seq: event.seq,
        occurredAt: event.occurredAt,
        action: event.action,
        actionLabel: event.actionLabel,
        sentence: event.sentence,
        details: event.details,
      })),
      more: timeline.more,
    };
  }
}
