import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  auditActionLabel,
  describeAuditEvent,
  describeDocumentViews,
} from '../../audit-event-wording.js';
import {
  AUDIT_TRAIL_READER,
  type AuditTrailReader,
  type TimelineEntryRecord,
} from '../../ports/audit-trail.reader.js';
import {
  GetRequestTimelineQuery,
  type RequestTimeline,
  type RequestTimelineEvent,
} from './get-request-timeline.query.js';

@QueryHandler(GetRequestTimelineQuery)
export class GetRequestTimelineHandler implements IQueryHandler<GetRequestTimelineQuery> {
  constructor(@Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader) {}

  async execute(query: GetRequestTimelineQuery): Promise<RequestTimeline> {
    const { entries, omittedViews } = await this.trail.timelineOfRequest(
      query.requestId,
      query.viewEntries,
    );
    return { events: entries.map(entryOf), more: omittedViews > 0, omittedViews };
  }
}

function entryOf({ newest, events, kinds }: TimelineEntryRecord): RequestTimelineEvent {
  const worded = events === 1 ? describeAuditEvent(newest) : describeDocumentViews(newest, kinds);
  return {
    seq: newest.seq,
    occurredAt: newest.occurredAt,
    events,
    action: newest.action,
    actionLabel: auditActionLabel(newest.action),
    sentence: worded.sentence,
    details: worded.details,
    actorRole: newest.actorRole,
  };
}
