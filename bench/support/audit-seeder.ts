import { spawn } from 'node:child_process';
import { createHmac, type KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  checkpointHash,
  GENESIS_HASH,
  hashAuditEvent,
  linkOf,
  signCheckpoint,
  type CheckpointBody,
  type SignedCheckpoint,
} from '@lib/audit-trail';
import pg from 'pg';
import {
  COPY_COLUMNS,
  copyLineStart,
  occurredMsOf,
  seedEvent,
  type SeedPlan,
} from './audit-seed-events.js';
import type { SeedBatch, SeedBatchRequest } from './audit-seed-worker.js';

const HOUR_MS = 3_600_000;
const BATCH = 5_000;
/** Every this many events, the link made here is checked against the library's `linkOf`. */
const CROSS_CHECK_EVERY = 997;

export interface AuditSeederOptions {
  /** A superuser's URL of the benchmark's database (the seeding writes as the owner would not). */
  superuserUrl: string;
  psql: string;
  plan: SeedPlan;
  secret: Buffer;
  privateKey: KeyObject;
  /** Where the desk keeps its outside copies (`<folder>/<no, 8 digits>.json`). */
  checkpointFolder: string;
  /** How a checkpoint's outside copy is written (the desk's own format). */
  outsideCopy?: (checkpoint: SignedCheckpoint) => string;
  say: (line: string) => void;
}

/**
 * Seeds a valid audit trail in bulk, in stages (`seedTo`): legacy keyless events, the
 * switch to keyed links with checkpoint #1 at it, then keyed events with a signed
 * checkpoint at the end of every hour of the trail's time, each also copied outside the
 * database. The events' texts are made by worker threads; this thread chains them (one
 * HMAC each, in order, since every link names its predecessor's) and streams them to
 * `psql \copy … FROM pstdin`. Writes as a superuser with triggers off
 * (`session_replication_role = replica`), straight into the tables, as a restore would.
 */
export class AuditTrailSeeder {
  private seq = 0;
  private prevHash = GENESIS_HASH;
  private checkpointNo = 0;
  private lastCheckpointHash = GENESIS_HASH;

  constructor(private readonly options: AuditSeederOptions) {}

  get head(): { seq: number; hash: string } {
    return { seq: this.seq, hash: this.prevHash };
  }

  get checkpointCount(): number {
    return this.checkpointNo;
  }

  /** `events` more events after the database's head (the desk may have appended some). */
  async seedMore(events: number): Promise<void> {
    await this.catchUp();
    await this.seedTo(this.seq + events);
  }

  async seedTo(target: number): Promise<void> {
    const { plan, say } = this.options;
    await this.catchUp();
    if (target <= this.seq) return;
    const copy = this.startCopy();
    const made: SignedCheckpoint[] = [];
    let buffered: string[] = [];
    const flush = async (): Promise<void> => {
      if (buffered.length === 0) return;
      const chunk = buffered.join('');
      buffered = [];
      if (!copy.stdin.write(chunk)) await once(copy.stdin, 'drain');
    };
    const emit = async (seq: number, line: string, hash: string, keyed: boolean): Promise<void> => {
      buffered.push(line, this.prevHash, '\t', hash, '\n');
      this.prevHash = hash;
      this.seq = seq;
      if (keyed && this.closesCheckpoint(seq)) made.push(this.sign(seq, hash));
      if (buffered.length >= 5 * 2_000) await flush();
    };

    // Legacy events (before the switch), keyless, here: they are few.
    while (this.seq < Math.min(target, plan.keyedFrom - 1)) {
      const seq = this.seq + 1;
      const event = seedEvent(seq, plan);
      await emit(
        seq,
        copyLineStart(seq, event, null),
        hashAuditEvent(this.prevHash, seq, event),
        false,
      );
    }

    if (this.seq < target) {
      const workers = [0, 1].map(
        () => new Worker(new URL('./audit-seed-worker.js', import.meta.url), { workerData: plan }),
      );
      const waiting = new Map<number, (batch: SeedBatch) => void>();
      for (const worker of workers) {
        worker.on('message', (batch: SeedBatch) => waiting.get(batch.id)?.(batch));
        worker.on('error', (error) => say(`seeding worker failed: ${String(error)}`));
      }
      let nextId = 0;
      let nextFrom = this.seq + 1;
      const ask = (): Promise<SeedBatch> | null => {
        if (nextFrom > target) return null;
        const request: SeedBatchRequest = {
          id: nextId,
          from: nextFrom,
          to: Math.min(target, nextFrom + BATCH - 1),
        };
        nextId += 1;
        nextFrom = request.to + 1;
        const answer = new Promise<SeedBatch>((resolve) => waiting.set(request.id, resolve));
        workers[request.id % workers.length]!.postMessage(request);
        return answer;
      };
      const inFlight: Promise<SeedBatch>[] = [];
      for (let index = 0; index < 6; index += 1) {
        const asked = ask();
        if (asked) inFlight.push(asked);
      }
      let reported = this.seq;
      try {
        while (inFlight.length > 0) {
          const batch = await inFlight.shift()!;
          waiting.delete(batch.id);
          const more = ask();
          if (more) inFlight.push(more);
          for (let index = 0; index < batch.lines.length; index += 1) {
            const seq = batch.from + index;
            const hash = createHmac('sha256', this.options.secret)
              .update(batch.before[index]!)
              .update(this.prevHash)
              .update(batch.after[index]!)
              .digest('hex');
            if (seq % CROSS_CHECK_EVERY === 0 || seq === plan.keyedFrom) this.crossCheck(seq, hash);
            await emit(seq, batch.lines[index]!, hash, true);
          }
          if (this.seq - reported >= 500_000) {
            reported = this.seq;
            say(`  … ${this.seq.toLocaleString('en')} events`);
          }
        }
      } finally {
        await Promise.all(workers.map((worker) => worker.terminate()));
      }
    }
    await flush();
    copy.stdin.end();
    await copy.done;
    await this.store(made);
  }

