import type { RequestRecord } from '../../domain/request-figures.js';
import type { ChainHeadView } from './audit-trail.reader.js';

export interface RequestScope {
  /**
   * Requests received or decided in this window (instants): wide enough to hold
   * every request whose business day of receipt or decision is in the range.
   */
  receivedOrDecidedFrom: Date;
  receivedOrDecidedBefore: Date;
  status?: string;
  subjectType?: string;
}

export interface RequestSnapshot {
  head: ChainHeadView;
  expectedRows: number;
  /** Ordered by receipt. */
  rows: AsyncIterable<RequestRecord>;
}

/** Reads requests with what the audit trail knows of their second approvals. */
export interface RequestFactsReader {
  readRequests<T>(scope: RequestScope, work: (snapshot: RequestSnapshot) => Promise<T>): Promise<T>;
}
export const REQUEST_FACTS_READER = Symbol('RequestFactsReader');
