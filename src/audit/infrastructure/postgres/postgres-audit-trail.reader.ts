import { Inject, Injectable } from '@nestjs/common';
import type { ChainedAuditEvent } from '@lib/audit-trail';
import { DateTime } from 'luxon';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type {
  AuditEventRecord,
  AuditEventSnapshot,
  AuditSearchCriteria,
  AuditSearchPage,
  AuditTrailReader,
  ChainHeadView,
  ChainSnapshot,
  RequestTimelineRecords,
} from '../../application/ports/audit-trail.reader.js';
import type { AuditEventFilters } from '../../domain/export-filters.js';
import { likeLiteral, poolOf, streamRows, withReadSnapshot } from './pg-snapshot.js';

interface EventRow {
  seq: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_role: string | null;
  actor_name: string | null;
  action: string;
  request_id: string | null;
  request_reference: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** Document views further apart than this are separate timeline entries. */
const VIEWS_TOGETHER_MINUTES = 30;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SELECT_EVENTS = `
  SELECT e.seq, e.occurred_at, e.actor_type, e.actor_id, e.actor_role, e.actor_name, e.action,
         e.request_id, r.reference AS request_reference, e.subject_id, e.details, e.ip, e.hash
    FROM audit_events e
    LEFT JOIN initialization_requests r ON r.id = e.request_id`;

function toRecord(row: EventRow): AuditEventRecord {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    requestId: row.request_id,
    requestReference: row.request_reference,
    subjectId: row.subject_id,
    details: row.details ?? {},
    ip: row.ip,
    hash: row.hash.trim(),
  };
}

function toChained(row: EventRow): ChainedAuditEvent {
  return {
    seq: Number(row.seq),
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorRole: row.actor_role,
    actorName: row.actor_name,
    action: row.action,
    requestId: row.request_id,
    subjectId: row.subject_id,
    details: row.details,
    ip: row.ip,
    prevHash: row.prev_hash.trim(),
    hash: row.hash.trim(),
  };
}

