import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type {
  HistoryEvent,
  RequestHistory,
} from '../../../initialization/contracts/request-history.js';
import { GetRequestTimelineQuery } from '../../application/queries/get-request-timeline/get-request-timeline.query.js';

/** Initialization's `RequestHistory` port, answered with this context's published timeline query (worded and masked here, in Messages the workspace renders in its reader's language). */
@Injectable()
export class RequestHistoryForInitialization implements RequestHistory {
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
