import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { auditActionLabel, describeAuditEvent } from '../../audit-event-wording.js';
import { AUDIT_TRAIL_READER, type AuditTrailReader } from '../../ports/audit-trail.reader.js';
import { GetRequestTimelineQuery, type RequestTimeline } from './get-request-timeline.query.js';

@QueryHandler(GetRequestTimelineQuery)
export class GetRequestTimelineHandler implements IQueryHandler<GetRequestTimelineQuery> {
  constructor(@Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader) {}

  async execute(query: GetRequestTimelineQuery): Promise<RequestTimeline> {
    const records = await this.trail.eventsOfRequest(query.requestId, query.limit + 1);
    return {
      events: records.slice(0, query.limit).map((record) => {
        const worded = describeAuditEvent(record);
        return {
          seq: record.seq,
          occurredAt: record.occurredAt,
          action: record.action,
          actionLabel: auditActionLabel(record.action),
          sentence: worded.sentence,
          details: worded.details,
          actorRole: record.actorRole,
        };
      }),
      more: records.length > query.limit,
    };
  }
}
