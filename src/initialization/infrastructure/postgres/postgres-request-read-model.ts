import { Inject, Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import {
  queueSortKey,
  type DocumentRecord,
  type QueueCursor,
  type QueueFilters,
  type QueuePosition,
  type QueueRow,
  type QueueSlice,
  type QueueTab,
  type RequestReadModel,
  type SlaFactsRow,
} from '../../application/ports/request-read-model.js';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type { RequestStatus } from '../../domain/request-status.js';
import type { RiskFlag } from '../../domain/risk-flag.js';
import type { SubjectType } from '../../domain/subject-type.js';

/**
 * Each tab as SQL. Statuses are literals, not parameters, so the planner can
 * match the partial indexes of migrations/1764547200000-portal-indexes.ts
 * (which carry every column a tab or filter below tests, except the search);
 * the at-risk and breached lines are those of `slaStateOf`. Awaiting applicant
 * is read in reply-deadline order from its own partial index
 * (migrations/1765152000000-request-notes-and-reply-deadline-queue.ts).
 */
const RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;
const TAB_CONDITIONS: Record<QueueTab, (viewer: string, now: string) => string> = {
  unassigned: () => `r.status = 'PENDING_REVIEW'`,
  mine: (viewer) =>
    `r.assignee_id = ${viewer} AND r.status IN ('IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT')`,
  'at-risk': (_, now) => `r.status IN ${RUNNING} AND r.due_at > ${now} AND r.at_risk_at <= ${now}`,
  breached: (_, now) => `r.status IN ${RUNNING} AND r.due_at <= ${now}`,
  'second-approval': () => `r.status = 'AWAITING_SECOND_APPROVAL'`,
  'awaiting-applicant': () => `r.status = 'AWAITING_APPLICANT'`,
  all: () => 'TRUE',
};

/** The expression of the trigram index initialization_requests_search_idx, verbatim. */
const SEARCHED = `(r.reference || ' ' || r.filing_number || ' ' || r.subject_name)`;
const REFERENCE = /^INIT-\d{4}-\d{6,}$/i;

const QUEUE_COLUMNS = `q.id, q.reference, q.status, q.subject_type, q.subject_name, q.credential_number,
  q.filing_number, q.province, q.received_at, q.due_at, q.at_risk_at, q.expires_at, q.sla_outcome,
  q.risk_flags, q.assignee_id, q.assignee_name, q.version`;

/** The column a tab is sorted by (then by id); see `queueSortKey`. */
const SORT_COLUMNS = { dueAt: 'due_at', expiresAt: 'expires_at' } as const;
type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

/**
 * A page in two steps: the keys of the page from the tab's index (index-only
 * when the filters are all in it), then those rows by primary key.
 */
function pageOf(where: string[], order: string, limit: string): string {
  return `SELECT ${QUEUE_COLUMNS}
            FROM (SELECT r.id, r.due_at, r.expires_at FROM initialization_requests r
                   WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ${limit}) AS page
            JOIN initialization_requests q ON q.id = page.id
           ORDER BY ${order.replaceAll('r.', 'page.')}`;
}

interface QueueRecord {
  id: string;
  reference: string;
  status: RequestStatus;
  subject_type: SubjectType;
  subject_name: string;
  credential_number: string;
  filing_number: string;
  province: string | null;
  received_at: Date;
  due_at: Date | null;
  at_risk_at: Date | null;
  expires_at: Date | null;
  sla_outcome: 'MET' | 'MISSED' | null;
  risk_flags: RiskFlag[];
  assignee_id: string | null;
  assignee_name: string | null;
  version: number;
}

/** Collects parameters and hands out their placeholders. */
class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

@Injectable()
export class PostgresRequestReadModel implements RequestReadModel {
  private readonly pool: pg.Pool;
  /** Counts per set of tabs, filters (and viewer, for Mine), for a few seconds. */
  private readonly recentCounts = new Map<
    string,
    { until: number; counts: Promise<Record<QueueTab, number>> }
  >();
  private readonly countsCacheMs: number;

  constructor(dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig) {
    this.pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
    this.countsCacheMs = config.QUEUE_COUNTS_CACHE_SECONDS * 1000;
  }

  async queuePage(
    slice: QueueSlice,
    position: QueuePosition | null,
    limit: number,
  ): Promise<QueueRow[]> {
    const key = SORT_COLUMNS[queueSortKey(slice.tab)];
    if (position && 'before' in position)
      return (await this.rowsBefore(slice, key, position.before, limit)).map(toRow);
    const after = position?.after ?? null;
    // Requests with a sort key in its order, then (rare) those without one, in id order.
    const rows: QueueRecord[] = [];
    if (!after || after.at !== null) {
      const parameters = new Parameters();
      const where = this.conditions(slice, parameters);
      if (after) {
        where.push(
          `(r.${key}, r.id) > (${parameters.add(after.at)}::timestamptz, ${parameters.add(after.id)}::uuid)`,
        );
      }
      const found = await this.pool.query<QueueRecord>(
        pageOf(where, `r.${key}, r.id`, parameters.add(limit)),
        parameters.values,
      );
      rows.push(...found.rows);
      // The first page already ran into the requests without a sort key (NULLS LAST).
      if (!after || rows.length >= limit) return rows.map(toRow);
    }
    const parameters = new Parameters();
    const where = [...this.conditions(slice, parameters), `r.${key} IS NULL`];
    if (after?.at === null) where.push(`r.id > ${parameters.add(after.id)}::uuid`);
    const undated = await this.pool.query<QueueRecord>(
      pageOf(where, 'r.id', parameters.add(limit - rows.length)),
      parameters.values,
    );
    return [...rows, ...undated.rows].map(toRow);
  }

  /**
   * The `limit` rows just before a cursor: read backwards from it (the same indexes,
   * scanned the other way), then put back in the slice's order.
   */
  private async rowsBefore(
    slice: QueueSlice,
    key: SortColumn,
    before: QueueCursor,
    limit: number,
  ): Promise<QueueRecord[]> {
    const nearestFirst: QueueRecord[] = [];
    if (before.at === null) {
      // Among the requests without a sort key (last in the slice), then every dated one.
      const parameters = new Parameters();
      const where = [
        ...this.conditions(slice, parameters),
        `r.${key} IS NULL`,
        `r.id < ${parameters.add(before.id)}::uuid`,
      ];
      const undated = await this.pool.query<QueueRecord>(
        pageOf(where, 'r.id DESC', parameters.add(limit)),
        parameters.values,
      );
      nearestFirst.push(...undated.rows);
    }
    if (nearestFirst.length < limit) {
      const parameters = new Parameters();
      const where = [...this.conditions(slice, parameters), `r.${key} IS NOT NULL`];
      if (before.at !== null) {
        where.push(
          `(r.${key}, r.id) < (${parameters.add(before.at)}::timestamptz, ${parameters.add(before.id)}::uuid)`,
        );
      }
      const dated = await this.pool.query<QueueRecord>(
        pageOf(where, `r.${key} DESC, r.id DESC`, parameters.add(limit - nearestFirst.length)),
        parameters.values,
      );
      nearestFirst.push(...dated.rows);
    }
    return nearestFirst.reverse();
  }

  /**
   * Counts are of a moment ago: each instance reuses a set of counts (the tab strip's
   * workload, the same for every viewer but Mine's, and a filter's matches) for
   * QUEUE_COUNTS_CACHE_SECONDS, and counts once for the pages that ask meanwhile, so a
   * busy queue does not walk its indexes on every page. The rows themselves are always
   * read afresh (and a filter whose matches fit on one page is counted from them).
   */
  countTabs(
    tabs: readonly QueueTab[],
    slice: Omit<QueueSlice, 'tab'>,
    cap: number,
  ): Promise<Record<QueueTab, number>> {
    if (this.countsCacheMs === 0) return this.countNow(tabs, slice, cap);
    const key = JSON.stringify([
      tabs,
      cap,
      tabs.includes('mine') ? slice.viewerId : '',
      Object.entries(slice.filters).filter(([, value]) => value !== undefined),
    ]);
    const now = Date.now();
    const cached = this.recentCounts.get(key);
    if (cached && cached.until > now) return cached.counts;
    const counts = this.countNow(tabs, slice, cap);
    this.recentCounts.set(key, { until: now + this.countsCacheMs, counts });
    counts.catch(() => this.recentCounts.delete(key));
    if (this.recentCounts.size > 1000) {
      for (const [stale, entry] of this.recentCounts) {
        if (entry.until <= now) this.recentCounts.delete(stale);
      }
    }
    return counts;
  }

  private async countNow(
    tabs: readonly QueueTab[],
    slice: Omit<QueueSlice, 'tab'>,
    cap: number,
  ): Promise<Record<QueueTab, number>> {
    const counts = {} as Record<QueueTab, number>;
    if (tabs.length === 0) return counts;
    const parameters = new Parameters();
    const limit = parameters.add(cap + 1);
    const columns = tabs.map((tab, index) => {
      const where = this.conditions({ ...slice, tab }, parameters);
      return `(SELECT count(*) FROM (SELECT 1 FROM initialization_requests r
                 WHERE ${where.join(' AND ')} LIMIT ${limit}) AS t${index}) AS c${index}`;
    });
    const result = await this.pool.query<Record<string, string>>(
      `SELECT ${columns.join(',\n')}`,
      parameters.values,
    );
    const row = result.rows[0] ?? {};
    tabs.forEach((tab, index) => (counts[tab] = Number(row[`c${index}`] ?? 0)));
    return counts;
  }

  async slaFacts(ids: readonly string[]): Promise<SlaFactsRow[]> {
    const { rows } = await this.pool.query<{
      id: string;
      status: RequestStatus;
      due_at: Date | null;
      at_risk_at: Date | null;
      sla_outcome: 'MET' | 'MISSED' | null;
    }>(
      `SELECT id, status, due_at, at_risk_at, sla_outcome FROM initialization_requests
        WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      dueAt: row.due_at,
      atRiskAt: row.at_risk_at,
      slaOutcome: row.sla_outcome,
    }));
  }

  async document(requestId: string, documentId: string): Promise<DocumentRecord | null> {
    const { rows } = await this.pool.query<{
      id: string;
      request_id: string;
      reference: string;
      subject_id: string | null;
      kind: string;
      media_type: string;
      size_bytes: number;
      sha256: string;
      superseded_at: Date | null;
      purged_at: Date | null;
      storage_key: string | null;
    }>(
      `SELECT d.id, d.request_id, r.reference, r.subject_id, d.kind, d.media_type, d.size_bytes,
              d.sha256, d.superseded_at, d.purged_at, d.storage_key
         FROM request_documents d JOIN initialization_requests r ON r.id = d.request_id
        WHERE d.id = $1 AND d.request_id = $2`,
      [documentId, requestId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      requestId: row.request_id,
      requestReference: row.reference,
      subjectId: row.subject_id,
      kind: row.kind,
      mediaType: row.media_type,
      sizeBytes: row.size_bytes,
      sha256: row.sha256.trim(),
      storageKey: row.storage_key,
      superseded: row.superseded_at !== null,
      purgedAt: row.purged_at,
    };
  }

  /** The slice's tab and filters as SQL conditions (placeholders added to `parameters`). */
  private conditions(slice: QueueSlice, parameters: Parameters): string[] {
    const { filters } = slice;
    const viewer = () => `${parameters.add(slice.viewerId)}::uuid`;
    const now = () => `${parameters.add(slice.now)}::timestamptz`;
    const where = [
      TAB_CONDITIONS[slice.tab](
        slice.tab === 'mine' ? viewer() : '',
        slice.tab === 'at-risk' || slice.tab === 'breached' ? now() : '',
      ),
    ];
    where.push(...filterConditions(filters, parameters));
    return where;
  }
}

function filterConditions(filters: QueueFilters, parameters: Parameters): string[] {
  const where: string[] = [];
  if (filters.subjectType) where.push(`r.subject_type = ${parameters.add(filters.subjectType)}`);
  if (filters.province) where.push(`r.province = ${parameters.add(filters.province)}`);
  if (filters.riskFlag) where.push(`${parameters.add(filters.riskFlag)} = ANY (r.risk_flags)`);
  if (filters.assignee === 'none') where.push('r.assignee_id IS NULL');
  else if (filters.assignee)
    where.push(`r.assignee_id = ${parameters.add(filters.assignee)}::uuid`);
  if (filters.search) {
    const search = filters.search.trim();
    if (REFERENCE.test(search)) where.push(`r.reference = ${parameters.add(search.toUpperCase())}`);
    else where.push(`${SEARCHED} ILIKE ${parameters.add(`%${likeLiteral(search)}%`)}`);
  }
  return where;
}

/** Escapes LIKE's wildcards so what was typed is searched literally. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

function toRow(record: QueueRecord): QueueRow {
  return {
    id: record.id,
    reference: record.reference,
    status: record.status,
    subjectType: record.subject_type,
    subjectName: record.subject_name,
    credentialNumber: record.credential_number,
    filingNumber: record.filing_number,
    province: record.province,
    receivedAt: record.received_at,
    dueAt: record.due_at,
    atRiskAt: record.at_risk_at,
    expiresAt: record.expires_at,
    slaOutcome: record.sla_outcome,
    riskFlags: record.risk_flags,
    assigneeId: record.assignee_id,
    assigneeName: record.assignee_name,
    version: record.version,
  };
}
