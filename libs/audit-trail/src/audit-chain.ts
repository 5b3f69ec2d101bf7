import { createHash } from 'node:crypto';
import { canonicalize } from 'json-canonicalize';

/** What the caller knows about an event; the chain adds `seq`, `prevHash` and `hash`. */
export interface AuditEventInput {
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorRole: string | null;
  actorName: string | null;
  action: string;
  requestId: string | null;
  subjectId: string | null;
  details: Record<string, unknown>;
  ip: string | null;
}

export interface ChainedAuditEvent extends AuditEventInput {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
  updatedAt: Date | null;
}

/** The smallest thing that runs SQL: a pg client, a pool, or a TypeORM EntityManager. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** pg returns `{ rows }`, TypeORM's EntityManager the rows themselves. */
async function rowsOf<T>(executor: SqlExecutor, sql: string, parameters?: unknown[]): Promise<T[]> {
  const result = await executor.query(sql, parameters);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The `prevHash` of the very first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the RFC 8785 canonical JSON of the event, its position and its
 * predecessor's hash. Any change to a stored field, or to the order, changes it.
 */
export function hashAuditEvent(prevHash: string, seq: number, event: AuditEventInput): string {
  const canonical = canonicalize({
    seq,
    prevHash,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    actorRole: event.actorRole,
    actorName: event.actorName,
    action: event.action,
    requestId: event.requestId,
    subjectId: event.subjectId,
    details: event.details,
    ip: event.ip,
  });
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

const COLUMNS = [
  'seq',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_role',
  'actor_name',
  'action',
  'request_id',
  'subject_id',
  'details',
  'ip',
  'prev_hash',
  'hash',
] as const;

/**
 * Appends events to an append-only, hash-chained table. Appends are serialised by
 * a row lock on the single-row head table, held until the caller's transaction
 * ends, so concurrent transactions (from any number of processes) never fork the
 * chain. Call it inside the transaction that makes the change, as late as possible.
 */
export class AuditChain {
  constructor(
    private readonly tables: { events: string; head: string } = {
      events: 'audit_events',
      head: 'audit_chain_head',
    },
  ) {}

  async append(
    executor: SqlExecutor,
    inputs: readonly AuditEventInput[],
  ): Promise<ChainedAuditEvent[]> {
    if (inputs.length === 0) return [];
    const rows = await rowsOf<{ seq: string | number; hash: string }>(
      executor,
      `SELECT seq, hash FROM ${this.tables.head} WHERE id = 1 FOR UPDATE`,
    );
    const head = rows[0];
    if (!head) throw new Error(`${this.tables.head} has no row: run the migrations`);

    let seq = Number(head.seq);
    let prevHash = head.hash;
    const chained: ChainedAuditEvent[] = inputs.map((input) => {
      seq += 1;
      const hash = hashAuditEvent(prevHash, seq, input);
      const event = { ...input, seq, prevHash, hash };
      prevHash = hash;
      return event;
    });

    const parameters: unknown[] = [];
    const tuples = chained.map((event) => {
      const values = [
        event.seq,
        event.occurredAt,
        event.actorType,
        event.actorId,
        event.actorRole,
        event.actorName,
        event.action,
        event.requestId,
        event.subjectId,
        JSON.stringify(event.details),
        event.ip,
        event.prevHash,
        event.hash,
      ];
      const placeholders = values.map((value) => {
        parameters.push(value);
        return `$${parameters.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await executor.query(
      `INSERT INTO ${this.tables.events} (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`,
      parameters,
    );
    const last = chained[chained.length - 1]!;
    await executor.query(
      `UPDATE ${this.tables.head} SET seq = $1, hash = $2, updated_at = $3 WHERE id = 1`,
      [last.seq, last.hash, last.occurredAt],
    );
    return chained;
  }

  async head(executor: SqlExecutor): Promise<ChainHead> {
    const rows = await rowsOf<{ seq: string | number; hash: string; updated_at: Date | null }>(
      executor,
      `SELECT seq, hash, updated_at FROM ${this.tables.head} WHERE id = 1`,
    );
    const row = rows[0];
    if (!row) throw new Error(`${this.tables.head} has no row: run the migrations`);
    return { seq: Number(row.seq), hash: row.hash, updatedAt: row.updated_at };
  }
}
