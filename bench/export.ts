/**
 * `npm run bench:export`: exports 1,000,000 audit events to CSV through the
 * real export pipeline (RunExportCommand: cursor → wording and masking →
 * csv-stringify → hashed temp file → rename), and psql's `\copy` of the same
 * rows to CSV, on a throw-away embedded PostgreSQL. Prints a markdown table.
 *
 * The CSV export runs twice, over the first tenth of the rows and over all of
 * them, so the table shows whether memory grows with the size of the export.
 *
 * BENCH_ROWS=200000 for a shorter run; BENCH_XLSX=1 to time the Excel export too.
 */
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import pg from 'pg';
import { AppModule } from '../src/app.module.js';
import { RequestExportCommand } from '../src/audit/application/commands/request-export/request-export.command.js';
import { RunExportCommand } from '../src/audit/application/commands/run-export/run-export.command.js';
import { systemActor } from '../src/shared/domain/actor.js';
import { benchEnvironment, measure, say } from './support/bench-environment.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
const PSQL = process.env.PSQL ?? '/usr/lib/postgresql/15/bin/psql';
const FROM = '2026-01-01';
const TO = '2026-03-31';
/** The seeded events are 3 s apart from 2026-01-05 09:00: this range holds the first tenth. */
function tenthTo(rows: number): string {
  const end = new Date(Date.parse('2026-01-05T01:00:00Z') + (rows / 10) * 3000);
  return end.toISOString().slice(0, 10);
}

interface Measurement {
  what: string;
  seconds: number;
  rows: number;
  bytes: number;
  startRssMb: number | null;
  peakRssMb: number | null;
  peakHeapMb: number | null;
}

async function seed(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Realistic rows; the chain links are well-formed hashes, but the export never verifies them.
    await client.query(
      `INSERT INTO audit_events (seq, occurred_at, actor_type, actor_id, actor_role, actor_name, action,
                                 request_id, subject_id, details, ip, prev_hash, hash)
       SELECT g,
              timestamptz '2026-01-05 09:00:00+08' + g * interval '3 seconds',
              'STAFF',
              ('00000000-0000-4000-8000-' || lpad((g % 40)::text, 12, '0'))::uuid,
              (ARRAY['REVIEWER', 'SENIOR_REVIEWER'])[1 + g % 2],
              (ARRAY['王芳', 'Li Na', '赵磊', 'Chen Jing'])[1 + g % 4],
              (ARRAY['request.claimed', 'request.checks_recorded', 'request.approved',
                     'request.rejected', 'request.released', 'staff.signed_in'])[1 + g % 6],
              NULL, NULL,
              jsonb_build_object(
                'reference', 'INIT-2026-' || lpad(g::text, 7, '0'),
                'assigneeName', '王芳',
                'note', '材料清晰，核对无误 #' || g,
                'awaitingSecondApproval', g % 3 = 0,
                'reasons', CASE WHEN g % 6 = 3 THEN '["DOCUMENT_UNCLEAR"]'::jsonb ELSE '[]'::jsonb END)
                || CASE WHEN g % 50 = 0 THEN jsonb_build_object('applicantIdNumber', '33010219900101123X')
                        ELSE '{}'::jsonb END,
              '10.0.' || (g % 250) || '.' || (g % 200),
              CASE WHEN g = 1 THEN repeat('0', 64) ELSE encode(sha256((g - 1)::text::bytea), 'hex') END,
              encode(sha256(g::text::bytea), 'hex')
         FROM generate_series(1, $1::int) AS g`,
      [ROWS],
    );
    await client.query(
      `UPDATE audit_chain_head SET seq = $1::bigint, hash = encode(sha256($2::bytea), 'hex'), updated_at = now()`,
      [ROWS, String(ROWS)],
    );
    await client.query('VACUUM ANALYZE audit_events');
  } finally {
    await client.end();
  }
}

