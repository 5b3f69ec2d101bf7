import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { Inject, Injectable } from '@nestjs/common';
import {
  AuditChain,
  formatLinkKeyring,
  verifySegment,
  verifyTrail,
  type SegmentPlan,
  type SegmentReport,
  type SignedCheckpoint,
  type TrailVerification,
} from '@lib/audit-trail';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../shared/infrastructure/config/app-config.js';
import type {
  CheckpointView,
  TrailKeyInfo,
  TrailVerificationResult,
  TrailVerifier,
  VerificationMode,
  VerificationProgress,
} from '../../application/ports/trail-verifier.js';
import { CheckpointCopies } from '../checkpoints/checkpoint-copies.js';
import { AUDIT_KEYS, type AuditKeys } from '../keys/audit-keys.js';
import { publicKeyPem } from '../keys/load-audit-keys.js';
import {
  poolOf,
  streamRows as streamRowsOf,
  withReadSnapshot as withSnapshot,
} from '../postgres/pg-snapshot.js';
import { readHead } from '../postgres/postgres-audit-trail.reader.js';
import { toChainedEvent, VERIFY_COLUMNS, type VerifyEventRow } from './trail-rows.js';
import type { SegmentWorkerData, SegmentWorkerMessage } from './segment-worker.js';

const view = (checkpoint: SignedCheckpoint | null | undefined): CheckpointView | null =>
  checkpoint
    ? {
        no: checkpoint.body.no,
        seq: checkpoint.body.seq,
        hash: checkpoint.body.hash,
        at: new Date(checkpoint.body.at),
      }
    : null;

/**
 * Worker threads need the compiled JavaScript (`npm run build`); run from the TypeScript
 * sources (the tests), the segments are verified one after the other in this thread, by the
 * same `verifySegment`.
 */
const WORKER_URL = import.meta.url.endsWith('.js')
  ? new URL('./segment-worker.js', import.meta.url)
  : null;

/** The trail's verification over PostgreSQL, the outside copies and the configured keys. */
@Injectable()
export class PostgresTrailVerifier implements TrailVerifier {
  private readonly pool: pg.Pool;
  private readonly chain = new AuditChain();

  constructor(
    dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    private readonly copies: CheckpointCopies,
  ) {
    this.pool = poolOf(dataSource);
  }

  async keyInfo(): Promise<TrailKeyInfo> {
    return {
      fingerprint: this.keys.signer.fingerprint,
      publicKeyPem: publicKeyPem(this.keys),
      lastCheckpoint: view(await this.chain.lastCheckpoint(this.pool)),
    };
  }

  async verify(options: {
    mode: VerificationMode;
    from?: { no: number; seq: number; hash: string } | null;
    onProgress?: (progress: VerificationProgress) => void;
  }): Promise<TrailVerificationResult> {
    // The starting checkpoint is read from its copy outside the database, never from it.
    const from = options.from ? await this.outsideStart(options.from) : null;
    return withSnapshot(this.pool, async (client) => {
      const head = await readHead(client);
      const checkpoints = await this.chain.checkpoints(client, from ? from.body.no - 1 : 0);
      const strays = await this.chain.strays(client, head.seq);
      const lastNo = checkpoints[checkpoints.length - 1]?.body.no ?? 0;
      const copies = await this.copies.readRange(from?.body.no ?? 1, lastNo);
      const unreadable = copies.find((copy) => copy.checkpoint === null);
      const outsideCopies = copies.flatMap((copy) => (copy.checkpoint ? [copy.checkpoint] : []));
      const start = from?.body.seq ?? 0;
      const total = Math.max(0, head.seq - start);
      const progress = (checked: number) => options.onProgress?.({ checked, total });

      let report: TrailVerification;
      if (unreadable) {
        report = {
          ok: false,
          verified: 0,
          failure: { kind: 'checkpoint-outside-differs', checkpoint: unreadable.no, params: {} },
          warnings: [],
        };
      } else {
        const common = {
          from: from ?? undefined,
          checkpoints,
          outsideCopies,
          trustedKeys: this.keys.trustedKeys,
          linkKeys: this.keys.linkKeys,
          head,
          strays,
        };
        report =
          options.mode === 'full'
            ? await verifyTrail({
                ...common,
                segments: {
                  parts: Math.max(1, availableParallelism()),
                  run: (plans) => this.runSegments(client, plans, progress),
                },
              })
            : await verifyTrail({
                ...common,
                events: streamRowsOf<VerifyEventRow, ReturnType<typeof toChainedEvent>>(
                  client,
                  `SELECT ${VERIFY_COLUMNS} FROM audit_events WHERE seq > $1 ORDER BY seq`,
                  [start],
                  toChainedEvent,
                ),
                onProgress: ({ verified }) => progress(verified),
              });
      }
      progress(report.verified);
      const lastStored = checkpoints[checkpoints.length - 1];
      return {
        mode: options.mode,
        ok: report.ok,
        verified: report.verified,
        head: { seq: head.seq, hash: head.hash },
        from: view(from),
        lastCheckpoint: report.ok ? view(report.lastCheckpoint) : view(lastStored ?? from),
        failure: report.ok
          ? null
          : {
              kind: report.failure.kind,
              event: report.failure.event ?? null,
              checkpoint: report.failure.checkpoint ?? null,
              params: report.failure.params,
            },
        warnings: report.warnings.map((warning) => ({
          kind: warning.kind,
          checkpoint: warning.checkpoint,
        })),
      };
    });
  }

