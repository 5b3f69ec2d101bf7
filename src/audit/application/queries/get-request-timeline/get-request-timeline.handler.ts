import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  auditActionLabel,
  describeAuditEvent,
  describeDocumentViews,
} from '../../audit-event-wording.js';
import {
  AUDIT_TRAIL_READER,
  type AuditEventRecord,
  type AuditTrailReader,
} from '../../ports/audit-trail.reader.js';
import {
  GetRequestTimelineQuery,
  type RequestTimeline,
  type RequestTimelineEvent,
} from './get-request-timeline.query.js';

/** Views further apart than this stay separate entries. */
const VIEWS_TOGETHER_MS = 30 * 60_000;

@QueryHandler(GetRequestTimelineQuery)
export class GetRequestTimelineHandler implements IQueryHandler<GetRequestTimelineQuery> {
  constructor(@Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader) {}

  async execute(query: GetRequestTimelineQuery): Promise<RequestTimeline> {
    const records = await this.trail.eventsOfRequest(query.requestId, query.limit + 1);
    const groups: AuditEventRecord[][] = [];
    for (const record of records.slice(0, query.limit)) {
      const group = groups[groups.length - 1];
      const last = group?.[group.length - 1];
      if (
        group &&
        last &&
        record.action === 'document.viewed' &&
        last.action === 'document.viewed' &&
        record.actorType === last.actorType &&
        record.actorId === last.actorId &&
        record.actorName === last.actorName &&
        last.occurredAt.getTime() - record.occurredAt.getTime() <= VIEWS_TOGETHER_MS
      ) {
        group.push(record);
      } else {
        groups.push([record]);
      }
    }
    return { events: groups.map(entryOf), more: records.length > query.limit };
  }
}

function entryOf(group: AuditEventRecord[]): RequestTimelineEvent {
  const newest = group[0]!;
  const worded =
    group.length === 1
      ? describeAuditEvent(newest)
      : describeDocumentViews(
          newest,
          group.map((record) => record.details.kind),
        );
  return {
    seq: newest.seq,
    occurredAt: newest.occurredAt,
    events: group.length,
    action: newest.action,
    actionLabel: auditActionLabel(newest.action),
    sentence: worded.sentence,
    details: worded.details,
    actorRole: newest.actorRole,
  };
}
