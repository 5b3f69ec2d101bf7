import {
  checkpointHash,
  checkpointFrom,
  signCheckpoint,
  type CheckpointBody,
  type CheckpointSigner,
  type SignedCheckpoint,
} from './checkpoints.js';
import {
  GENESIS_HASH,
  KEYED_LINKS_STARTED,
  type AuditEventInput,
  type ChainedAuditEvent,
  type ChainHead,
} from './events.js';
import { currentLinkRule, linkOf, type LinkKeyring } from './link-keys.js';

export {
  GENESIS_HASH,
  KEYED_LINKS_STARTED,
  hashAuditEvent,
  type AuditEventInput,
  type ChainedAuditEvent,
  type ChainHead,
} from './events.js';

/** The smallest thing that runs SQL: a pg client, a pool, or a TypeORM EntityManager. */
export interface SqlExecutor {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** pg returns `{ rows }`, TypeORM's EntityManager the rows themselves. */
async function rowsOf<T>(executor: SqlExecutor, sql: string, parameters?: unknown[]): Promise<T[]> {
  const result = await executor.query(sql, parameters);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The SQLSTATE `audit_lock_head()` and `audit_append()` raise when rows lie beyond the head. */
export const UNACCOUNTED_EVENTS_SQLSTATE = 'BDA01';

/** Whether an error (pg's, or TypeORM's QueryFailedError around it) is BDA01: stray rows past the head. */
export function isUnaccountedEventsError(error: unknown): boolean {
  const code = (value: unknown) => (value as { code?: unknown } | null)?.code;
  return (
    code(error) === UNACCOUNTED_EVENTS_SQLSTATE ||
    code((error as { driverError?: unknown } | null)?.driverError) === UNACCOUNTED_EVENTS_SQLSTATE
  );
}

/** What appends and checkpoints need: the link keyring and the checkpoint signer. */
export interface AuditChainKeys {
  linkKeys: LinkKeyring;
  signer: CheckpointSigner;
  /**
   * Asked before a switch to keyed links is made (the database holds no checkpoint); throws
   * to refuse it. Whether a trail has switched is read from the database, which its owner
   * could empty: the caller checks evidence kept elsewhere (the checkpoints' outside copies),
   * so a trail whose checkpoints were deleted is never switched, and signed, a second time.
   */
  beforeSwitch?: () => Promise<void>;
}

export interface AppendResult {
  /** The events appended, in order: the switch event first when this append made it. */
  events: ChainedAuditEvent[];
  /** The checkpoints this append signed (#1 when it made the switch), to copy outside after commit. */
  checkpoints: SignedCheckpoint[];
}

/** Who the switch event names as its actor. */
const SWITCH_ACTOR = 'audit trail';

/**
 * Appends events to the append-only, hash-chained trail through the database's
 * `SECURITY DEFINER` functions (the runtime role cannot write the tables): `audit_lock_head()`
 * locks the head row until the caller's transaction ends, so concurrent transactions (from
 * any number of processes) never fork the chain, and refuses (BDA01) when stray rows lie
 * beyond the head; `audit_append(jsonb)` checks the events continue the head and moves it;
 * `audit_add_checkpoint(jsonb, text)` stores a signed checkpoint. Call `append` inside the
 * transaction that makes the change, as late as possible.
 */
export class AuditChain {
  constructor(
    private readonly tables: { events: string; head: string; checkpoints: string } = {
      events: 'audit_events',
      head: 'audit_chain_head',
      checkpoints: 'audit_checkpoints',
    },
  ) {}

  /**
   * Appends `inputs`, keyed under the keyring's current key. A trail not switched yet (no
   * checkpoint) first gets the switch event `audit.keyed_links_started` and checkpoint #1
   * signed at it, in this same transaction.
   */
  async append(
    executor: SqlExecutor,
    inputs: readonly AuditEventInput[],
    keys: AuditChainKeys,
    now: Date,
  ): Promise<AppendResult> {
    if (inputs.length === 0) return { events: [], checkpoints: [] };
    const locked = await this.lockHead(executor);
    let head = { seq: locked.seq, hash: locked.hash };
    const events: ChainedAuditEvent[] = [];
    const checkpoints: SignedCheckpoint[] = [];
    if (!locked.switched) {
      const switched = await this.switchToKeyedLinks(executor, head, keys, now);
      events.push(switched.event);
      checkpoints.push(switched.checkpoint);
      head = { seq: switched.event.seq, hash: switched.event.hash };
    }
    const chained = chainEvents(head, inputs, keys.linkKeys);
    await this.insert(executor, chained);
    events.push(...chained);
    return { events, checkpoints };
  }

  /**
   * Signs the next checkpoint at the head, when the head has moved past the last
   * checkpoint (or always, with `force`); returns it, or null when there was nothing new.
   * A trail not switched yet has nothing to attest: null, unless `linkKeys` is given,
   * in which case it makes the switch and returns checkpoint #1.
   */
  async checkpoint(
    executor: SqlExecutor,
    signer: CheckpointSigner,
    linkKeyIds: readonly string[],
    now: Date,
    options: {
      force?: boolean;
      linkKeys?: LinkKeyring;
      beforeSwitch?: AuditChainKeys['beforeSwitch'];
    } = {},
  ): Promise<SignedCheckpoint | null> {
    const locked = await this.lockHead(executor);
    const head = { seq: locked.seq, hash: locked.hash };
    const last = locked.switched ? await this.lastCheckpoint(executor) : null;
    if (!last) {
      if (!options.linkKeys) return null;
      const keys = { linkKeys: options.linkKeys, signer, beforeSwitch: options.beforeSwitch };
      return (await this.switchToKeyedLinks(executor, head, keys, now)).checkpoint;
    }
    if (head.seq <= last.body.seq && !options.force) return null;
    const checkpoint = signCheckpoint(
      {
        no: last.body.no + 1,
        seq: head.seq,
        hash: head.hash,
        at: now.toISOString(),
        linkKeyIds: [...linkKeyIds],
        keyedFrom: last.body.keyedFrom,
        prev: checkpointHash(last.body),
        signer: signer.fingerprint,
      },
      signer.privateKey,
    );
    await this.addCheckpoint(executor, checkpoint);
    return checkpoint;
  }

  async head(executor: SqlExecutor): Promise<ChainHead> {
    const rows = await rowsOf<{ seq: string | number; hash: string; updated_at: Date | null }>(
      executor,
      `SELECT seq, hash, updated_at FROM ${this.tables.head} WHERE id = 1`,
    );
    const row = rows[0];
    if (!row) throw new Error(`${this.tables.head} has no row: run the migrations`);
    return { seq: Number(row.seq), hash: row.hash.trim(), updatedAt: row.updated_at };
  }

  /** Every checkpoint in the database, in order of `no` (rows that are not one are skipped). */
  async checkpoints(executor: SqlExecutor, after = 0): Promise<SignedCheckpoint[]> {
    const rows = await rowsOf<{ body: unknown; signature: string }>(
      executor,
      `SELECT body, signature FROM ${this.tables.checkpoints} WHERE no > $1 ORDER BY no`,
      [after],
    );
    return rows.flatMap((row) => {
      try {
        return [checkpointFrom({ body: row.body, signature: row.signature })];
      } catch {
        return [];
      }
    });
  }

  async lastCheckpoint(executor: SqlExecutor): Promise<SignedCheckpoint | null> {
    const rows = await rowsOf<{ body: unknown; signature: string }>(
      executor,
      `SELECT body, signature FROM ${this.tables.checkpoints} ORDER BY no DESC LIMIT 1`,
    );
    const row = rows[0];
    return row ? checkpointFrom({ body: row.body, signature: row.signature }) : null;
  }

  /** Stray rows beyond the head (seq, up to `limit`), which no append accounted for. */
  async strays(executor: SqlExecutor, headSeq: number, limit = 100): Promise<number[]> {
    const rows = await rowsOf<{ seq: string | number }>(
      executor,
      `SELECT seq FROM ${this.tables.events} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [headSeq, limit],
    );
    return rows.map((row) => Number(row.seq));
  }

  /**
   * Locks the head (`audit_lock_head()`: BDA01 when stray rows lie beyond it), then tells
   * whether the trail has switched to keyed links (has a checkpoint). The second question is
   * a statement of its own: under READ COMMITTED it then sees what a transaction that held
   * the lock before us committed (asked in the locking statement, it would read the snapshot
   * taken before the lock wait, and two first appends racing would both make the switch).
   */
  private async lockHead(
    executor: SqlExecutor,
  ): Promise<{ seq: number; hash: string; switched: boolean }> {
    const rows = await rowsOf<{ seq: string | number; hash: string }>(
      executor,
      `SELECT seq, hash FROM audit_lock_head()`,
    );
    const row = rows[0];
    if (!row) throw new Error(`${this.tables.head} has no row: run the migrations`);
    const [checkpoints] = await rowsOf<{ switched: boolean }>(
      executor,
      `SELECT EXISTS (SELECT 1 FROM ${this.tables.checkpoints}) AS switched`,
    );
    return { seq: Number(row.seq), hash: row.hash.trim(), switched: checkpoints!.switched };
  }

  /** The switch event, keyed under the current key, and checkpoint #1 at it. */
  private async switchToKeyedLinks(
    executor: SqlExecutor,
    head: { seq: number; hash: string },
    keys: AuditChainKeys,
    now: Date,
  ): Promise<{ event: ChainedAuditEvent; checkpoint: SignedCheckpoint }> {
    await keys.beforeSwitch?.();
    const [event] = chainEvents(head, [switchEvent(keys, now)], keys.linkKeys);
    await this.insert(executor, [event!]);
    const body: CheckpointBody = {
      no: 1,
      seq: event!.seq,
      hash: event!.hash,
      at: now.toISOString(),
      linkKeyIds: keys.linkKeys.ids(),
      keyedFrom: event!.seq,
      prev: GENESIS_HASH,
      signer: keys.signer.fingerprint,
    };
    const checkpoint = signCheckpoint(body, keys.signer.privateKey);
    await this.addCheckpoint(executor, checkpoint);
    return { event: event!, checkpoint };
  }

  private async insert(executor: SqlExecutor, events: readonly ChainedAuditEvent[]): Promise<void> {
    await executor.query('SELECT audit_append($1::jsonb)', [JSON.stringify(events.map(toRow))]);
  }

  private async addCheckpoint(executor: SqlExecutor, checkpoint: SignedCheckpoint): Promise<void> {
    await executor.query('SELECT audit_add_checkpoint($1::jsonb, $2)', [
      JSON.stringify(checkpoint.body),
      checkpoint.signature,
    ]);
  }
}

/** The switch event: the first keyed event of a trail, naming the key and the signer. */
export function switchEvent(keys: AuditChainKeys, now: Date): AuditEventInput {
  return {
    occurredAt: now,
    actorType: 'SYSTEM',
    actorId: null,
    actorRole: null,
    actorName: SWITCH_ACTOR,
    action: KEYED_LINKS_STARTED,
    requestId: null,
    subjectId: null,
    details: { linkKeyId: keys.linkKeys.currentId, signer: keys.signer.fingerprint },
    ip: null,
  };
}

/** Chains `inputs` after `head`, each linked under the keyring's current key. */
export function chainEvents(
  head: { seq: number; hash: string },
  inputs: readonly AuditEventInput[],
  linkKeys: LinkKeyring,
): ChainedAuditEvent[] {
  const rule = currentLinkRule(linkKeys);
  let seq = head.seq;
  let prevHash = head.hash;
  return inputs.map((input) => {
    seq += 1;
    const hash = linkOf(prevHash, seq, input, rule);
    const event: ChainedAuditEvent = { ...input, seq, prevHash, hash, linkKeyId: rule.keyId };
    prevHash = hash;
    return event;
  });
}

/** An event as `audit_append` takes it: an object keyed by `audit_events` column name. */
export function toRow(event: ChainedAuditEvent): Record<string, unknown> {
  return {
    seq: event.seq,
    occurred_at: event.occurredAt.toISOString(),
    actor_type: event.actorType,
    actor_id: event.actorId,
    actor_role: event.actorRole,
    actor_name: event.actorName,
    action: event.action,
    request_id: event.requestId,
    subject_id: event.subjectId,
    details: event.details,
    ip: event.ip,
    prev_hash: event.prevHash,
    hash: event.hash,
    link_key_id: event.linkKeyId,
  };
}
