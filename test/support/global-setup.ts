import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
// Jest loads global set-up outside its module system (no path mapping, CommonJS),
// so this file imports the two service starters directly.
import { startEmbeddedPostgres } from '../../libs/local-services/src/embedded-postgres.ts';
import { startRedisServer } from '../../libs/local-services/src/redis-server.ts';
import {
  EMBEDDED_DESK_ROLES,
  ensureDeskDatabase,
  urlAs,
} from '../../libs/local-services/src/database-roles.ts';
import { startS3TestServer } from '../../bench/support/s3-test-server.ts';
import { ensureAuditKeyFiles } from '../../src/shared/infrastructure/runtime/audit-key-files.ts';
import type { TestServices } from './services.ts';

/**
 * Brings up this run's services: PostgreSQL (embedded, or the server of
 * TEST_DATABASE_URL) with a fresh, empty database, a redis-server (or
 * TEST_REDIS_URL) and an S3-protocol server with one bucket (the apps use it when
 * TEST_OBJECT_STORE=s3; the object store's own tests always). The first test to need
 * the schema applies the migrations.
 * Nothing is shared with the demo.
 */
export default async function globalSetup(): Promise<void> {
  const stops: (() => Promise<void>)[] = [];
  let adminUrl: string;
  if (process.env.TEST_DATABASE_URL) {
    adminUrl = process.env.TEST_DATABASE_URL;
  } else {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(
        os.tmpdir(),
        `beian-test-pg-${process.pid}-${randomBytes(3).toString('hex')}`,
      ),
      persistent: false,
      settings: {
        fsync: 'off',
        synchronous_commit: 'off',
        full_page_writes: 'off',
        max_connections: '300',
      },
    });
    stops.push(() => server.stop());
    adminUrl = server.adminUrl;
  }
  const database = `beian_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  // Owned by the owner role (the migrations run as it); the apps connect as the runtime role.
  await ensureDeskDatabase(adminUrl, database);

  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    const redis = await startRedisServer({
      dir: path.join(os.tmpdir(), `beian-test-redis-${process.pid}`),
    });
    stops.push(() => redis.stop());
    redisUrl = redis.url;
  }

  const bucket = 'beian-test';
  const s3 = await startS3TestServer({ buckets: [bucket] });
  stops.push(() => s3.stop());

  const services: TestServices = {
    databaseUrl: urlAs(adminUrl, EMBEDDED_DESK_ROLES.runtime, database),
    ownerUrl: urlAs(adminUrl, EMBEDDED_DESK_ROLES.owner, database),
    adminUrl,
    redisUrl,
    scratchDir: await mkdtemp(path.join(os.tmpdir(), 'beian-test-files-')),
    objectStore: {
      endpoint: s3.endpoint,
      region: s3.region,
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      bucket,
    },
  };
  stops.unshift(() => rm(services.scratchDir, { recursive: true, force: true }));
  // The audit trail's keys for every app of the run (see auditKeyEnv()).
  await ensureAuditKeyFiles(path.join(services.scratchDir, 'audit-keys'), 'test-1');
  process.env.BEIAN_TEST_SERVICES = JSON.stringify(services);
  (globalThis as Record<string, unknown>).__beianTestTeardown = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await client.end();
    for (const stop of stops.reverse()) await stop();
  };
}