function psqlCopy(url: string, file: string): Promise<void> {
  const select = `SELECT e.seq, e.occurred_at, e.actor_name, e.actor_role, e.actor_type, e.action,
      e.request_id, e.subject_id, e.details, e.ip, e.hash
      FROM audit_events e
     WHERE e.occurred_at >= '${FROM} 00:00+08' AND e.occurred_at < date '${TO}' + 1
     ORDER BY e.seq`.replace(/\s+/g, ' ');
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
        `\\copy (${select}) TO '${file}' WITH (FORMAT csv, HEADER)`,
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

/** Whether peak heap stayed level from a tenth of the rows to all of them, in words. */
function memoryLine(small: Measurement, large: Measurement): string {
  const growth = (large.peakHeapMb ?? 0) / Math.max(1, small.peakHeapMb ?? 0);
  const times = (large.rows / Math.max(1, small.rows)).toFixed(0);
  const verdict =
    growth < 1.5
      ? 'memory does not grow with the size of the export (rows stream from a cursor to the file)'
      : `**memory grew ${growth.toFixed(1)}×**: something holds rows`;
  return `Memory: ${small.rows.toLocaleString('en')} rows peaked at ${small.peakHeapMb?.toFixed(0)} MB of heap, ${large.rows.toLocaleString('en')} rows (${times}× as many) at ${large.peakHeapMb?.toFixed(0)} MB: ${verdict}.`;
}

async function main(): Promise<void> {
  if (!existsSync(PSQL)) throw new Error(`psql not found at ${PSQL} (set PSQL=…)`);
  const env = await benchEnvironment();
  const { url, scratch } = env;
  try {
    say(`Seeding ${ROWS.toLocaleString('en')} audit events with generate_series…`);
    const seeded = performance.now();
    await seed(url);
    say(`Seeded in ${((performance.now() - seeded) / 1000).toFixed(1)} s.`);

    const config = env.config();
    const app = await NestFactory.createApplicationContext(
      AppModule.register({ config, mode: 'cli' }),
      { logger: ['error'] },
    );
    const results: Measurement[] = [];
    try {
      const commands = app.get(CommandBus);
      const runs: { format: 'CSV' | 'XLSX'; to: string }[] = [
        { format: 'CSV', to: tenthTo(ROWS) },
        { format: 'CSV', to: TO },
        ...(process.env.BENCH_XLSX ? [{ format: 'XLSX' as const, to: TO }] : []),
      ];
      for (const { format, to } of runs) {
        const { id } = await commands.execute(
          new RequestExportCommand(
            systemActor('bench'),
            {
              dataset: 'audit-events',
              format,
              from: FROM,
              to,
            },
            'zh-CN',
          ),
        );
        say(`Exporting ${FROM} … ${to} to ${format} through the export pipeline…`);
        const run = await measure(() => commands.execute(new RunExportCommand(id, 1, 1)));
        if (run.result.status !== 'COMPLETED') throw new Error('the export did not complete');
        results.push({
          what: `beian-desk export (${format}: masked, in words, hashed)`,
          seconds: run.seconds,
          rows: run.result.rowCount,
          bytes: run.result.sizeBytes,
          startRssMb: run.startRssMb,
          peakRssMb: run.peakRssMb,
          peakHeapMb: run.peakHeapMb,
        });
      }
    } finally {
      await app.close();
    }

    say('Exporting the same rows with psql \\copy…');
    const copyFile = path.join(scratch, 'psql-copy.csv');
    const copied = await measure(() => psqlCopy(url, copyFile));
    results.push({
      what: 'psql `\\copy (SELECT …) TO … CSV` (raw columns)',
      seconds: copied.seconds,
      rows: (await countLines(copyFile)) - 1,
      bytes: (await stat(copyFile)).size,
      startRssMb: null,
      peakRssMb: null,
      peakHeapMb: null,
    });

    const ours = results[1]!;
    const psql = results[results.length - 1]!;
    const rate = (m: Measurement) => m.rows / m.seconds;
    const lines = [
      `Export of ${ROWS.toLocaleString('en')} audit events on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, PostgreSQL (embedded) — ${new Date().toISOString().slice(0, 10)}`,
      '',
      '| export | rows | seconds | rows/s | file | RSS before → peak | peak heap |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (m) =>
          `| ${m.what} | ${m.rows.toLocaleString('en')} | ${m.seconds.toFixed(1)} | ${Math.round(rate(m)).toLocaleString('en')} | ${(m.bytes / 2 ** 20).toFixed(0)} MB | ${m.peakRssMb === null || m.startRssMb === null ? 'n/a (separate process)' : `${m.startRssMb.toFixed(0)} → ${m.peakRssMb.toFixed(0)} MB`} | ${m.peakHeapMb === null ? '' : `${m.peakHeapMb.toFixed(0)} MB`} |`,
      ),
      '',
      `Ratio (beian-desk CSV rows/s ÷ psql \\copy rows/s): **${(rate(ours) / rate(psql)).toFixed(2)}** (psql is ${(rate(psql) / rate(ours)).toFixed(1)}× faster; it writes raw columns, without wording, masking or hashing).`,
      memoryLine(results[0]!, ours),
    ];
    process.stdout.write(lines.join('\n') + '\n');
  } finally {
    await env.stop();
  }
}

await main();
