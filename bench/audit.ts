/**
 * `npm run bench:audit`: the audit trail at 10,000,000 events (issue 18).
 *
 * Seeds a year of a desk's audit trail in bulk into a throw-away embedded PostgreSQL
 * (`psql \copy`; links made with the library's keyed rule, the events' texts in worker
 * threads; a signed checkpoint at the end of every hour, in the database and copied
 * outside it, as the desk keeps them), in two stages (a tenth, then all), and measures:
 *
 * - full verification (the desk's background job, both cores) in events a second, and the
 *   process's peak memory, at a tenth of the trail and at all of it;
 * - incremental verification (what `/audit/verify` runs) after 10,000 new events appended
 *   through the desk's own audit log, with keyed links and the append function;
 * - the audit search page's p95 under 5 concurrent clients (autocannon, real server in
 *   production mode): one request's events, one reviewer over a week, one action over a
 *   day, a filing number;
 * - the audit CSV export (the export pipeline, rows a second) beside `psql \copy` of the
 *   same rows in the same run.
 *
 * BENCH_AUDIT_EVENTS=100000 for a short run (10,000,000 by default), BENCH_AUDIT_FIRST for the
 * first stage (a tenth); BENCH_APPEND_SECONDS=60 at most appending; BENCH_SECONDS=10 per
 * search and round, BENCH_ROUNDS=2; BENCH_NEW_EVENTS=10000.
 */
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { publicKeyFingerprint } from '@lib/audit-trail';
import autocannon from 'autocannon';
import getPort from 'get-port';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { RequestExportCommand } from '../src/audit/application/commands/request-export/request-export.command.js';
import { trailName } from '../src/audit/infrastructure/checkpoints/checkpoint-copies.js';
import { AUDIT_TRAIL_READER } from '../src/audit/application/ports/audit-trail.reader.js';
import type { PostgresAuditTrailReader } from '../src/audit/infrastructure/postgres/postgres-audit-trail.reader.js';
import { RunExportCommand } from '../src/audit/application/commands/run-export/run-export.command.js';
import { CreateStaffMemberCommand } from '../src/identity/application/commands/create-staff-member/create-staff-member.command.js';
import { AUDIT_LOG, type AuditLog } from '../src/shared/application/audit-log.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../src/shared/application/unit-of-work.js';
import { systemActor } from '../src/shared/domain/actor.js';
import { loadConfig } from '../src/shared/infrastructure/config/app-config.js';
import { projectRoot } from '../src/shared/infrastructure/project-root.js';
import {
  filingNumberOf,
  referenceOf,
  requestCountFor,
  REVIEWERS,
  type SeedPlan,
} from './support/audit-seed-events.js';
import { AuditTrailSeeder } from './support/audit-seeder.js';
import {
  fullVerification,
  incrementalVerification,
  libraryVerification,
  type VerificationContext,
} from './support/audit-verification.js';
import {
  benchEnvironment,
  format,
  machineLine,
  markdownTable,
  measure,
  say,
  type Measured,
} from './support/bench-environment.js';
import { seedRequests } from './support/seed-requests.js';

const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 10_000_000);
/** The first stage measured (a tenth of the trail unless BENCH_AUDIT_FIRST says). */
const FIRST_STAGE = Number(process.env.BENCH_AUDIT_FIRST ?? Math.floor(EVENTS / 10));
const NEW_EVENTS = Number(process.env.BENCH_NEW_EVENTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const WARM_UP_SECONDS = 3;
const CLIENTS = 5;
const APPEND_CLIENTS = 4;
const PER_TRANSACTION = 2;
const APPEND_SECONDS = Number(process.env.BENCH_APPEND_SECONDS ?? 60);
const PSQL = process.env.PSQL ?? '/usr/lib/postgresql/15/bin/psql';
const PASSWORD = 'bench-password-0000000000';
/** Events before the switch to keyed links: the trail's keyless past. */
const LEGACY = Math.min(1_000, Math.floor(EVENTS / 100));
const DAY_MS = 86_400_000;
/** The seeded year ends here; new events are appended at the clock's now. */
const END_MS = Date.parse('2026-12-01T00:00:00+08:00');
const START_MS = END_MS - 365 * DAY_MS;
const GOALS = { incrementalSeconds: 1, searchP95Ms: 150, fullPerSecond: 100_000 };

/** Collects the seeding's garbage first (`--expose-gc`), so peak memory is the work's own. */
async function measured<T>(work: () => Promise<T>): Promise<Measured<T>> {
  (globalThis as { gc?: () => void }).gc?.();
  return measure(work);
}

const count = (value: number): string =>
  value >= 1_000_000 && value % 1_000_000 === 0
    ? `${value / 1_000_000}M`
    : value.toLocaleString('en');

const dayOf = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10); // Asia/Shanghai, as the desk reads days

