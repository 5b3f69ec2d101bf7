import { parentPort, workerData } from 'node:worker_threads';
import { parseLinkKeyring, verifySegment, type SegmentPlan } from '@lib/audit-trail';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { toChainedEvent, VERIFY_COLUMNS, type VerifyEventRow } from './trail-rows.js';

/** What the full verification hands each worker thread. */
export interface SegmentWorkerData {
  databaseUrl: string;
  /** `pg_export_snapshot()` of the verification's transaction: every worker reads the same trail. */
  snapshot: string;
  /** The link keyring as text (`formatLinkKeyring`). */
  keyring: string;
  plan: SegmentPlan;
}

/** Messages to the parent: progress now and then, then the segment's report. */
export type SegmentWorkerMessage =
  | { type: 'progress'; verified: number }
  | { type: 'done'; report: Awaited<ReturnType<typeof verifySegment>> }
  | { type: 'error'; message: string };

/**
 * One segment of a full verification, in a worker thread: reads the events in
 * (from.seq, to.seq] through its own connection, in the parent's snapshot, and checks
 * their links (`verifySegment`).
 */
async function run(data: SegmentWorkerData): Promise<void> {
  const client = new pg.Client({ connectionString: data.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await client.query(`SET TRANSACTION SNAPSHOT '${data.snapshot.replace(/'/g, '')}'`);
    const stream = client.query(
      new QueryStream(
        `SELECT ${VERIFY_COLUMNS} FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
        [data.plan.from.seq, data.plan.to.seq],
        { batchSize: 2000 },
      ),
    );
    async function* events() {
      for await (const row of stream as AsyncIterable<VerifyEventRow>) yield toChainedEvent(row);
    }
    const report = await verifySegment({
      events: events(),
      plan: data.plan,
      linkKeys: parseLinkKeyring(data.keyring),
      onProgress: ({ verified }) => parentPort!.postMessage({ type: 'progress', verified }),
    });
    stream.destroy();
    await client.query('COMMIT');
    parentPort!.postMessage({ type: 'done', report } satisfies SegmentWorkerMessage);
  } finally {
    await client.end();
  }
}

if (parentPort) {
  run(workerData as SegmentWorkerData).catch((error: unknown) => {
    parentPort!.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    } satisfies SegmentWorkerMessage);
  });
}
