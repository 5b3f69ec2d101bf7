import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type {
  TrailVerificationResult,
  VerificationMode,
} from '../../application/ports/trail-verifier.js';
import type {
  VerificationRun,
  VerificationRuns,
} from '../../application/ports/verification-runs.js';
import { poolOf } from '../postgres/pg-snapshot.js';

/** A running run whose heartbeat is older than this lost its process. */
const ABANDONED_AFTER_MS = 2 * 60_000;

interface RunRow {
  id: string;
  kind: VerificationMode;
  status: VerificationRun['status'];
  requested_by: string;
  started_at: Date;
  heartbeat_at: Date;
  finished_at: Date | null;
  events_total: string;
  events_checked: string;
  from_checkpoint_no: number | null;
  head_seq: string | null;
  last_checkpoint_no: number | null;
  last_checkpoint_seq: string | null;
  last_checkpoint_hash: string | null;
  failure: VerificationRun['failure'];
  warnings: VerificationRun['warnings'] | null;
  error: string | null;
}

const toRun = (row: RunRow): VerificationRun => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  requestedBy: row.requested_by,
  startedAt: row.started_at,
  heartbeatAt: row.heartbeat_at,
  finishedAt: row.finished_at,
  eventsTotal: Number(row.events_total),
  eventsChecked: Number(row.events_checked),
  fromCheckpointNo: row.from_checkpoint_no,
  headSeq: row.head_seq === null ? null : Number(row.head_seq),
  lastCheckpoint:
    row.last_checkpoint_no === null || row.last_checkpoint_seq === null
      ? null
      : {
          no: row.last_checkpoint_no,
          seq: Number(row.last_checkpoint_seq),
          hash: row.last_checkpoint_hash ?? '',
        },
  failure: row.failure,
  warnings: row.warnings ?? [],
  error: row.error,
});

/** `audit_verification_runs` in PostgreSQL (the runtime role writes it; it is not the trail). */
@Injectable()
export class PostgresVerificationRuns implements VerificationRuns {
  private readonly pool: pg.Pool;

  constructor(dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  async start(
    kind: VerificationMode,
    requestedBy: string,
    now: Date,
    options: { unlessStartedWithinHours?: number } = {},
  ): Promise<string | null> {
    await this.pool.query(
      `UPDATE audit_verification_runs
          SET status = 'abandoned', finished_at = $1,
              error = coalesce(error, 'its process stopped before it finished')
        WHERE status = 'running' AND heartbeat_at < $2`,
      [now, new Date(now.getTime() - ABANDONED_AFTER_MS)],
    );
    const id = randomUUID();
    const recent = options.unlessStartedWithinHours;
    try {
      const { rowCount } = await this.pool.query(
        `INSERT INTO audit_verification_runs (id, kind, status, requested_by, started_at, heartbeat_at)
         SELECT $1::uuid, $2::varchar, 'running', $3::varchar, $4::timestamptz, $4::timestamptz
          WHERE NOT EXISTS (
            SELECT 1 FROM audit_verification_runs
             WHERE kind = $2::varchar AND (status = 'running' OR ($5::int IS NOT NULL
                   AND started_at > $4::timestamptz - make_interval(hours => $5::int))))`,
        [id, kind, requestedBy, now, recent ?? null],
      );
      return rowCount === 1 ? id : null;
    } catch (error) {
      // Two instances at once: the partial unique index lets one full run through.
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    }
  }

  async progress(id: string, checked: number, total: number, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE audit_verification_runs
          SET events_checked = $2, events_total = $3, heartbeat_at = $4
        WHERE id = $1 AND status = 'running'`,
      [id, checked, total, now],
    );
  }

  async finish(id: string, result: TrailVerificationResult, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE audit_verification_runs
          SET status = $2, finished_at = $3, heartbeat_at = $3, events_checked = $4,
              events_total = greatest(events_total, $4), from_checkpoint_no = $5,
              head_seq = $6, head_hash = $7, last_checkpoint_no = $8, last_checkpoint_seq = $9,
              last_checkpoint_hash = $10, failure = $11, warnings = $12
        WHERE id = $1`,
      [
        id,
        result.ok ? 'passed' : 'failed',
        now,
        result.verified,
        result.from?.no ?? null,
        result.head.seq,
        result.head.hash,
        result.lastCheckpoint?.no ?? null,
        result.lastCheckpoint?.seq ?? null,
        result.lastCheckpoint?.hash ?? null,
        result.failure ? JSON.stringify(result.failure) : null,
        JSON.stringify(result.warnings),
      ],
    );
  }

  async abandon(id: string, error: string, now: Date): Promise<void> {
    await this.pool.query(
      `UPDATE audit_verification_runs
          SET status = 'abandoned', finished_at = $2, heartbeat_at = $2, error = $3
        WHERE id = $1`,
      [id, now, error.slice(0, 2000)],
    );
  }

  async latest(kind: VerificationMode): Promise<VerificationRun | null> {
    const { rows } = await this.pool.query<RunRow>(
      `SELECT * FROM audit_verification_runs WHERE kind = $1 ORDER BY started_at DESC LIMIT 1`,
      [kind],
    );
    return rows[0] ? toRun(rows[0]) : null;
  }

  async lastPassedFull(): Promise<VerificationRun | null> {
    const { rows } = await this.pool.query<RunRow>(
      `SELECT * FROM audit_verification_runs
        WHERE kind = 'full' AND status = 'passed' AND last_checkpoint_no IS NOT NULL
        ORDER BY finished_at DESC LIMIT 1`,
    );
    return rows[0] ? toRun(rows[0]) : null;
  }
}
