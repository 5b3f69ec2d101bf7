import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { PreparingClient } from '../../src/shared/infrastructure/database/preparing-client.js';
import { testServices } from '../support/services.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';
import { createStaff } from '../support/test-app.js';

/** The statements PreparingClient prepared on the connection `client` holds (others name theirs). */
async function preparedOn(client: pg.PoolClient): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>(
    `SELECT statement FROM pg_prepared_statements WHERE name LIKE 'bd\\_%' ORDER BY prepare_time`,
  );
  return rows.map((row) => row.statement);
}

describe('prepared statements', () => {
  let pool: pg.Pool;
  beforeAll(() => {
    pool = new pg.Pool({
      connectionString: testServices().databaseUrl,
      max: 1,
      Client: PreparingClient,
    });
  });
  afterAll(() => pool.end());

  it('prepares a parameterized statement the second time a connection runs it, and nothing run once or without parameters', async () => {
    const client = await pool.connect();
    try {
      const repeated = 'SELECT $1::int + 1 AS next';
      expect((await client.query(repeated, [1])).rows).toEqual([{ next: 2 }]);
      expect(await preparedOn(client)).toEqual([]);
      expect((await client.query(repeated, [2])).rows).toEqual([{ next: 3 }]);
      expect((await client.query(repeated, [41])).rows).toEqual([{ next: 42 }]);
      expect(await preparedOn(client)).toEqual([repeated]);

      // A one-off text and statements without parameters run as they are.
      await client.query('SELECT $1::text AS once', ['x']);
      await client.query('SELECT 1 AS plain');
      await client.query('SELECT 1 AS plain');
      expect(await preparedOn(client)).toEqual([repeated]);

      // A failing statement is reported as usual and leaves the connection usable.
      const bad = 'SELECT $1::int / 0 AS boom';
      await expect(client.query(bad, [1])).rejects.toThrow('division by zero');
      await expect(client.query(bad, [1])).rejects.toThrow('division by zero');
      expect((await client.query(repeated, [9])).rows).toEqual([{ next: 10 }]);
    } finally {
      client.release();
    }
  });

  it('runs through the app’s own pool (a page read again on a connection is prepared), unless DATABASE_PREPARED_STATEMENTS=false', async () => {
    const statementsAfterTwoQueues = async (t: TestApp): Promise<string[]> => {
      const reviewer = await createStaff(t.app, 'REVIEWER');
      const session = await signedIn(t.url, reviewer.email, reviewer.password);
      const master = (t.dataSource.driver as unknown as { master: pg.Pool }).master;
      // The pool may hand a page's statements to any of its connections; once the page has been
      // read more times than there are connections, some connection has run one of them twice.
      let reads = 0;
      do {
        expect((await session.page('/queue')).status).toBe(200);
        reads += 1;
      } while (reads <= master.totalCount);
      // Every connection the pages used (the pool may hand out a different one each time).
      const clients = await Promise.all(
        Array.from({ length: master.totalCount }, () => master.connect()),
      );
      try {
        return (await Promise.all(clients.map(preparedOn))).flat();
      } finally {
        for (const client of clients) client.release();
      }
    };

    let t: TestApp = await startTestApp({ env: { QUEUE_COUNTS_CACHE_SECONDS: '0' } });
    try {
      const statements = await statementsAfterTwoQueues(t);
      expect(statements.some((text) => text.includes('FROM initialization_requests'))).toBe(true);
    } finally {
      await t.close();
    }
    t = await startTestApp({ env: { DATABASE_PREPARED_STATEMENTS: 'false' } });
    try {
      expect(await statementsAfterTwoQueues(t)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
