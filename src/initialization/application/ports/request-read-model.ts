import type { RequestStatus } from '../../domain/request-status.js';
import type { RiskFlag } from '../../domain/risk-flag.js';
import type { SubjectType } from '../../domain/subject-type.js';

/**
 * The queue's slices. Each is read in `dueAt` order, but Awaiting applicant, read in
 * reply-deadline order (`expiresAt`: when the request expires unanswered; its due date is paused):
 * - unassigned: waiting to be claimed;
 * - mine: open requests the viewer holds (in review, awaiting second approval or the applicant);
 * - at-risk / breached: the SLA clock runs and the at-risk moment / the deadline has passed
 *   (the same lines as `slaStateOf`);
 * - second-approval, awaiting-applicant: by status;
 * - all: every request, decided ones included.
 */
export const QUEUE_TABS = [
  'unassigned',
  'mine',
  'at-risk',
  'breached',
  'second-approval',
  'awaiting-applicant',
  'all',
] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export interface QueueFilters {
  subjectType?: SubjectType;
  /** A filing number's province prefix, `浙`. */
  province?: string;
  riskFlag?: RiskFlag;
  /** A staff id, or `none` for requests nobody holds. */
  assignee?: string;
  /** A reference, filing number or subject name, or part of one. */
  search?: string;
}

/** What a tab is sorted by (then by id): the reply deadline while waiting for the applicant, else the deadline. */
export function queueSortKey(tab: QueueTab): 'dueAt' | 'expiresAt' {
  return tab === 'awaiting-applicant' ? 'expiresAt' : 'dueAt';
}

/**
 * Where a page ends or begins (keyset pagination): that row's sort key (`queueSortKey`
 * of the tab; null when it has none) and its id.
 */
export interface QueueCursor {
  at: Date | null;
  id: string;
}

/** Which rows of a slice a page holds: those after a cursor, or those just before it. */
export type QueuePosition = { after: QueueCursor } | { before: QueueCursor };

export interface QueueSlice {
  tab: QueueTab;
  /** Whose "mine" it is. */
  viewerId: string;
  filters: QueueFilters;
  /** The at-risk and breached lines are drawn at this instant. */
  now: Date;
}

export interface QueueRow {
  id: string;
  reference: string;
  status: RequestStatus;
  subjectType: SubjectType;
  subjectName: string;
  credentialNumber: string;
  filingNumber: string;
  province: string | null;
  receivedAt: Date;
  dueAt: Date | null;
  atRiskAt: Date | null;
  /** The reply deadline while waiting for the applicant. */
  expiresAt: Date | null;
  slaOutcome: 'MET' | 'MISSED' | null;
  riskFlags: RiskFlag[];
  assigneeId: string | null;
  assigneeName: string | null;
  version: number;
}

export interface SlaFactsRow {
  id: string;
  status: RequestStatus;
  dueAt: Date | null;
  atRiskAt: Date | null;
  slaOutcome: 'MET' | 'MISSED' | null;
}

/** A stored document of a request: what it is and where its bytes are. */
export interface DocumentRecord {
  id: string;
  requestId: string;
  requestReference: string;
  subjectId: string | null;
  kind: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  /** The encrypted file's key in the store (null: a file stored in the clear, by SHA-256). */
  storageKey: string | null;
  superseded: boolean;
  /** When the retention job removed the file (null: stored). */
  purgedAt: Date | null;
}

/**
 * Reads for the staff portal, straight from the tables and their indexes:
 * pages of the queue (never an OFFSET), capped counts, SLA facts and document metadata.
 */
export interface RequestReadModel {
  /**
   * Up to `limit` rows of the slice in its order (`queueSortKey`, requests without one
   * last, then id): from the start (`null`), after a cursor, or the `limit` rows just
   * before a cursor (read backwards, returned in the slice's order).
   */
  queuePage(slice: QueueSlice, position: QueuePosition | null, limit: number): Promise<QueueRow[]>;
  /** How many requests each slice holds, counting no further than `cap + 1`. */
  countTabs(
    tabs: readonly QueueTab[],
    slice: Omit<QueueSlice, 'tab'>,
    cap: number,
  ): Promise<Record<QueueTab, number>>;
  slaFacts(ids: readonly string[]): Promise<SlaFactsRow[]>;
  /** The document, if it belongs to this request (current or superseded). */
  document(requestId: string, documentId: string): Promise<DocumentRecord | null>;
}
export const REQUEST_READ_MODEL = Symbol('RequestReadModel');
