/**
 * `npm run bench:sla`: one run of the SLA watch over undecided requests of
 * which 1% just became at risk (flag, audit event and notice for each, in
 * batches), beside the bare SQL UPDATE that sets the same flags on the same
 * data, in the same run, both right after VACUUM ANALYZE. Prints the plan of the
 * statement the watch runs (its UPDATE … FROM (… FOR UPDATE SKIP LOCKED)), and
 * repeats all of it at each table size, each in a database of its own, so the
 * watch's memory can be compared across sizes.
 *
 * BENCH_SIZES=200000,1000000 (the default) lists the sizes; BENCH_ROWS=n
 * measures one size only.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { CreateStaffMemberCommand } from '../src/identity/application/commands/create-staff-member/create-staff-member.command.js';
import { runMigrations } from '../src/shared/infrastructure/database/migrate.js';
import { systemActor } from '../src/shared/domain/actor.js';
import { RunSlaWatchCommand } from '../src/sla/application/commands/run-sla-watch/run-sla-watch.command.js';
import { SLA_WATCH_BATCH } from '../src/sla/application/commands/run-sla-watch/run-sla-watch.handler.js';
import { flagStatement } from '../src/initialization/infrastructure/postgres/postgres-sla-line-flags.js';
import {
  benchEnvironment,
  format,
  machineLine,
  markdownTable,
  measure,
  say,
  type BenchEnvironment,
} from './support/bench-environment.js';
import { seedRequests } from './support/seed-requests.js';

const SIZES = (process.env.BENCH_ROWS ?? process.env.BENCH_SIZES ?? '200000,1000000')
  .split(',')
  .map((size) => Number(size.trim().replaceAll('_', '')));
if (SIZES.some((size) => !Number.isInteger(size) || size < 100))
  throw new Error(
    `BENCH_SIZES must list whole numbers of at least 100 rows, not "${SIZES.join(',')}"`,
  );
const AT_RISK = 0.01;
const CLOCK_RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;

interface SizeResult {
  rows: number;
  expected: number;
  bareSeconds: number;
  watchSeconds: number;
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
  events: number;
  outbox: number;
  plan: string[];
}

async function measureSize(env: BenchEnvironment, rows: number): Promise<SizeResult> {
  const database = `bench_sla_${rows}`;
  await env.server.createDatabase(database);
  const url = env.server.urlFor(database);
  await runMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const now = new Date();
    say(`Seeding ${format(rows)} undecided requests, ${AT_RISK * 100}% of them at risk…`);
    await seedRequests(client, { count: rows, now, atRiskShare: AT_RISK });
    const expected = Math.floor(rows * AT_RISK);

    // The watch's own statement, explained (EXPLAIN without ANALYZE does not run it).
    await client.query('VACUUM ANALYZE initialization_requests');
    const plan = (
      await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN ${flagStatement('at_risk_flagged_at', 'at_risk_at')}`,
        [now, SLA_WATCH_BATCH],
      )
    ).rows.map((row) => row['QUERY PLAN']);

    const bareSql = `UPDATE initialization_requests SET at_risk_flagged_at = $1
      WHERE at_risk_at <= $1 AND at_risk_flagged_at IS NULL AND status IN ${CLOCK_RUNNING}`;
    say('The bare SQL UPDATE…');
    const bare = await measure(async () => (await client.query(bareSql, [now])).rowCount ?? 0);
    if (bare.result !== expected)
      throw new Error(`the bare UPDATE flagged ${bare.result}, expected ${expected}`);
    await client.query(
      `UPDATE initialization_requests SET at_risk_flagged_at = NULL WHERE at_risk_flagged_at IS NOT NULL`,
    );
    // The same state for the watch as for the bare UPDATE: no dead rows, fresh statistics.
    await client.query('VACUUM ANALYZE initialization_requests');

    const app = await NestFactory.createApplicationContext(
      AppModule.register({
        config: env.config({ DATABASE_URL: url }),
        mode: 'cli',
        clock: { now: () => now },
      }),
      { logger: ['error'] },
    );
    let watch;
    try {
      const commands = app.get(CommandBus);
      // Nobody holds these requests, so each at-risk notice goes to the senior reviewers.
      await commands.execute(
        new CreateStaffMemberCommand(
          systemActor('bench'),
          'senior@bench.test',
          'Senior',
          'SENIOR_REVIEWER',
          'bench-password-0000',
        ),
      );
      say('One SLA watch run…');
      watch = await measure(() => commands.execute(new RunSlaWatchCommand()));
    } finally {
      await app.close();
    }
    const counts = (
      await client.query<{ flagged: number; events: number; outbox: number }>(
        `SELECT (SELECT count(*) FROM initialization_requests WHERE at_risk_flagged_at IS NOT NULL)::int AS flagged,
                (SELECT count(*) FROM audit_events WHERE action = 'request.sla_at_risk')::int AS events,
                (SELECT count(*) FROM outbox_messages WHERE kind = 'sla.at_risk')::int AS outbox`,
      )
    ).rows[0]!;
    if (
      watch.result.atRisk !== expected ||
      counts.flagged !== expected ||
      counts.events !== expected
    ) {
      throw new Error(
        `the watch flagged ${watch.result.atRisk}/${counts.flagged} with ${counts.events} events; expected ${expected}`,
      );
    }
    return {
      rows,
      expected,
      bareSeconds: bare.seconds,
      watchSeconds: watch.seconds,
      startRssMb: watch.startRssMb,
      peakRssMb: watch.peakRssMb,
      peakHeapMb: watch.peakHeapMb,
      events: counts.events,
      outbox: counts.outbox,
      plan,
    };
  } finally {
    await client.end();
    // Free the disk before the next size.
    const admin = new pg.Client({ connectionString: env.server.urlFor('postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const env = await benchEnvironment();
  try {
    const results: SizeResult[] = [];
    for (const rows of SIZES) results.push(await measureSize(env, rows));
    const first = results[0]!;
    const last = results.at(-1)!;
    const growth = (result: SizeResult): number => result.peakRssMb - result.startRssMb;

    process.stdout.write(
      [
        machineLine(
          `SLA watch over ${results.map((result) => format(result.rows)).join(' and ')} undecided requests (1% at risk)`,
        ),
        '',
        markdownTable(
          [
            'undecided requests',
            'at risk',
            'bare `UPDATE` s',
            'watch run s',
            'ratio',
            'watch also writes',
            'RSS before → peak (growth)',
            'peak heap',
          ],
          results.map((result) => [
            format(result.rows),
            format(result.expected),
            result.bareSeconds.toFixed(3),
            result.watchSeconds.toFixed(3),
            `${(result.watchSeconds / result.bareSeconds).toFixed(1)}×`,
            `${format(result.events)} audit events, ${format(result.outbox)} outbox notices`,
            `${format(result.startRssMb)} → ${format(result.peakRssMb)} MB (+${format(growth(result))})`,
            `${format(result.peakHeapMb)} MB`,
          ]),
          ['r', 'r', 'r', 'r', 'r', 'l', 'r', 'r'],
        ),
        '',
        'Both right after `VACUUM ANALYZE`; ratio = watch run ÷ bare UPDATE on the same data.',
        ...(results.length > 1
          ? [
              `From ${format(first.rows)} to ${format(last.rows)} rows the watch's peak heap went ${format(first.peakHeapMb)} → ${format(last.peakHeapMb)} MB and its RSS growth during the run +${format(growth(first))} → +${format(growth(last))} MB (the watch works in batches of ${SLA_WATCH_BATCH} requests).`,
            ]
          : []),
        '',
        ...results.flatMap((result) => [
          `Plan of the watch's statement (UPDATE … FROM (… FOR UPDATE SKIP LOCKED), batch of ${SLA_WATCH_BATCH}) at ${format(result.rows)} rows:`,
          '',
          '```',
          ...result.plan,
          '```',
          '',
        ]),
      ].join('\n'),
    );
  } finally {
    await env.stop();
  }
}

await main();