  /** The outside copy of the checkpoint a passed full run ended on, if it still says the same. */
  private async outsideStart(recorded: {
    no: number;
    seq: number;
    hash: string;
  }): Promise<SignedCheckpoint | null> {
    const copy = await this.copies.read(recorded.no);
    const checkpoint = copy?.checkpoint;
    if (!checkpoint) return null;
    return checkpoint.body.seq === recorded.seq && checkpoint.body.hash === recorded.hash
      ? checkpoint
      : null;
  }

  /** Each segment in a worker thread of its own (compiled), else one after the other here. */
  private async runSegments(
    client: pg.PoolClient,
    plans: SegmentPlan[],
    progress: (checked: number) => void,
  ): Promise<SegmentReport[]> {
    const done = new Array<number>(plans.length).fill(0);
    const report = (index: number, verified: number) => {
      done[index] = verified;
      progress(done.reduce((sum, value) => sum + value, 0));
    };
    if (!WORKER_URL) {
      const reports: SegmentReport[] = [];
      for (const plan of plans) {
        reports.push(
          await verifySegment({
            events: streamRowsOf<VerifyEventRow, ReturnType<typeof toChainedEvent>>(
              client,
              `SELECT ${VERIFY_COLUMNS} FROM audit_events WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
              [plan.from.seq, plan.to.seq],
              toChainedEvent,
            ),
            plan,
            linkKeys: this.keys.linkKeys,
            onProgress: ({ verified }) => report(plan.index, verified),
          }),
        );
      }
      return reports;
    }
    const { rows } = await client.query<{ snapshot: string }>(
      'SELECT pg_export_snapshot() AS snapshot',
    );
    const snapshot = rows[0]!.snapshot;
    const keyring = formatLinkKeyring(this.keys.linkKeys);
    return Promise.all(
      plans.map(
        (plan) =>
          new Promise<SegmentReport>((resolve, reject) => {
            const data: SegmentWorkerData = {
              databaseUrl: this.config.DATABASE_URL,
              snapshot,
              keyring,
              plan,
            };
            const worker = new Worker(WORKER_URL, { workerData: data });
            let settled = false;
            worker.on('message', (message: SegmentWorkerMessage) => {
              if (message.type === 'progress') report(plan.index, message.verified);
              else if (message.type === 'done') {
                settled = true;
                resolve(message.report);
              } else {
                settled = true;
                reject(new Error(`a verification worker failed: ${message.message}`));
              }
            });
            worker.on('error', (error) => {
              settled = true;
              reject(error);
            });
            worker.on('exit', (code) => {
              if (!settled) reject(new Error(`a verification worker stopped (exit code ${code})`));
            });
          }),
      ),
    );
  }
}