interface VerificationFigure {
  events: number;
  kind: 'full' | 'incremental' | 'library';
  seconds: number;
  checked: number;
  ok: boolean;
  summary: string;
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

interface SearchFigure {
  what: string;
  path: string;
  /** The scans of the page's SQL and its execution time (EXPLAIN ANALYZE, once, warm). */
  plan: string;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  roundP95s: number[];
  non2xx: number;
  rows: number;
}

interface ExportFigure {
  what: string;
  rows: number;
  seconds: number;
  bytes: number;
}

async function dropSecondaryIndexes(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.tablename = 'audit_events' AND i.schemaname = 'public'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                         WHERE c.conrelid = 'audit_events'::regclass AND c.conname = i.indexname)`,
  );
  for (const row of rows) await client.query(`DROP INDEX ${row.name}`);
  return rows.map((row) => row.definition);
}

function psqlCopy(url: string, select: string, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      PSQL,
      [
        '-X',
        '-q',
        '-v',
        'ON_ERROR_STOP=1',
        '-d',
        url,
        '-c',
        `\\copy (${select.replace(/\s+/g, ' ')}) TO '${file}' WITH (FORMAT csv, HEADER)`,
      ],
      {
        stdio: ['ignore', 'ignore', 'pipe'],
        env: { ...process.env, PGOPTIONS: '-c TimeZone=Asia/Shanghai' },
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`psql failed: ${errors}`)),
    );
  });
}

async function countLines(file: string): Promise<number> {
  const { createReadStream } = await import('node:fs');
  let lines = 0;
  for await (const chunk of createReadStream(file)) {
    for (const byte of chunk as Buffer) if (byte === 10) lines += 1;
  }
  return lines;
}

/** Signs in through the form, as a browser would; returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const page = await fetch(`${base}/login`);
  const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('no CSRF token on the sign-in page');
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ email, password: PASSWORD, _csrf: token }).toString(),
  });
  const session = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (response.status !== 303 || !session) throw new Error(`sign-in failed: ${response.status}`);
  return session;
}

/** The node flags `npm start` gives the server (package.json). */
function startFlags(): string[] {
  const { scripts } = JSON.parse(
    readFileSync(path.join(projectRoot(), 'package.json'), 'utf8'),
  ) as {
    scripts: { start: string };
  };
  const flags = /\bnode((?: --\S+)*) dist\/src\/main\.js/.exec(scripts.start)?.[1];
  if (flags === undefined)
    throw new Error('"start" in package.json no longer runs dist/src/main.js');
  return flags.split(' ').filter(Boolean);
}

async function startServer(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [...startFlags(), path.join(projectRoot(), 'dist', 'src', 'main.js')],
    {
      cwd: projectRoot(),
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is running at')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the server exited (${code}): ${output}`)));
  });
  child.stdout.resume();
  return child;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function cannon(
  options: autocannon.Options,
): Promise<{ latencies: number[]; result: autocannon.Result }> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) =>
      error ? reject(error as Error) : resolve(done),
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) =>
      latencies.push(responseTime),
    );
  });
  return { latencies, result };
}

