import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  EMBEDDED_DESK_ROLES,
  ensureDeskDatabase,
  startEmbeddedPostgres,
  urlAs,
  startRedisServer,
  type EmbeddedPostgresHandle,
} from '@lib/local-services';
import { loadConfig, type AppConfig } from '../../src/shared/infrastructure/config/app-config.js';
import { prepareDatabase } from '../../src/shared/infrastructure/database/migrate.js';
import { writeBenchAuditKeys, type BenchAuditKeyFiles } from './audit-key-files.js';

export const say = (line: string): void => void process.stderr.write(line + '\n');

export const BENCH_TOKEN = 'bench-intake-token-00000000000';

export interface BenchEnvironment {
  server: EmbeddedPostgresHandle;
  /** The migrated benchmark database, as a superuser (seeding in bulk, pgbench). */
  url: string;
  /** The same database as its owner (`beian_owner`: the migrations ran as it). */
  ownerUrl: string;
  /** The same database as the desk's runtime role (`beian_app`: what `config()` connects as). */
  runtimeUrl: string;
  /** Set when `redis` was asked for. */
  redisUrl: string | null;
  scratch: string;
  /** The audit trail's key files (link keyring, signing key) the desk is configured with. */
  auditKeys: BenchAuditKeyFiles;
  config(overrides?: Record<string, string>): AppConfig;
  stop(): Promise<void>;
}

/**
 * A throw-away PostgreSQL (embedded, tuned for speed, not durability) with a
 * migrated database, optionally a redis-server, and scratch folders: the
 * benchmarks never touch the demo's or the tests' data.
 */
export async function benchEnvironment(
  options: { redis?: boolean } = {},
): Promise<BenchEnvironment> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'beian-bench-'));
  const auditKeys = await writeBenchAuditKeys(scratch);
  const pgDir = path.join(
    os.tmpdir(),
    `beian-bench-pg-${process.pid}-${randomBytes(3).toString('hex')}`,
  );
  say(`Starting an embedded PostgreSQL in ${pgDir}…`);
  const server = await startEmbeddedPostgres({
    dataDir: pgDir,
    persistent: false,
    settings: {
      fsync: 'off',
      synchronous_commit: 'off',
      full_page_writes: 'off',
      shared_buffers: '256MB',
      max_connections: '200',
    },
  });
  const redis = options.redis ? await startRedisServer({ dir: path.join(scratch, 'redis') }) : null;
  // As the desk runs: the database owned by the owner role, the app as the runtime role.
  await ensureDeskDatabase(server.adminUrl, 'bench');
  const url = server.urlFor('bench');
  const ownerUrl = urlAs(url, EMBEDDED_DESK_ROLES.owner);
  const runtimeUrl = urlAs(url, EMBEDDED_DESK_ROLES.runtime);
  await prepareDatabase({ ownerUrl, runtimeUrl });
  return {
    server,
    url,
    ownerUrl,
    runtimeUrl,
    redisUrl: redis?.url ?? null,
    scratch,
    auditKeys,
    config: (overrides = {}) =>
      loadConfig({
        NODE_ENV: 'production',
        PUBLIC_BASE_URL: 'http://127.0.0.1',
        DATABASE_URL: runtimeUrl,
        MIGRATION_DATABASE_URL: ownerUrl,
        REDIS_URL: redis?.url ?? 'redis://127.0.0.1:1',
        SESSION_SECRET: 'bench-session-secret-'.padEnd(40, 'x'),
        INTAKE_TOKENS: `bench:${BENCH_TOKEN}`,
        DOCUMENT_DIR: path.join(scratch, 'documents'),
        EXPORT_DIR: path.join(scratch, 'exports'),
        DOCUMENT_ENCRYPTION_KEYS: `bench-1:${Buffer.alloc(32, 9).toString('base64')}`,
        SCHEDULER_ENABLED: 'false',
        LOG_LEVEL: 'warn',
        LOGIN_MAX_FAILURES_PER_IP: '100000',
        ...auditKeys.env,
        ...overrides,
      }),
    stop: async () => {
      await redis?.stop();
      await server.stop();
      await rm(pgDir, { recursive: true, force: true });
      await rm(scratch, { recursive: true, force: true });
    },
  };
}

export interface Measured<T> {
  result: T;
  seconds: number;
  startRssMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

/** Times `work` and samples this process's memory while it runs. */
export async function measure<T>(work: () => Promise<T>): Promise<Measured<T>> {
  let peakRss = 0;
  let peakHeap = 0;
  const sample = (): void => {
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  };
  const startRss = process.memoryUsage().rss;
  sample();
  const timer = setInterval(sample, 20);
  const started = performance.now();
  try {
    const result = await work();
    sample();
    return {
      result,
      seconds: (performance.now() - started) / 1000,
      startRssMb: startRss / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
      peakHeapMb: peakHeap / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

/** A markdown table, for pasting into the README. */
export function markdownTable(
  headers: string[],
  rows: (string | number)[][],
  align: ('l' | 'r')[] = [],
): string {
  const line = (cells: (string | number)[]): string => `| ${cells.join(' | ')} |`;
  return [
    line(headers),
    line(headers.map((_, index) => (align[index] === 'r' ? '---:' : '---'))),
    ...rows.map(line),
  ].join('\n');
}

export function machineLine(what: string): string {
  return `${what} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, Node ${process.version}, embedded PostgreSQL 18 — ${new Date().toISOString().slice(0, 10)}`;
}

export const format = (value: number, digits = 0): string =>
  value.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
