import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';
import type { AuditEventFilters } from '../../../domain/export-filters.js';
import type { WordedDetail } from '../../audit-event-wording.js';
import type { ChainHeadView } from '../../ports/audit-trail.reader.js';

/** One event as the audit page shows it: in words (still to render in the page's language), personal data masked. */
export interface AuditEventView {
  seq: number;
  occurredAt: Date;
  actorName: string | null;
  actorType: string;
  actorRole: string | null;
  action: string;
  /** "Approved" · "通过" */
  actionLabel: Message;
  sentence: Message;
  details: WordedDetail[];
  requestId: string | null;
  requestReference: string | null;
  subjectId: string | null;
  ip: string | null;
  hash: string;
}

export interface AuditTrailPage {
  events: AuditEventView[];
  head: ChainHeadView;
  /** `before` cursor for the next (older) page; null on the last page. */
  olderCursor: number | null;
  /** `after` cursor for the previous (newer) page; null on the first page. */
  newerCursor: number | null;
}

export class SearchAuditTrailQuery extends Query<AuditTrailPage> {
  constructor(
    readonly filters: AuditEventFilters,
    readonly cursor: { before?: number; after?: number } = {},
    readonly limit = 50,
  ) {
    super();
  }
}
