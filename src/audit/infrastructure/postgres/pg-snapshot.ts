import type pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { DataSource } from 'typeorm';

/** The pg pool under TypeORM's data source (the same connections the app uses). */
export function poolOf(dataSource: DataSource): pg.Pool {
  return (dataSource.driver as unknown as { master: pg.Pool }).master;
}

/**
 * Runs `work` on one connection inside a read-only REPEATABLE READ transaction:
 * every statement sees the same snapshot (the chain head and the events read
 * after it agree). The connection is discarded if anything failed midway.
 */
export async function withReadSnapshot<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let failed = false;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    client.release(failed);
  }
}

/**
 * Streams a query's rows through a server-side cursor, `batchSize` rows at a
 * time, so memory stays flat whatever the number of rows. Stopping early
 * closes the cursor.
 */
export async function* streamRows<R, T>(
  client: pg.PoolClient,
  sql: string,
  parameters: unknown[],
  map: (row: R) => T,
  batchSize = 1000,
): AsyncGenerator<T> {
  const stream = client.query(new QueryStream(sql, parameters, { batchSize }));
  try {
    for await (const row of stream as AsyncIterable<R>) yield map(row);
  } finally {
    stream.destroy();
  }
}

/** `%` and `_` typed by a user are literal in a LIKE pattern. */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (match) => `\\${match}`);
}
