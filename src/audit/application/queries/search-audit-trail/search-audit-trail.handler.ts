import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { auditActionLabel, describeAuditEvent } from '../../audit-event-wording.js';
import { AUDIT_TRAIL_READER, type AuditTrailReader } from '../../ports/audit-trail.reader.js';
import { SearchAuditTrailQuery, type AuditTrailPage } from './search-audit-trail.query.js';

@QueryHandler(SearchAuditTrailQuery)
export class SearchAuditTrailHandler implements IQueryHandler<SearchAuditTrailQuery> {
  constructor(@Inject(AUDIT_TRAIL_READER) private readonly trail: AuditTrailReader) {}

  async execute(query: SearchAuditTrailQuery): Promise<AuditTrailPage> {
    const [page, head] = await Promise.all([
      this.trail.search({ ...query.filters, ...query.cursor, limit: query.limit }),
      this.trail.head(),
    ]);
    const events = page.events.map((event) => {
      const worded = describeAuditEvent(event);
      return {
        seq: event.seq,
        occurredAt: event.occurredAt,
        actorName: event.actorName,
        actorType: event.actorType,
        actorRole: event.actorRole,
        action: event.action,
        actionLabel: auditActionLabel(event.action),
        sentence: worded.sentence,
        details: worded.details,
        requestId: event.requestId,
        requestReference: event.requestReference,
        subjectId: event.subjectId,
        ip: event.ip,
        hash: event.hash,
      };
    });
    const last = events[events.length - 1];
    const first = events[0];
    return {
      events,
      head,
      olderCursor: page.hasOlder && last ? last.seq : null,
      newerCursor: page.hasNewer && first ? first.seq : null,
    };
  }
}
