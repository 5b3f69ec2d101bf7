import { Inject, Injectable } from '@nestjs/common';
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
  RequestTimelineRecords,
} from '../../application/ports/audit-trail.reader.js';
import { normalizeCredentialNumber, type AuditEventFilters } from '../../domain/export-filters.js';
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
    const newestFirst = criteria.after === undefined;
    const statement = this.searchStatement(criteria);
    const { rows } = await this.pool.query<EventRow>(statement.text, statement.values);
    const more = rows.length > criteria.limit;
    const events = rows.slice(0, criteria.limit).map(toRecord);
    if (!newestFirst) events.reverse();
    const first = events[0];
    const last = events[events.length - 1];
    // Whether anything lies beyond the page in the direction we came from.
    const exists = async (direction: 'older' | 'newer', seq: number): Promise<boolean> => {
      const probe = this.existsStatement(criteria, direction, seq);
      const { rows: found } = await this.pool.query(probe.text, probe.values);
      return found.length > 0;
    };
    return {
      events,
      hasOlder: newestFirst ? more : last ? await exists('older', last.seq) : false,
      hasNewer: newestFirst ? (first ? await exists('newer', first.seq) : false) : more,
    };
  }

  /**
   * The SQL of one page of a search (one row more than the page, to tell whether
   * there is another): newest first, or oldest first after an `after` cursor.
   * Public for the tests that EXPLAIN it.
   */
  searchStatement(criteria: AuditSearchCriteria): { text: string; values: unknown[] } {
    const newestFirst = criteria.after === undefined;
    const { where, parameters, keys, keyedWhere } = this.conditions(criteria);
    const page = [...(keys ? keyedWhere : where)];
    if (criteria.before !== undefined) {
      parameters.push(criteria.before);
      page.push(`e.seq < $${parameters.length}`);
    }
    if (criteria.after !== undefined) {
      parameters.push(criteria.after);
      page.push(`e.seq > $${parameters.length}`);
    }
    parameters.push(criteria.limit + 1);
    const limit = `$${parameters.length}`;
    const order = newestFirst ? 'DESC' : 'ASC';
    if (!keys && narrowAndDated(criteria)) {
      // One actor or one action over a short range: its rows of the range, read by
      // (name, time) or (action, time), are few; the page is sorted out of them. Left to
      // itself the planner may walk the whole trail back from its newest event instead.
      return {
        text: `WITH matching AS MATERIALIZED (SELECT e.seq FROM audit_events e ${whereClause(page)})
               ${SELECT_EVENTS}
               WHERE e.seq IN (SELECT seq FROM matching ORDER BY seq ${order} LIMIT ${limit})
               ORDER BY e.seq ${order}`,
        values: parameters,
      };
    }
    if (!keys) {
      return {
        text: `${SELECT_EVENTS} ${whereClause(page)} ORDER BY e.seq ${order} LIMIT ${limit}`,
        values: parameters,
      };
    }
    return {
      text: `${SELECT_EVENTS}
              WHERE e.seq IN (${keyedSeqs(keys, page, order, limit)})
              ORDER BY e.seq ${order}`,
      values: parameters,
    };
  }

  /** Whether any event matching the criteria lies before (older) or after (newer) `seq`. */
  private existsStatement(
    criteria: AuditSearchCriteria,
    direction: 'older' | 'newer',
    seq: number,
  ): { text: string; values: unknown[] } {
    const { where, parameters, keys, keyedWhere } = this.conditions(criteria);
    parameters.push(seq);
    const condition = `e.seq ${direction === 'older' ? '<' : '>'} $${parameters.length}`;
    if (!keys) {
      return {
        text: `SELECT 1 FROM audit_events e ${whereClause([...where, condition])} LIMIT 1`,
        values: parameters,
      };
    }
    return {
      text: keyedSeqs(
        keys,
        [...keyedWhere, condition],
        direction === 'older' ? 'DESC' : 'ASC',
        '1',
      ),
      values: parameters,
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

  /**
   * SQL conditions for the filters; dates are whole days in the business zone.
   *
   * Filters that name requests or subjects (a reference, a filing number, a subject,
   * a subject name, a credential number) also give `keys`: the requests and subjects
   * whose events match, so a page is read through the events' request and subject
   * indexes (a few index probes per request), not by walking the trail backwards.
   */
  private conditions(filters: AuditEventFilters): {
    where: string[];
    parameters: unknown[];
    keys: EventKeys | null;
    /** The conditions beside the keys, for a page read through the keys. */
    keyedWhere: string[];
  } {
    const where: string[] = [];
    const parameters: unknown[] = [];
    let driver: { keys: EventKeys; condition: string } | null = null;
    const add = (value: unknown): string => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    /** Events of these requests or of these subjects (SQL selecting uuids; null: none). */
    const byKeys = (keys: EventKeys): void => {
      const sides = [
        keys.requests ? `e.request_id = ANY (ARRAY(${keys.requests}))` : null,
        keys.subjects ? `e.subject_id = ANY (ARRAY(${keys.subjects}))` : null,
      ].filter(Boolean);
      const condition = sides.length === 1 ? sides[0]! : `(${sides.join(' OR ')})`;
      where.push(condition);
      driver ??= { keys, condition };
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
      // The names that contain the words, found among the trail's few distinct actor names
      // (a skip scan of `audit_events_actor_time_idx`, one probe a name); the events are then
      // read by (name, time), so a dated search reads only that actor's rows of its range.
      where.push(
        `e.actor_name = ANY (ARRAY(${actorNamesLike(add(`%${likeLiteral(filters.actor)}%`))}))`,
      );
    }
    if (filters.action) {
      const family = filters.action.endsWith('.') || filters.action.endsWith('.*');
      if (family) {
        where.push(`e.action LIKE ${add(`${likeLiteral(filters.action.replace(/\*$/, ''))}%`)}`);
      } else {
        where.push(`e.action = ${add(filters.action)}`);
      }
    }
    // Most selective first: the first keyed filter drives the page.
    if (filters.requestReference) {
      byKeys({
        requests: `SELECT id FROM initialization_requests WHERE reference = ${add(filters.requestReference)}`,
        subjects: null,
      });
    }
    if (filters.credentialNumber) {
      const number = add(normalizeCredentialNumber(filters.credentialNumber));
      byKeys(
        subjectKeys(
          `credential_number = ${number}`,
          `SELECT id FROM filing_subjects WHERE credential_number = ${number}`,
        ),
      );
    }
    if (filters.subject) {
      if (UUID.test(filters.subject)) {
        byKeys({ requests: null, subjects: `SELECT ${add(filters.subject)}::uuid` });
      } else {
        // A filing number: the subject's events and those of its requests, whether the
        // number is a subject's or one of its websites' in the registry, or only named by
        // a request (a subject the registry does not hold).
        const number = add(filters.subject);
        byKeys(
          subjectKeys(
            `(subject_filing_number = ${number} OR filing_number = ${number})`,
            `SELECT id FROM filing_subjects WHERE filing_number = ${number}
              UNION ALL
             SELECT subject_id FROM filing_websites WHERE filing_number = ${number}`,
          ),
        );
      }
    }
    if (filters.subjectName) {
      const name = filters.subjectName.trim();
      // Part of a name through the trigram indexes; a name too short for trigrams, whole.
      const [request, subject] =
        [...name].length >= 3
          ? (() => {
              const pattern = add(`%${likeLiteral(name)}%`);
              return [`subject_name ILIKE ${pattern}`, `name ILIKE ${pattern}`];
            })()
          : (() => {
              const whole = add(name.toLowerCase());
              return [`lower(subject_name) = ${whole}`, `lower(name) = ${whole}`];
            })();
      byKeys(subjectKeys(request, `SELECT id FROM filing_subjects WHERE ${subject}`));
    }
    // The keyed page reads the driving filter's events directly: its condition holds already.
    const found = driver as { keys: EventKeys; condition: string } | null;
    return {
      where,
      parameters,
      keys: found?.keys ?? null,
      keyedWhere: found ? where.filter((condition) => condition !== found.condition) : where,
    };
  }
}

/** The requests and subjects whose events a filter matches (SQL selecting uuids). */
interface EventKeys {
  requests: string | null;
  subjects: string | null;
}

/** The longest date range over which one actor's or one action's events are read by time. */
const NARROW_RANGE_DAYS = 31;

/**
 * Whether the search names an actor, or one exact action, over a date range of at most
 * NARROW_RANGE_DAYS days: its rows of the range are then few enough to read through
 * `(actor_name, occurred_at)` or `(action, occurred_at)` and sort a page out of.
 */
function narrowAndDated(filters: AuditEventFilters): boolean {
  const exactAction =
    !!filters.action && !filters.action.endsWith('.') && !filters.action.endsWith('.*');
  if ((!filters.actor && !exactAction) || !filters.from || !filters.to) return false;
  const days = (Date.parse(filters.to) - Date.parse(filters.from)) / 86_400_000;
  return Number.isFinite(days) && days >= 0 && days < NARROW_RANGE_DAYS;
}

/**
 * Every distinct actor name in the trail that matches `pattern` (ILIKE): a recursive skip
 * scan over the leading column of `audit_events_actor_time_idx`, one index probe for each
 * distinct name (staff and system actors: a few dozen), whatever the trail's length.
 */
function actorNamesLike(pattern: string): string {
  return `WITH RECURSIVE names(name) AS (
      (SELECT actor_name FROM audit_events WHERE actor_name IS NOT NULL ORDER BY actor_name LIMIT 1)
      UNION ALL
      SELECT (SELECT a.actor_name FROM audit_events a WHERE a.actor_name > n.name
               ORDER BY a.actor_name LIMIT 1)
        FROM names n WHERE n.name IS NOT NULL)
    SELECT name FROM names WHERE name ILIKE ${pattern}`;
}

/**
 * The events of a subject, found two ways: the requests that match `requestCondition`
 * and their subjects, and the registry subjects `registered` selects and their requests.
 */
function subjectKeys(requestCondition: string, registered: string): EventKeys {
  return {
    requests: `SELECT id FROM initialization_requests WHERE ${requestCondition}
                UNION
               SELECT id FROM initialization_requests WHERE subject_id IN (${registered})`,
    subjects: `SELECT subject_id FROM initialization_requests
                WHERE ${requestCondition} AND subject_id IS NOT NULL
                UNION
               ${registered}`,
  };
}

/**
 * The sequence numbers of a page of keyed events: for each matching request (and
 * subject), its newest (or oldest) `limit` events through `audit_events_request_idx`
 * (`audit_events_subject_idx`), merged, and the page taken from those. The work grows
 * with the number of matching requests, never with the length of the trail.
 */
function keyedSeqs(keys: EventKeys, where: string[], order: 'ASC' | 'DESC', limit: string): string {
  const conditions = where.length ? ` AND ${where.join(' AND ')}` : '';
  const per = (column: string, ids: string) => `
      SELECT x.seq FROM unnest(ARRAY(${ids})) AS k(id)
      CROSS JOIN LATERAL (
        SELECT e.seq FROM audit_events e
         WHERE e.${column} = k.id${conditions}
         ORDER BY e.seq ${order} LIMIT ${limit}) x`;
  const parts = [
    keys.requests ? per('request_id', keys.requests) : null,
    keys.subjects ? per('subject_id', keys.subjects) : null,
  ].filter(Boolean);
  return `SELECT seq FROM (${parts.join(' UNION ')}) found ORDER BY seq ${order} LIMIT ${limit}`;
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
