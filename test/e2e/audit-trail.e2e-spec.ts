import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AuditChain, verifyAuditChain, type ChainedAuditEvent } from '@lib/audit-trail';
import { migratedDatabaseUrl } from '../support/database.js';

describe('the audit trail core', () => {
  const chain = new AuditChain();
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await migratedDatabaseUrl(), max: 25 });
  });
  afterAll(() => pool.end());

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
      };
    }
  }

  it('keeps one unbroken chain when 20 transactions on separate connections append at once', async () => {
    const before = Number((await pool.query(`SELECT seq FROM audit_chain_head`)).rows[0].seq);
    await Promise.all(
      Array.from({ length: 20 }, async (_, index) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await chain.append(client, [
            {
              occurredAt: new Date(),
              actorType: 'SYSTEM',
              actorId: null,
              actorRole: null,
              actorName: `concurrency-test-${index}`,
              action: 'test.concurrent_append',
              requestId: null,
              subjectId: null,
              details: { index, note: '并发写入' },
              ip: '127.0.0.1',
            },
          ]);
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      }),
    );
    const head = await chain.head(pool);
    expect(head.seq).toBe(before + 20);
    const seqs = (
      await pool.query(
        `SELECT seq FROM audit_events WHERE action = 'test.concurrent_append' ORDER BY seq`,
      )
    ).rows.map((row) => Number(row.seq));
    expect(new Set(seqs).size).toBe(20);
    const report = await verifyAuditChain(allEvents(), head);
    expect(report).toEqual({
      ok: true,
      verified: head.seq,
      head: { seq: head.seq, hash: head.hash },
    });
  });

  it('refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await chain.append(client, [
        {
          occurredAt: new Date(),
          actorType: 'SYSTEM',
          actorId: null,
          actorRole: null,
          actorName: 't',
          action: 'test.append_only',
          requestId: null,
          subjectId: null,
          details: {},
          ip: null,
        },
      ]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    await expect(
      pool.query(
        `UPDATE audit_events SET details = '{"changed":true}' WHERE action = 'test.append_only'`,
      ),
    ).rejects.toThrow('audit_events is append-only: UPDATE is not allowed');
    await expect(
      pool.query(`DELETE FROM audit_events WHERE action = 'test.append_only'`),
    ).rejects.toThrow('audit_events is append-only: DELETE is not allowed');
    await expect(pool.query(`TRUNCATE audit_events`)).rejects.toThrow(
      'audit_events is append-only: TRUNCATE is not allowed',
    );
    expect(
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.append_only'`,
        )
      ).rows[0].n,
    ).toBe(1);
  });

  it('rolls the event back with the transaction that recorded it', async () => {
    const head = await chain.head(pool);
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await chain.append(client, [
        {
          occurredAt: new Date(),
          actorType: 'SYSTEM',
          actorId: null,
          actorRole: null,
          actorName: 't',
          action: 'test.rolled_back',
          requestId: null,
          subjectId: null,
          details: {},
          ip: null,
        },
      ]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await chain.head(pool)).toEqual(head);
    expect(
      (
        await pool.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action = 'test.rolled_back'`,
        )
      ).rows[0].n,
    ).toBe(0);
  });
});