  /**
   * The desk appends events of its own between stages (a verification is audited, and may
   * add a checkpoint): the seeding goes on from the database's head and last checkpoint.
   */
  private async catchUp(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.superuserUrl });
    await client.connect();
    try {
      const head = (
        await client.query<{ seq: string; hash: string }>(
          `SELECT seq, hash FROM audit_chain_head WHERE id = 1`,
        )
      ).rows[0]!;
      if (Number(head.seq) > this.seq) {
        this.seq = Number(head.seq);
        this.prevHash = head.hash.trim();
      }
      const last = (
        await client.query<{ body: CheckpointBody }>(
          `SELECT body FROM audit_checkpoints ORDER BY no DESC LIMIT 1`,
        )
      ).rows[0];
      if (last && last.body.no > this.checkpointNo) {
        this.checkpointNo = last.body.no;
        this.lastCheckpointHash = checkpointHash(last.body);
      }
    } finally {
      await client.end();
    }
  }

  /** The link made here must be the library's own, or the whole seeding is worthless. */
  private crossCheck(seq: number, hash: string): void {
    const { plan, secret } = this.options;
    const expected = linkOf(this.prevHash, seq, seedEvent(seq, plan), {
      kind: 'keyed',
      keyId: plan.keyId,
      secret,
    });
    if (expected !== hash) {
      throw new Error(`seeded link of #${seq} differs from linkOf's (${hash} ≠ ${expected})`);
    }
  }

  /** The switch event, and the last event of every hour after it. */
  private closesCheckpoint(seq: number): boolean {
    const { plan } = this.options;
    if (seq === plan.keyedFrom) return true;
    return (
      Math.floor(occurredMsOf(seq, plan) / HOUR_MS) !==
      Math.floor(occurredMsOf(seq + 1, plan) / HOUR_MS)
    );
  }

  private sign(seq: number, hash: string): SignedCheckpoint {
    const { plan, privateKey } = this.options;
    this.checkpointNo += 1;
    const body: CheckpointBody = {
      no: this.checkpointNo,
      seq,
      hash,
      at: new Date(occurredMsOf(seq, plan) + 1_000).toISOString(),
      linkKeyIds: [plan.keyId],
      keyedFrom: plan.keyedFrom,
      prev: this.lastCheckpointHash,
      signer: plan.signer,
    };
    this.lastCheckpointHash = checkpointHash(body);
    const signed = signCheckpoint(body, privateKey);
    return signed;
  }

  private startCopy(): { stdin: NodeJS.WritableStream & { end(): void }; done: Promise<void> } {
    const child = spawn(
      this.options.psql,
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        this.options.superuserUrl,
        '-c',
        `\\copy audit_events (${COPY_COLUMNS.join(', ')}) FROM pstdin`,
      ],
      {
        stdio: ['pipe', 'ignore', 'pipe'],
        env: { ...process.env, PGOPTIONS: '-c session_replication_role=replica' },
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const done = new Promise<void>((resolve, reject) => {
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`psql \\copy failed: ${errors}`)),
      );
    });
    return { stdin: child.stdin, done };
  }

  /** The head moved to the last event, the new checkpoints in the database and outside it. */
  private async store(made: SignedCheckpoint[]): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.superuserUrl,
      options: '-c session_replication_role=replica',
    });
    await client.connect();
    try {
      await client.query(`UPDATE audit_chain_head SET seq = $1, hash = $2, updated_at = $3`, [
        this.seq,
        this.prevHash,
        new Date(occurredMsOf(this.seq, this.options.plan)),
      ]);
      for (let start = 0; start < made.length; start += 500) {
        const slice = made.slice(start, start + 500);
        const values: unknown[] = [];
        const tuples = slice.map((checkpoint) => {
          values.push(
            checkpoint.body.no,
            checkpoint.body.seq,
            checkpoint.body.hash,
            checkpoint.body.at,
            JSON.stringify(checkpoint.body),
            checkpoint.signature,
          );
          const at = values.length - 6;
          return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6})`;
        });
        await client.query(
          `INSERT INTO audit_checkpoints (no, seq, hash, signed_at, body, signature) VALUES ${tuples.join(', ')}`,
          values,
        );
      }
    } finally {
      await client.end();
    }
    const folder = this.options.checkpointFolder;
    await mkdir(folder, { recursive: true });
    const write =
      this.options.outsideCopy ?? ((checkpoint) => JSON.stringify(checkpoint, null, 2) + '\n');
    for (const checkpoint of made) {
      await writeFile(
        path.join(folder, `${String(checkpoint.body.no).padStart(8, '0')}.json`),
        write(checkpoint),
      );
    }
  }
}
