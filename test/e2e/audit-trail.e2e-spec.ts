import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import {
  AuditChain,
  GENESIS_HASH,
  KEYED_LINKS_STARTED,
  hashAuditEvent,
  isUnaccountedEventsError,
  newLinkKeyLine,
  parseLinkKeyring,
  publicKeyFingerprint,
  toRow,
  verifyTrail,
  type AuditEventInput,
  type ChainedAuditEvent,
  type SignedCheckpoint,
  type VerifyTrailInput,
} from '@lib/audit-trail';
import { createMigratedDatabase, type DatabaseUrls } from '../support/database.js';

/**
 * The library's chain against real PostgreSQL, in a database of its own (its keys are not
 * the run's), as the desk's runtime role: appends only through the database's functions.
 */
describe('the audit trail core', () => {
  const chain = new AuditChain();
  const linkKeys = parseLinkKeyring(`${newLinkKeyLine('k2')}\n${newLinkKeyLine('k1')}`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signer = { privateKey, fingerprint: publicKeyFingerprint(publicKey) };
  const keys = { linkKeys, signer };
  const trustedKeys = new Map([[signer.fingerprint, publicKey]]);
  /** What the app would have copied outside the database. */
  const outside: SignedCheckpoint[] = [];
  let database: DatabaseUrls & { drop(): Promise<void> };
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createMigratedDatabase();
    pool = new pg.Pool({ connectionString: database.url, max: 25 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  const event = (action: string, details: Record<string, unknown> = {}): AuditEventInput => ({
    occurredAt: new Date(),
    actorType: 'SYSTEM',
    actorId: null,
    actorRole: null,
    actorName: 'audit-trail-test',
    action,
    requestId: null,
    subjectId: null,
    details,
    ip: '127.0.0.1',
  });

  async function* allEvents(): AsyncGenerator<ChainedAuditEvent> {
    const { rows } = await pool.query(`SELECT * FROM audit_events ORDER BY seq`);
    for (const row of rows) {
      yield {
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
        prevHash: String(row.prev_hash).trim(),
        hash: String(row.hash).trim(),
        linkKeyId: row.link_key_id,
      };
    }
  }

  async function verification(overrides: Partial<VerifyTrailInput> = {}) {
    const head = await chain.head(pool);
    return verifyTrail({
      events: allEvents(),
      checkpoints: await chain.checkpoints(pool),
      outsideCopies: outside,
      trustedKeys,
      linkKeys,
      head,
      strays: await chain.strays(pool, head.seq),
      ...overrides,
    });
  }

  async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  it('keeps events written before the switch under the keyless rule', async () => {
    // As the events of a desk before this change: keyless links, no checkpoint.
    const legacy: ChainedAuditEvent[] = [];
    let prevHash = GENESIS_HASH;
    for (let seq = 1; seq <= 3; seq += 1) {
      const input = event('test.legacy', { seq });
      const hash = hashAuditEvent(prevHash, seq, input);
      legacy.push({ ...input, seq, prevHash, hash, linkKeyId: null });
      prevHash = hash;
    }
    await inTransaction((client) =>
      client.query('SELECT audit_append($1::jsonb)', [JSON.stringify(legacy.map(toRow))]),
    );
    expect(await chain.checkpoint(pool, signer, linkKeys.ids(), new Date())).toBeNull();
    expect(await verification()).toMatchObject({ ok: false, failure: { kind: 'no-checkpoint' } });
  });

  it('switches to keyed links at the first append, with checkpoint #1 at the switch', async () => {
    const now = new Date();
    const result = await inTransaction((client) =>
      chain.append(client, [event('test.first_keyed')], keys, now),
    );
    expect(result.events.map((e) => [e.seq, e.action, e.linkKeyId])).toEqual([
      [4, KEYED_LINKS_STARTED, 'k2'],
      [5, 'test.first_keyed', 'k2'],
    ]);
    expect(result.events[0]!.details).toEqual({ linkKeyId: 'k2', signer: signer.fingerprint });
    expect(result.checkpoints).toHaveLength(1);
    expect(result.checkpoints[0]!.body).toEqual({
      no: 1,
      seq: 4,
      hash: result.events[0]!.hash,
      at: now.toISOString(),
      linkKeyIds: ['k2', 'k1'],
      keyedFrom: 4,
      prev: GENESIS_HASH,
      signer: signer.fingerprint,
    });
    expect(await chain.checkpoints(pool)).toEqual(result.checkpoints);
    outside.push(...result.checkpoints);
    expect(await verification()).toMatchObject({
      ok: true,
      verified: 5,
      head: { seq: 5, hash: result.events[1]!.hash },
      lastCheckpoint: result.checkpoints[0],
      warnings: [],
    });
  });

  it('keeps one unbroken chain when 20 transactions on separate connections append at once', async () => {
    const before = (await chain.head(pool)).seq;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        inTransaction((client) =>
          chain.append(
            client,
            [event('test.concurrent_append', { index, note: '并发写入' })],
            keys,
            new Date(),
          ),
        ),
      ),
    );
    expect(results.flatMap((result) => result.checkpoints)).toEqual([]);
    const head = await chain.head(pool);
    expect(head.seq).toBe(before + 20);
    const seqs = results.map((result) => result.events[0]!.seq);
    expect(new Set(seqs).size).toBe(20);
    expect(await verification()).toMatchObject({ ok: true, verified: head.seq });
  });

  it('signs the next checkpoint at the head only when the head has moved, or when forced', async () => {
    const head = await chain.head(pool);
    const second = await inTransaction((client) =>
      chain.checkpoint(client, signer, linkKeys.ids(), new Date()),
    );
    expect(second?.body).toMatchObject({ no: 2, seq: head.seq, hash: head.hash, keyedFrom: 4 });
    expect(await chain.checkpoint(pool, signer, linkKeys.ids(), new Date())).toBeNull();
    const forced = await inTransaction((client) =>
      chain.checkpoint(client, signer, linkKeys.ids(), new Date(), { force: true }),
    );
    expect(forced?.body).toMatchObject({ no: 3, seq: head.seq });
    outside.push(second!);
    expect(await verification()).toMatchObject({
      ok: true,
      lastCheckpoint: forced,
      warnings: [{ kind: 'checkpoint-not-copied', checkpoint: 3 }],
    });
    outside.push(forced!);
  });

  it('rolls the event back with the transaction that recorded it', async () => {
    const head = await chain.head(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await chain.append(client, [event('test.rolled_back')], keys, new Date());
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await chain.head(pool)).toEqual(head);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.rolled_back'`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events, even to its owner', async () => {
    const owner = new pg.Client({ connectionString: database.ownerUrl });
    await owner.connect();
    try {
      await expect(
        owner.query(`UPDATE audit_events SET details = '{"changed":true}' WHERE seq = 5`),
      ).rejects.toThrow('audit_events is append-only: UPDATE is not allowed');
      await expect(owner.query(`DELETE FROM audit_events WHERE seq = 5`)).rejects.toThrow(
        'audit_events is append-only: DELETE is not allowed',
      );
      await expect(owner.query(`TRUNCATE audit_events`)).rejects.toThrow(
        'audit_events is append-only: TRUNCATE is not allowed',
      );
    } finally {
      await owner.end();
    }
    expect(await verification()).toMatchObject({ ok: true });
  });

  it('refuses to append past a stray row at head + 1, and verification names it', async () => {
    const head = await chain.head(pool);
    const admin = new pg.Client({ connectionString: database.adminUrl });
    await admin.connect();
    try {
      await admin.query(
        `INSERT INTO audit_events (seq, occurred_at, actor_type, action, details, prev_hash, hash)
         VALUES ($1, now(), 'SYSTEM', 'test.stray', '{}', $2, repeat('e', 64))`,
        [head.seq + 1, head.hash],
      );
    } finally {
      await admin.end();
    }
    const refused = await inTransaction((client) =>
      chain.append(client, [event('test.after_stray')], keys, new Date()),
    ).catch((error: unknown) => error);
    expect(isUnaccountedEventsError(refused)).toBe(true);
    expect(await chain.head(pool)).toEqual(head);
    expect(await verification()).toMatchObject({
      ok: false,
      verified: head.seq,
      failure: { kind: 'unaccounted', event: head.seq + 1, params: { headSeq: head.seq } },
    });
  });
});