/** How many events a search page lists (the trail's rows), to show the search found some. */
async function rowsOnPage(base: string, cookie: string, target: string): Promise<number> {
  const response = await fetch(`${base}${target}`, { headers: { cookie } });
  if (response.status !== 200) throw new Error(`${target} answered ${response.status}`);
  const html = await response.text();
  return html.match(/ data-seq="/g)?.length ?? 0;
}

async function main(): Promise<void> {
  if (!existsSync(PSQL)) throw new Error(`psql not found at ${PSQL} (set PSQL=…)`);
  const sizes = [...new Set([FIRST_STAGE, EVENTS])].filter((size) => size > LEGACY);
  const env = await benchEnvironment({ redis: true });
  let server: ChildProcess | null = null;
  try {
    const keys = env.auditKeys;
    const privateKey = createPrivateKey(readFileSync(keys.env.AUDIT_SIGNING_KEY_FILE));
    const signer = publicKeyFingerprint(createPublicKey(privateKey));
    const superuserUrl = env.server.urlFor('bench');
    const runtimeUrl = env.runtimeUrl;
    const exportDir = path.join(env.scratch, 'exports');
    // Where the desk keeps the checkpoints' outside copies on a disk store.
    const checkpointFolder = path.join(exportDir, 'checkpoints', trailName(runtimeUrl));
    const appEnv: Record<string, string> = {
      NODE_ENV: 'production',
      PUBLIC_BASE_URL: 'http://127.0.0.1',
      DATABASE_URL: runtimeUrl,
      MIGRATION_DATABASE_URL: env.ownerUrl,
      REDIS_URL: env.redisUrl!,
      SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
      INTAKE_TOKENS: 'bench:bench-token-0000000000',
      DOCUMENT_DIR: path.join(env.scratch, 'documents'),
      EXPORT_DIR: exportDir,
      DOCUMENT_ENCRYPTION_KEYS: `bench-1:${Buffer.alloc(32, 9).toString('base64')}`,
      SCHEDULER_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      COOKIE_SECURE: 'false',
      LOGIN_MAX_FAILURES_PER_IP: '100000',
      ...keys.env,
    };

    const plan: SeedPlan = {
      startMs: START_MS,
      stepMs: Math.floor((END_MS - START_MS) / EVENTS),
      keyedFrom: LEGACY + 1,
      keyId: keys.keyId,
      signer,
    };
    const superuser = new pg.Client({ connectionString: superuserUrl });
    await superuser.connect();
    const requests = requestCountFor(EVENTS);
    say(`Seeding ${format(requests)} requests (ten events each)…`);
    await seedRequests(superuser, { count: requests, now: new Date(END_MS) });
    const indexes = await dropSecondaryIndexes(superuser);
    say(`Dropped ${indexes.length} secondary indexes of audit_events for the bulk load.`);

    const seeder = new AuditTrailSeeder({
      superuserUrl,
      psql: PSQL,
      plan,
      secret: keys.secret,
      privateKey,
      checkpointFolder,
      say,
    });
    const seeding: { events: number; seconds: number; checkpoints: number }[] = [];
    const verifications: VerificationFigure[] = [];
    /** The desk in this process (commands, the audit log, the verification jobs), made when first needed. */
    let app: INestApplicationContext | null = null;
    const desk = async (): Promise<INestApplicationContext> =>
      (app ??= await NestFactory.createApplicationContext(
        AppModule.register({ config: loadConfig(appEnv), mode: 'cli' }),
        { logger: ['error'] },
      ));
    const verifying: VerificationContext = {
      desk,
      url: runtimeUrl,
      linkKeysFile: keys.env.AUDIT_LINK_KEYS_FILE,
      trustedKeys: new Map([[signer, createPublicKey(privateKey)]]),
      checkpointFolder,
    };
    try {
      for (const size of sizes) {
        say(`Seeding the trail to ${count(size)} events…`);
        const started = performance.now();
        await seeder.seedTo(size);
        await superuser.query('VACUUM ANALYZE audit_events');
        const seconds = (performance.now() - started) / 1000;
        seeding.push({ events: size, seconds, checkpoints: seeder.checkpointCount });
        say(
          `  ${count(size)} events, ${format(seeder.checkpointCount)} checkpoints in ${seconds.toFixed(0)} s.`,
        );
        say(`Full verification of ${count(size)} events…`);
        const run = await measured(() => fullVerification(verifying));
        verifications.push({
          events: size,
          kind: 'full',
          seconds: run.seconds,
          checked: run.result.checked,
          ok: run.result.ok,
          summary: run.result.summary,
          startRssMb: run.startRssMb,
          peakRssMb: run.peakRssMb,
          peakHeapMb: run.peakHeapMb,
        });
        say(`  ${run.result.summary} in ${run.seconds.toFixed(1)} s.`);
        if (process.env.BENCH_LIBRARY_VERIFY) {
          say(`The library's verifyTrail in one thread over ${count(size)} events (reference)…`);
          const alone = await measured(() => libraryVerification(verifying));
          verifications.push({
            events: size,
            kind: 'library',
            seconds: alone.seconds,
            checked: alone.result.checked,
            ok: alone.result.ok,
            summary: alone.result.summary,
            startRssMb: alone.startRssMb,
            peakRssMb: alone.peakRssMb,
            peakHeapMb: alone.peakHeapMb,
          });
          say(`  ${alone.result.summary} in ${alone.seconds.toFixed(1)} s.`);
        }
      }
      if (process.env.BENCH_AUDIT_ONLY === 'verification') {
        process.stdout.write(JSON.stringify({ seeding, verifications }, null, 2) + '\n');
        return;
      }

      say('Recreating the secondary indexes…');
      for (const definition of indexes) await superuser.query(definition);
      await superuser.query('VACUUM ANALYZE audit_events');

      say(`Appending ${format(NEW_EVENTS)} events through the desk's audit log…`);
      const deskApp = await desk();
      const unitOfWork = deskApp.get<UnitOfWork>(UNIT_OF_WORK);
      const audit = deskApp.get<AuditLog>(AUDIT_LOG);
      const appended = await measure(async () => {
        // Four clients at once, two events a transaction, as a busy desk appends; for at most
        // BENCH_APPEND_SECONDS, the rest of the new events bulk-seeded after it.
        let next = 0;
        const until = performance.now() + APPEND_SECONDS * 1000;
        const client = async (): Promise<void> => {
          while (next < NEW_EVENTS && performance.now() < until) {
            const first = next;
            next += PER_TRANSACTION;
            await unitOfWork.run(async () => {
              for (let n = first; n < Math.min(first + PER_TRANSACTION, NEW_EVENTS); n += 1) {
                audit.record({
                  actor: systemActor('bench'),
                  action: 'request.note_added',
                  details: { note: `bench ${n}` },
                });
              }
            });
          }
        };
        await Promise.all(Array.from({ length: APPEND_CLIENTS }, client));
        return Math.min(next, NEW_EVENTS);
      });
      const appendRate = appended.result / appended.seconds;
      say(
        `  ${format(appended.result)} events in ${appended.seconds.toFixed(1)} s: ${format(appendRate, 1)} events/s (${PER_TRANSACTION} a transaction, ${APPEND_CLIENTS} clients).`,
      );
      if (appended.result < NEW_EVENTS) {
        say(`  the other ${format(NEW_EVENTS - appended.result)} new events bulk-seeded…`);
        await seeder.seedMore(NEW_EVENTS - appended.result);
      }
      say('Incremental verification…');
      const incremental = await measured(() => incrementalVerification(verifying));
      verifications.push({
        events: EVENTS + NEW_EVENTS,
        kind: 'incremental',
        seconds: incremental.seconds,
        checked: incremental.result.checked,
        ok: incremental.result.ok,
        summary: incremental.result.summary,
        startRssMb: incremental.startRssMb,
        peakRssMb: incremental.peakRssMb,
        peakHeapMb: incremental.peakHeapMb,
      });
      say(`  ${incremental.result.summary} in ${incremental.seconds.toFixed(2)} s.`);

      // The audit CSV export, beside psql \copy of the same rows: a month of the trail.
      const exportFrom = dayOf(END_MS - 31 * DAY_MS);
      const exportTo = dayOf(END_MS - DAY_MS);
      const commands = deskApp.get(CommandBus);
      const exports: ExportFigure[] = [];
      const { id } = await commands.execute(
        new RequestExportCommand(
          systemActor('bench'),
          { dataset: 'audit-events', format: 'CSV', from: exportFrom, to: exportTo },
          'zh-CN',
        ),
      );
      say(`Exporting ${exportFrom} … ${exportTo} to CSV through the export pipeline…`);
      const exported = await measure(() => commands.execute(new RunExportCommand(id, 1, 1)));
      if (exported.result.status !== 'COMPLETED') throw new Error('the export did not complete');
      exports.push({
        what: 'beian-desk export (CSV: in words, masked, hashed, with its signed statement)',
        rows: exported.result.rowCount,
        seconds: exported.seconds,
        bytes: exported.result.sizeBytes,
      });
      const copyFile = path.join(env.scratch, 'psql-copy.csv');
      const copied = await measure(() =>
        psqlCopy(
          superuserUrl,
          `SELECT e.seq, e.occurred_at, e.actor_name, e.actor_role, e.actor_type, e.action,
                  e.request_id, e.subject_id, e.details, e.ip, e.hash
             FROM audit_events e
            WHERE e.occurred_at >= '${exportFrom} 00:00+08' AND e.occurred_at < date '${exportTo}' + 1
            ORDER BY e.seq`,
          copyFile,
        ),
      );
      exports.push({
        what: 'psql `\\copy (SELECT …) TO … CSV` (raw columns)',
        rows: (await countLines(copyFile)) - 1,
        seconds: copied.seconds,
        bytes: (await stat(copyFile)).size,
      });

      // The searches measured below, and each one's plan (EXPLAIN ANALYZE of the page's SQL).
      const middle = Math.floor(requests / 2);
      const weekEnd = END_MS - 14 * DAY_MS;
      const searches: { what: string; filters: Record<string, string>; plan?: string }[] = [
        {
          what: "One request's events (its reference)",
          filters: { requestReference: referenceOf(middle) },
        },
        {
          what: 'One reviewer over a week',
          filters: {
            actor: REVIEWERS[middle % REVIEWERS.length]!,
            from: dayOf(weekEnd - 7 * DAY_MS),
            to: dayOf(weekEnd - DAY_MS),
          },
        },
        {
          what: 'One action over a day',
          filters: { action: 'request.approved', from: dayOf(weekEnd), to: dayOf(weekEnd) },
        },
        { what: 'A filing number', filters: { subject: filingNumberOf(middle + 1) } },
      ];
      const reader = deskApp.get<PostgresAuditTrailReader>(AUDIT_TRAIL_READER);
      for (const search of searches) {
        const statement = reader.searchStatement({ ...search.filters, limit: 50 });
        const { rows } = await superuser.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`,
          statement.values,
        );
        const lines = rows.map((row) => row['QUERY PLAN']);
        search.plan = lines
          .flatMap((line) => {
            const time = /Execution Time: ([\d.]+) ms/.exec(line);
            if (time) return [`${time[1]} ms`];
            const scan =
              /((?:Bitmap |Function |Seq |Index Only |Index )?(?:Heap |Index )?Scan(?: Backward)?)(?: using (\S+))? on (\S+).*?(?:rows=([\d.]+) loops=(\d+)|never executed)/.exec(
                line,
              );
            if (!scan) return [];
            const rowsRead = scan[4] ? `${Number(scan[4]) * Number(scan[5])} rows` : 'never run';
            return [`${scan[1]} ${scan[2] ?? scan[3]} (${rowsRead})`];
          })
          .join(', ');
      }

      // Staff to sign in with, for the search pages.
      const auditorEmail = 'auditor@bench.beian-desk.test';
      await commands.execute(
        new CreateStaffMemberCommand(
          systemActor('bench'),
          auditorEmail,
          'Bench Auditor',
          'AUDITOR',
          PASSWORD,
        ),
      );
      await deskApp.close();
      app = null;

      const port = await getPort({ host: '127.0.0.1' });
      say(`Starting the server on port ${port} (NODE_ENV=production)…`);
      server = await startServer(appEnv, port);
      const base = `http://127.0.0.1:${port}`;
      const cookie = await signIn(base, auditorEmail);
      const figures: SearchFigure[] = [];
      for (const search of searches) {
        const target = `/audit?${new URLSearchParams(search.filters).toString()}`;
        const rows = await rowsOnPage(base, cookie, target);
        const options = {
          url: `${base}${target}`,
          connections: CLIENTS,
          headers: { cookie, 'accept-language': 'zh-CN' },
        };
        await cannon({ ...options, duration: WARM_UP_SECONDS });
        const runs: { latencies: number[]; non2xx: number }[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          const { latencies, result } = await cannon({ ...options, duration: SECONDS });
          latencies.sort((a, b) => a - b);
          runs.push({ latencies, non2xx: result.non2xx });
          say(
            `  ${search.what}, round ${round + 1}: p95 ${percentile(latencies, 95).toFixed(1)} ms, ${(latencies.length / SECONDS).toFixed(0)} req/s`,
          );
        }
        const all = runs.flatMap((run) => run.latencies).sort((a, b) => a - b);
        figures.push({
          what: search.what,
          path: target,
          plan: search.plan ?? '',
          requests: all.length,
          p50: percentile(all, 50),
          p95: percentile(all, 95),
          p99: percentile(all, 99),
          roundP95s: runs.map((run) => percentile(run.latencies, 95)),
          non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
          rows,
        });
      }

      const lines = [
        machineLine(`The audit trail at ${count(EVENTS)} events`),
        '',
        `Seeding (${count(LEGACY)} keyless events, the switch, then keyed links; a signed checkpoint at every hour of the trail's year, in the database and outside it):`,
        '',
        markdownTable(
          ['events', 'checkpoints', 'seconds (the stage, with VACUUM ANALYZE)'],
          seeding.map((row) => [
            count(row.events),
            format(row.checkpoints),
            row.seconds.toFixed(0),
          ]),
          ['r', 'r', 'r'],
        ),
        '',
        markdownTable(
          [
            'verification',
            'trail',
            'events checked',
            'seconds',
            'events/s',
            'result',
            'RSS before → peak',
            'peak heap',
            'goal',
          ],
          verifications.map((row) => [
            row.kind === 'library'
              ? "the library's `verifyTrail`, one thread, no workers (reference)"
              : row.kind === 'full'
                ? 'full (background job)'
                : `incremental, after ${format(NEW_EVENTS)} new events`,
            count(row.events),
            format(row.checked),
            row.seconds.toFixed(row.kind === 'full' ? 1 : 3),
            format(row.checked / row.seconds),
            row.ok ? 'passed' : `**failed**: ${row.summary}`,
            `${row.startRssMb.toFixed(0)} → ${row.peakRssMb.toFixed(0)} MB`,
            `${row.peakHeapMb.toFixed(0)} MB`,
            row.kind === 'library'
              ? ''
              : row.kind === 'full'
                ? row.checked / row.seconds >= GOALS.fullPerSecond
                  ? `≥ ${format(GOALS.fullPerSecond)}/s: yes`
                  : `≥ ${format(GOALS.fullPerSecond)}/s: **no**`
                : row.seconds < GOALS.incrementalSeconds
                  ? '< 1 s: yes'
                  : '< 1 s: **no**',
          ]),
          ['l', 'r', 'r', 'r', 'r', 'l', 'r', 'r', 'l'],
        ),
        '',
        `Appending through the desk's audit log (keyed links, \`audit_append\`) to the ${count(EVENTS)}-event trail: ${format(appended.result)} events in ${appended.seconds.toFixed(1)} s, ${format(appendRate, 1)} events/s, ${PER_TRANSACTION} events a transaction, ${APPEND_CLIENTS} concurrent clients${appended.result < NEW_EVENTS ? ` (stopped after ${APPEND_SECONDS} s; the other ${format(NEW_EVENTS - appended.result)} of the ${format(NEW_EVENTS)} new events were bulk-seeded with valid keyed links and hourly checkpoints)` : ''}.`,
        '',
        `Audit search, ${CLIENTS} concurrent clients, signed-in auditor, zh-CN, ${WARM_UP_SECONDS} s warm-up then ${ROUNDS} × ${SECONDS} s (percentiles over every round's requests):`,
        '',
        markdownTable(
          [
            'search',
            'events on the page',
            'requests',
            'p50 ms',
            'p95 ms',
            'p99 ms',
            'p95 by round',
            'non-2xx',
            'p95 < 150 ms',
          ],
          figures.map((row) => [
            `${row.what} \`${decodeURIComponent(row.path)}\``,
            row.rows,
            format(row.requests),
            row.p50.toFixed(1),
            row.p95.toFixed(1),
            row.p99.toFixed(1),
            row.roundP95s.map((p95) => p95.toFixed(0)).join(' / '),
            row.non2xx,
            row.p95 < GOALS.searchP95Ms ? 'yes' : '**no**',
          ]),
          ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
        ),
        '',
        "Plans of the searches' pages (EXPLAIN (ANALYZE, BUFFERS) of the SQL of each first page, run once before the load):",
        '',
        ...figures.map((row) => `- ${row.what}: ${row.plan}`),
        '',
        `Audit CSV export of a month of the trail (${exportFrom} … ${exportTo}):`,
        '',
        markdownTable(
          ['export', 'rows', 'seconds', 'rows/s', 'file'],
          exports.map((row) => [
            row.what,
            format(row.rows),
            row.seconds.toFixed(1),
            format(row.rows / row.seconds),
            `${(row.bytes / 2 ** 20).toFixed(0)} MB`,
          ]),
          ['l', 'r', 'r', 'r', 'r'],
        ),
        '',
        `Ratio (beian-desk CSV rows/s ÷ psql \\copy rows/s): **${(exports[0]!.rows / exports[0]!.seconds / (exports[1]!.rows / exports[1]!.seconds)).toFixed(2)}**.`,
      ];
      process.stdout.write(lines.join('\n') + '\n');
    } finally {
      await (app as INestApplicationContext | null)?.close().catch(() => undefined);
      await superuser.end();
    }
  } finally {
    if (server) {
      const stopped = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await stopped;
    }
    await env.stop();
  }
}

await main();
