import type { KeyObject } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import {
  checkpointFrom,
  parseLinkKeyring,
  verifyTrail,
  type ChainedAuditEvent,
  type SignedCheckpoint,
} from '@lib/audit-trail';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import { RunFullVerificationCommand } from '../../src/audit/application/commands/run-full-verification/run-full-verification.command.js';
import { VerifyAuditChainCommand } from '../../src/audit/application/commands/verify-audit-chain/verify-audit-chain.command.js';
import type { TrailVerificationResult } from '../../src/audit/application/ports/trail-verifier.js';
import {
  toChainedEvent,
  type VerifyEventRow,
} from '../../src/audit/infrastructure/verification/trail-rows.js';
import { systemActor } from '../../src/shared/domain/actor.js';

export interface VerificationOutcome {
  ok: boolean;
  /** Events whose links this run checked. */
  checked: number;
  summary: string;
}

export interface VerificationContext {
  /** The desk in the benchmark's process, started on first use. */
  desk: () => Promise<INestApplicationContext>;
  /** The benchmark database (any role that may read the trail). */
  url: string;
  linkKeysFile: string;
  trustedKeys: ReadonlyMap<string, KeyObject>;
  /** Where the checkpoints' outside copies are (the desk's `checkpoints/<database>/`). */
  checkpointFolder: string;
}

/**
 * The library's `verifyTrail` in this thread over a cursor (no worker threads): the
 * reference the desk's own verification is compared with, and a check of the seeding.
 */
export async function libraryVerification(
  context: VerificationContext,
): Promise<VerificationOutcome> {
  const client = new pg.Client({ connectionString: context.url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const head = (
      await client.query<{ seq: string; hash: string }>(
        `SELECT seq, hash FROM audit_chain_head WHERE id = 1`,
      )
    ).rows[0]!;
    const checkpoints = (
      await client.query<{ body: unknown; signature: string }>(
        `SELECT body, signature FROM audit_checkpoints ORDER BY no`,
      )
    ).rows.map((row) => checkpointFrom(row));
    const folder = context.checkpointFolder;
    const outsideCopies: SignedCheckpoint[] = [];
    for (const name of (await readdir(folder)).sort()) {
      outsideCopies.push(
        checkpointFrom(JSON.parse(await readFile(path.join(folder, name), 'utf8'))),
      );
    }
    const stream = client.query(
      new QueryStream(
        `SELECT seq, occurred_at, actor_type, actor_id, actor_role, actor_name, action,
                request_id, subject_id, details, ip, prev_hash, hash, link_key_id
           FROM audit_events ORDER BY seq`,
        [],
        { batchSize: 2_000 },
      ),
    );
    async function* events(): AsyncGenerator<ChainedAuditEvent> {
      for await (const row of stream) yield toChainedEvent(row as VerifyEventRow);
    }
    const report = await verifyTrail({
      events: events(),
      checkpoints,
      outsideCopies,
      trustedKeys: context.trustedKeys,
      linkKeys: parseLinkKeyring(await readFile(context.linkKeysFile, 'utf8')),
      head: { seq: Number(head.seq), hash: head.hash.trim() },
    });
    await client.query('COMMIT');
    return report.ok
      ? { ok: true, checked: report.verified, summary: `verified ${report.verified} events` }
      : {
          ok: false,
          checked: report.verified,
          summary: `${report.failure.kind} at ${JSON.stringify(report.failure.params)}`,
        };
  } finally {
    await client.end();
  }
}

function outcomeOf(result: TrailVerificationResult): VerificationOutcome {
  return result.ok
    ? {
        ok: true,
        checked: result.verified,
        summary: `verified ${result.verified} events${result.from ? ` after checkpoint #${result.from.no}` : ''}, up to checkpoint #${result.lastCheckpoint?.no ?? '–'}`,
      }
    : {
        ok: false,
        checked: result.verified,
        summary: `${result.failure?.kind ?? 'failed'} ${JSON.stringify(result.failure?.params ?? {})}`,
      };
}

/**
 * The desk's full verification, as `audit:verify --full` runs it: the background job
 * (segments between checkpoints in worker threads, both cores), waited for; recorded in
 * `audit_verification_runs`, so a passed run is where the incremental one starts.
 */
export async function fullVerification(context: VerificationContext): Promise<VerificationOutcome> {
  const commands = (await context.desk()).get(CommandBus);
  const outcome = await commands.execute(
    new RunFullVerificationCommand(systemActor('bench'), { wait: true }),
  );
  if (!outcome.result) throw new Error('the full verification did not start (one is running?)');
  return outcomeOf(outcome.result);
}

/** The desk's incremental verification: what `/audit/verify` and `audit:verify` run. */
export async function incrementalVerification(
  context: VerificationContext,
): Promise<VerificationOutcome> {
  const commands = (await context.desk()).get(CommandBus);
  const { result } = await commands.execute(new VerifyAuditChainCommand(systemActor('bench')));
  return outcomeOf(result);
}
