import type { ChainedAuditEvent } from '@lib/audit-trail';
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

/** A consistent view of the whole trail: the head and every event up to it, read in one snapshot. */
export interface ChainSnapshot {
  head: ChainHeadView;
  /** Every event in `seq` order, streamed. */
  events: AsyncIterable<ChainedAuditEvent>;
}

/** The matching events of an export, and the chain head, read in one snapshot. */
export interface AuditEventSnapshot {
  head: ChainHeadView;
  /** An estimate for the progress bar. */
  expectedRows: number;
  /** In `seq` order, streamed. */
  rows: AsyncIterable<AuditEventRecord>;
}

/** Reads the audit trail; streams never hold more than a batch of rows in memory. */
export interface AuditTrailReader {
  search(criteria: AuditSearchCriteria): Promise<AuditSearchPage>;
  /** The newest `limit` events of one request, newest first. */
  eventsOfRequest(requestId: string, limit: number): Promise<AuditEventRecord[]>;
  head(): Promise<ChainHeadView>;
  /** Runs `work` over the whole chain; the snapshot ends when `work` settles. */
  readChain<T>(work: (snapshot: ChainSnapshot) => Promise<T>): Promise<T>;
  readEvents<T>(
    filters: AuditEventFilters & { from: string; to: string },
    work: (snapshot: AuditEventSnapshot) => Promise<T>,
  ): Promise<T>;
}
export const AUDIT_TRAIL_READER = Symbol('AuditTrailReader');
