import type { AuditEventFilters } from '../../domain/export-filters.js';

/** An audit event as the auditors' pages and exports read it. */
export interface AuditEventRecord {
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  requestId: string | null;
  /** The request's reference, when the event is about a request. */
  requestReference: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  hash: string;
}

export interface ChainHeadView {
  seq: number;
  hash: string;
  /** When the last event was appended (null on an empty trail). */
  updatedAt: Date | null;
}

export interface AuditSearchCriteria extends AuditEventFilters {
  /** Events older than this sequence number (the next page). */
  before?: number;
  /** Events newer than this sequence number (the previous page). */
  after?: number;
  limit: number;
}

export interface AuditSearchPage {
  /** Newest first. */
  events: AuditEventRecord[];
  hasNewer: boolean;
  hasOlder: boolean;
}

/** The matching events of an export, and the chain head, read in one snapshot. */
export interface AuditEventSnapshot {
  head: ChainHeadView;
  /** An estimate for the progress bar. */
  expectedRows: number;
  /** In `seq` order, streamed. */
  rows: AsyncIterable<AuditEventRecord>;
}

/**
 * One entry of a request's timeline: a single event, or a run of document views
 * in a row by one person (each no more than 30 minutes after the one before).
 */
export interface TimelineEntryRecord {
  /** The newest event of the entry. */
  newest: AuditEventRecord;
  /** Audit events the entry stands for. */
  events: number;
  /** The document kinds viewed, newest first (document-view runs only). */
  kinds: unknown[];
}

export interface RequestTimelineRecords {
  /** Newest first: every event that is not a document view, and the newest document-view runs. */
  entries: TimelineEntryRecord[];
  /** Document views in older runs that were left out. */
  omittedViews: number;
}

/** Reads the audit trail; streams never hold more than a batch of rows in memory. */
export interface AuditTrailReader {
  search(criteria: AuditSearchCriteria): Promise<AuditSearchPage>;
  /**
   * A request's timeline, grouped in the database: every event that is not a
   * document view (however many views there are), and the newest
   * `viewRuns` runs of document views.
   */
  timelineOfRequest(requestId: string, viewRuns: number): Promise<RequestTimelineRecords>;
  head(): Promise<ChainHeadView>;
  readEvents<T>(
    filters: AuditEventFilters & { from: string; to: string },
    work: (snapshot: AuditEventSnapshot) => Promise<T>,
  ): Promise<T>;
}
export const AUDIT_TRAIL_READER = Symbol('AuditTrailReader');
