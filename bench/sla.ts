/**
 * `npm run bench:sla`: one run of the SLA watch over 1,000,000 undecided
 * requests of which 1% just became at risk (flag, audit event and notice for
 * each, in batches), beside the bare SQL UPDATE that sets the same flags on the
 * same data, in the same run. Also prints the plan of the watch's query.
 *
 * BENCH_ROWS=200000 for a shorter run.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { CreateStaffMemberCommand } from '../src/identity/application/commands/create-staff-member/create-staff-member.command.js';
import { RunSlaWatchCommand } from '../src/sla/application/commands/run-sla-watch/run-sla-watch.command.js';
import { systemActor } from '../src/shared/domain/actor.js';
import {
  benchEnvironment,
  format,
  machineLine,
  markdownTable,
  measure,
  say,
} from './support/bench-environment.js';
import { seedRequests } from './support/seed-requests.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const AT_RISK = 0.01;
const CLOCK_RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;

async function main(): Promise<void> {
  const env = await benchEnvironment();
  try {
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    const now = new Date();
    say(`Seeding ${format(ROWS)} undecided requests, ${AT_RISK * 100}% of them at risk…`);
    await seedRequests(client, { count: ROWS, now, atRiskShare: AT_RISK });
    const expected = Math.floor(ROWS * AT_RISK);

    const bareSql = `UPDATE initialization_requests SET at_risk_flagged_at = $1
      WHERE at_risk_at <= $1 AND at_risk_flagged_at IS NULL AND status IN ${CLOCK_RUNNING}`;
    say('The bare SQL UPDATE…');
    const bare = await measure(async () => (await client.query(bareSql, [now])).rowCount ?? 0);
    if (bare.result !== expected)
      throw new Error(`the bare UPDATE flagged ${bare.result}, expected ${expected}`);
    await client.query(
      `UPDATE initialization_requests SET at_risk_flagged_at = NULL WHERE at_risk_flagged_at IS NOT NULL`,
    );
    await client.query('VACUUM ANALYZE initialization_requests');

    const plan = (
      await client.query<{ 'QUERY PLAN': string }>(
        `EXPLAIN SELECT id FROM initialization_requests
         WHERE at_risk_at <= $1 AND at_risk_flagged_at IS NULL AND status IN ${CLOCK_RUNNING}
         ORDER BY at_risk_at LIMIT 500 FOR UPDATE SKIP LOCKED`,
        [now],
      )
    ).rows.map((row) => row['QUERY PLAN']);

    const app = await NestFactory.createApplicationContext(
      AppModule.register({ config: env.config(), mode: 'cli', clock: { now: () => now } }),
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
    await client.end();
    if (
      watch.result.atRisk !== expected ||
      counts.flagged !== expected ||
      counts.events !== expected
    ) {
      throw new Error(
        `the watch flagged ${watch.result.atRisk}/${counts.flagged} with ${counts.events} events; expected ${expected}`,
      );
    }

    process.stdout.write(
      [
        machineLine(
          `SLA watch over ${format(ROWS)} undecided requests (${format(expected)} at risk)`,
        ),
        '',
        markdownTable(
          ['what', 'seconds', 'flagged', 'also writes', 'RSS before → peak'],
          [
            [
              'bare SQL `UPDATE … SET at_risk_flagged_at`',
              bare.seconds.toFixed(3),
              format(bare.result),
              'nothing else',
              'n/a (in the database)',
            ],
            [
              'one SLA watch run (`RunSlaWatchCommand`)',
              watch.seconds.toFixed(3),
              format(watch.result.atRisk),
              `${format(counts.events)} audit events, ${format(counts.outbox)} outbox notices`,
              `${format(watch.startRssMb)} → ${format(watch.peakRssMb)} MB`,
            ],
          ],
          ['l', 'r', 'r', 'l', 'r'],
        ),
        '',
        `Ratio (watch run ÷ bare UPDATE): **${(watch.seconds / bare.seconds).toFixed(1)}×** the time of the bare UPDATE.`,
        '',
        "Plan of the watch's batch query (the partial index keeps it independent of the table size):",
        '',
        '```',
        ...plan,
        '```',
      ].join('\n') + '\n',
    );
  } finally {
    await env.stop();
  }
}

await main();