/** The audit trail in PostgreSQL: keyset-paginated search, and cursors for verification and exports. */
@Injectable()
export class PostgresAuditTrailReader implements AuditTrailReader {
  private readonly pool: pg.Pool;

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.pool = poolOf(dataSource);
  }

  async search(criteria: AuditSearchCriteria): Promise<AuditSearchPage> {
    const { where, parameters } = this.conditions(criteria);
    const newestFirst = criteria.after === undefined;
    const page = [...where];
    const pageParameters = [...parameters];
    if (criteria.before !== undefined) {
      pageParameters.push(criteria.before);
      page.push(`e.seq < $${pageParameters.length}`);
    }
    if (criteria.after !== undefined) {
      pageParameters.push(criteria.after);
      page.push(`e.seq > $${pageParameters.length}`);
    }
    pageParameters.push(criteria.limit + 1);
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENTS} ${whereClause(page)}
        ORDER BY e.seq ${newestFirst ? 'DESC' : 'ASC'} LIMIT $${pageParameters.length}`,
      pageParameters,
    );
    const more = rows.length > criteria.limit;
    const events = rows.slice(0, criteria.limit).map(toRecord);
    if (!newestFirst) events.reverse();
    const first = events[0];
    const last = events[events.length - 1];
    // Whether anything lies beyond the page in the direction we came from.
    const exists = async (condition: string, seq: number): Promise<boolean> => {
      const { rows: found } = await this.pool.query(
        `SELECT 1 FROM audit_events e ${whereClause([...where, condition])} LIMIT 1`,
        [...parameters, seq],
      );
      return found.length > 0;
    };
    const slot = `$${parameters.length + 1}`;
    return {
      events,
      hasOlder: newestFirst ? more : last ? await exists(`e.seq < ${slot}`, last.seq) : false,
      hasNewer: newestFirst ? (first ? await exists(`e.seq > ${slot}`, first.seq) : false) : more,
    };
  }

  async timelineOfRequest(requestId: string, viewRuns: number): Promise<RequestTimelineRecords> {
    // Gaps and islands: a document view starts a new run unless the event before it is a
    // view by the same person no more than 30 minutes earlier. Runs are grouped here, so a
    // request viewed ten thousand times still shows its submission, claim and decisions.
    const { rows } = await this.pool.query<
      EventRow & { events: string; kinds: unknown[] | null; omitted_views: string }
    >(
      `WITH events AS (
         SELECT seq, action, details->>'kind' AS kind,
                action = 'document.viewed'
                  AND lag(action) OVER w = 'document.viewed'
                  AND lag(actor_type) OVER w = actor_type
                  AND lag(actor_id) OVER w IS NOT DISTINCT FROM actor_id
                  AND lag(actor_name) OVER w IS NOT DISTINCT FROM actor_name
                  AND occurred_at - lag(occurred_at) OVER w <= interval '${VIEWS_TOGETHER_MINUTES} minutes'
                  AS continues
           FROM audit_events
          WHERE request_id = $1
         WINDOW w AS (ORDER BY seq)),
       numbered AS (
         SELECT seq, action, kind,
                sum(CASE WHEN continues THEN 0 ELSE 1 END) OVER (ORDER BY seq) AS run
           FROM events),
       runs AS (
         SELECT max(seq) AS seq, bool_or(action = 'document.viewed') AS views, count(*) AS events,
                array_agg(kind ORDER BY seq DESC) FILTER (WHERE action = 'document.viewed') AS kinds
           FROM numbered GROUP BY run),
       ranked AS (
         SELECT runs.*,
                CASE WHEN views THEN row_number() OVER (PARTITION BY views ORDER BY seq DESC) END
                  AS view_rank
           FROM runs),
       totals AS (
         SELECT ranked.*,
                coalesce(sum(CASE WHEN view_rank > $2 THEN events END) OVER (), 0) AS omitted_views
           FROM ranked)
       SELECT e.seq, e.occurred_at, e.actor_type, e.actor_id, e.actor_role, e.actor_name, e.action,
              e.request_id, r.reference AS request_reference, e.subject_id, e.details, e.ip, e.hash,
              t.events, t.kinds, t.omitted_views
         FROM totals t
         JOIN audit_events e ON e.seq = t.seq
         LEFT JOIN initialization_requests r ON r.id = e.request_id
        WHERE NOT t.views OR t.view_rank <= $2
        ORDER BY e.seq DESC`,
      [requestId, viewRuns],
    );
    return {
      entries: rows.map((row) => ({
        newest: toRecord(row),
        events: Number(row.events),
        kinds: row.kinds ?? [],
      })),
      omittedViews: Number(rows[0]?.omitted_views ?? 0),
    };
  }

  async head(): Promise<ChainHeadView> {
    return readHead(this.pool);
  }

  readChain<T>(work: (snapshot: ChainSnapshot) => Promise<T>): Promise<T> {
    return withReadSnapshot(this.pool, async (client) => {
      const head = await readHead(client);
      const events = streamRows(
        client,
        `SELECT seq, occurred_at, actor_type, actor_id, actor_role, actor_name, action,
                request_id, subject_id, details, ip, prev_hash, hash
           FROM audit_events ORDER BY seq`,
        [],
        toChained,
      );
      return work({ head, events });
    });
  }

  readEvents<T>(
    filters: AuditEventFilters & { from: string; to: string },
    work: (snapshot: AuditEventSnapshot) => Promise<T>,
  ): Promise<T> {
    return withReadSnapshot(this.pool, async (client) => {
      const head = await readHead(client);
      const { where, parameters } = this.conditions(filters);
      const counted = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM audit_events e ${whereClause(where)}`,
        parameters,
      );
      const rows = streamRows(
        client,
        `${SELECT_EVENTS} ${whereClause(where)} ORDER BY e.seq`,
        parameters,
        toRecord,
      );
      return work({ head, expectedRows: Number(counted.rows[0]?.n ?? 0), rows });
    });
  }

  /** SQL conditions for the filters; dates are whole days in the business zone. */
  private conditions(filters: AuditEventFilters): { where: string[]; parameters: unknown[] } {
    const where: string[] = [];
    const parameters: unknown[] = [];
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const zone = this.config.TZ_BUSINESS;
    if (filters.from) {
      const start = DateTime.fromISO(filters.from, { zone }).startOf('day');
      if (start.isValid) where.push(`e.occurred_at >= ${add(start.toJSDate())}`);
    }
    if (filters.to) {
      const end = DateTime.fromISO(filters.to, { zone }).startOf('day').plus({ days: 1 });
      if (end.isValid) where.push(`e.occurred_at < ${add(end.toJSDate())}`);
    }
    if (filters.actor) {
      where.push(`e.actor_name ILIKE ${add(`%${likeLiteral(filters.actor)}%`)}`);
    }
    if (filters.action) {
      const family = filters.action.endsWith('.') || filters.action.endsWith('.*');
      if (family) {
        where.push(`e.action LIKE ${add(`${likeLiteral(filters.action.replace(/\*$/, ''))}%`)}`);
      } else {
        where.push(`e.action = ${add(filters.action)}`);
      }
    }
    if (filters.requestReference) {
      where.push(
        `e.request_id IN (SELECT id FROM initialization_requests WHERE reference = ${add(filters.requestReference)})`,
      );
    }
    if (filters.subject) {
      if (UUID.test(filters.subject)) {
        where.push(`e.subject_id = ${add(filters.subject)}`);
      } else {
        // A filing number: the subject's events and those of its requests, whether the
        // number is a subject's or one of its websites' in the registry, or only named by
        // a request (a subject the registry does not hold).
        const number = add(filters.subject);
        const requests = `SELECT id, subject_id FROM initialization_requests
                           WHERE subject_filing_number = ${number} OR filing_number = ${number}`;
        const registered = `SELECT id FROM filing_subjects WHERE filing_number = ${number}
                            UNION ALL
                            SELECT subject_id FROM filing_websites WHERE filing_number = ${number}`;
        where.push(`(e.subject_id IN (SELECT subject_id FROM (${requests}) q WHERE subject_id IS NOT NULL)
                 OR e.subject_id IN (${registered})
                 OR e.request_id IN (SELECT id FROM (${requests}) q)
                 OR e.request_id IN (SELECT id FROM initialization_requests
                                      WHERE subject_id IN (${registered})))`);
      }
    }
    return { where, parameters };
  }
}

function whereClause(conditions: string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

export async function readHead(executor: pg.Pool | pg.PoolClient): Promise<ChainHeadView> {
  const { rows } = await executor.query<{ seq: string; hash: string; updated_at: Date | null }>(
    `SELECT seq, hash, updated_at FROM audit_chain_head WHERE id = 1`,
  );
  const row = rows[0];
  if (!row) throw new Error('audit_chain_head has no row: run the migrations');
  return { seq: Number(row.seq), hash: row.hash.trim(), updatedAt: row.updated_at };
}
