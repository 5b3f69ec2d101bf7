/**
 * `npm run bench:decisions`: decisions per second — claim + document checks +
 * approve, each through the real command handlers with their audit events,
 * registry change and outbox rows — over many requests with 8 concurrent
 * clients, beside pgbench's TPC-B rate on the same database in the same run.
 *
 * BENCH_REQUESTS=2000 for a shorter run.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { CreateStaffMemberCommand } from '../src/identity/application/commands/create-staff-member/create-staff-member.command.js';
import { ApproveRequestCommand } from '../src/initialization/application/commands/approve-request/approve-request.command.js';
import { ClaimRequestCommand } from '../src/initialization/application/commands/claim-request/claim-request.command.js';
import { RecordDocumentChecksCommand } from '../src/initialization/application/commands/record-document-checks/record-document-checks.command.js';
import { systemActor, type StaffActor } from '../src/shared/domain/actor.js';
import {
  benchEnvironment,
  format,
  machineLine,
  markdownTable,
  measure,
  say,
} from './support/bench-environment.js';
import { seedRequests } from './support/seed-requests.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CLIENTS = 8;
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const PGBENCH_SECONDS = Number(process.env.PGBENCH_SECONDS ?? 20);

async function main(): Promise<void> {
  const env = await benchEnvironment();
  try {
    const client = new pg.Client({ connectionString: env.url });
    await client.connect();
    say(`Seeding ${format(REQUESTS)} pending requests with registry subjects and documents…`);
    await seedRequests(client, { count: REQUESTS, now: new Date(), withRegistry: true });
    const documents = new Map<string, string[]>();
    for (const row of (
      await client.query<{ request_id: string; id: string }>(
        `SELECT request_id, id FROM request_documents`,
      )
    ).rows) {
      documents.set(row.request_id, [...(documents.get(row.request_id) ?? []), row.id]);
    }
    const ids = [...documents.keys()];

    const app = await NestFactory.createApplicationContext(
      AppModule.register({ config: env.config(), mode: 'cli' }),
      { logger: ['error'] },
    );
    let ours;
    try {
      const commands = app.get(CommandBus);
      const reviewers: StaffActor[] = [];
      for (let index = 0; index < CLIENTS; index += 1) {
        const { id } = await commands.execute(
          new CreateStaffMemberCommand(
            systemActor('bench'),
            `reviewer${index}@bench.test`,
            `Reviewer ${index}`,
            'REVIEWER',
            'bench-password-0000',
          ),
        );
        reviewers.push({ kind: 'STAFF', id, role: 'REVIEWER', name: `Reviewer ${index}` });
      }
      say(`Deciding with ${CLIENTS} concurrent clients…`);
      let next = 0;
      ours = await measure(async () => {
        await Promise.all(
          reviewers.map(async (reviewer) => {
            for (let index = next++; index < ids.length; index = next++) {
              const requestId = ids[index]!;
              await commands.execute(new ClaimRequestCommand(requestId, reviewer, '127.0.0.1'));
              const checks = documents.get(requestId)!.map((documentId) => ({
                documentId,
                legible: true,
                authentic: true,
                valid: true,
                matchesApplication: true,
                note: '',
              }));
              await commands.execute(
                new RecordDocumentChecksCommand(requestId, reviewer, checks, '127.0.0.1'),
              );
              const outcome = await commands.execute(
                new ApproveRequestCommand(requestId, reviewer, '127.0.0.1'),
              );
              if (outcome !== 'APPROVED') throw new Error(`expected an approval, got ${outcome}`);
            }
          }),
        );
        return ids.length;
      });
    } finally {
      await app.close();
    }
    const counts = (
      await client.query<{ approved: number; events: number; outbox: number }>(
        `SELECT (SELECT count(*) FROM initialization_requests WHERE status = 'APPROVED')::int AS approved,
                (SELECT count(*) FROM audit_events)::int AS events,
                (SELECT count(*) FROM outbox_messages)::int AS outbox`,
      )
    ).rows[0]!;
    await client.end();
    if (counts.approved !== REQUESTS)
      throw new Error(`only ${counts.approved} of ${REQUESTS} requests were approved`);

    say('pgbench TPC-B on the same database…');
    await run(PGBENCH, ['-i', '-s', '10', '-q', env.url]);
    const output = await run(PGBENCH, [
      '-c',
      String(CLIENTS),
      '-j',
      '2',
      '-T',
      String(PGBENCH_SECONDS),
      '-n',
      env.url,
    ]);
    const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(output)?.[1]);
    if (!Number.isFinite(tps)) throw new Error(`could not read pgbench's tps from:\n${output}`);

    const decisionsPerSecond = ours.result / ours.seconds;
    process.stdout.write(
      [
        machineLine(`${format(REQUESTS)} decisions, ${CLIENTS} concurrent clients`),
        '',
        markdownTable(
          ['workload', 'per second', 'what one unit is'],
          [
            [
              'beian-desk decisions',
              format(decisionsPerSecond, 1),
              'claim + checks + approve: 3 transactions, 4 audit events, the registry change, 2 outbox rows',
            ],
            [
              'pgbench TPC-B (built in)',
              format(tps, 1),
              '1 transaction: 3 updates, 1 select, 1 insert',
            ],
          ],
          ['l', 'r', 'l'],
        ),
        '',
        `Ratio (decisions/s ÷ TPC-B tps): **${(decisionsPerSecond / tps).toFixed(3)}**; ${format(counts.events)} audit events and ${format(counts.outbox)} outbox rows written; peak RSS ${format(ours.peakRssMb)} MB.`,
      ].join('\n') + '\n',
    );
  } finally {
    await env.stop();
  }
}

function run(command: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`${command} exited with ${code}:\n${output}`)),
    );
  });
}

await main();
