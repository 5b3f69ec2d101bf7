import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { CreateStaffMemberCommand } from '../../src/identity/application/commands/create-staff-member/create-staff-member.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import type { StaffRole } from '../../src/shared/domain/staff-role.js';
import { loadConfig, type AppConfig } from '../../src/shared/infrastructure/config/app-config.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { createRootLogger } from '../../src/shared/infrastructure/logging/logger.js';
import { createMigratedDatabase, migratedDatabaseUrl, type DatabaseUrls } from './database.js';
import { auditKeyEnv, s3StoreEnv, testServices, testsUseS3, withDatabase } from './services.js';

export const TEST_INTAKE_TOKEN = 'test-intake-token-0000000001';
export const TEST_PASSWORD = 'correct-horse-battery-staple';
/** The test app's master key for documents (a fixed one, so a second app reads the first's). */
export const TEST_DOCUMENT_ENCRYPTION_KEYS = `test-1:${Buffer.alloc(32, 7).toString('base64')}`;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL of the listening server (http://127.0.0.1:port). */
  url: string;
  /** Set only when the test asked for a settable clock. */
  clock: SettableClock | undefined;
  dataSource: DataSource;
  /** The app's database as the runtime role, the owner and a superuser (tampering). */
  database: DatabaseUrls;
  /** Every log line the app wrote, parsed. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/**
 * The real application (same bootstrap as the server) against this run's
 * PostgreSQL and Redis, listening on a free port. Scheduled jobs are off;
 * tests run them by hand.
 */
export async function startTestApp(
  options: {
    env?: Record<string, string>;
    clock?: SettableClock | 'settable';
    /**
     * A database of its own, migrated and dropped at close: for tests that move
     * the clock far away, so their data does not reorder other files' lists.
     */
    ownDatabase?: boolean;
  } = {},
): Promise<TestApp> {
  const services = testServices();
  await migratedDatabaseUrl();
  const own = options.ownDatabase ? await createMigratedDatabase() : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    // As the runtime role (owns nothing); the owner's URL for what only it may do.
    DATABASE_URL: own?.url ?? services.databaseUrl,
    MIGRATION_DATABASE_URL: own?.ownerUrl ?? services.ownerUrl,
    REDIS_URL: services.redisUrl,
    PORT: '0',
    SESSION_SECRET: 'test-session-secret-'.padEnd(40, 'x'),
    INTAKE_TOKENS: `test-client:${TEST_INTAKE_TOKEN}`,
    DOCUMENT_DIR: path.join(services.scratchDir, 'documents'),
    EXPORT_DIR: path.join(services.scratchDir, 'exports'),
    DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
    SCHEDULER_ENABLED: 'false',
    LOG_LEVEL: 'info',
    LOGIN_MAX_FAILURES_PER_IP: '10000',
    // Tests read the tab counts right after changing the requests, and deactivate staff
    // from other instances.
    QUEUE_COUNTS_CACHE_SECONDS: '0',
    STAFF_CHECK_CACHE_SECONDS: '0',
    SESSION_READ_CACHE_SECONDS: '0',
    // Links in mails start with it (the server's own port is known only after listening).
    PUBLIC_BASE_URL: 'https://desk.beian-desk.test',
    // `npm run test:e2e:s3`: documents and exports in the run's S3 server.
    ...(testsUseS3() ? s3StoreEnv() : {}),
    ...auditKeyEnv(),
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      }
      done();
    },
  });
  const clock = options.clock === 'settable' ? new SettableClock() : options.clock;
  const app = await createApp(config, { clock, logger: createRootLogger(config.LOG_LEVEL, sink) });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    url: `http://127.0.0.1:${address.port}`,
    clock,
    dataSource: app.get(DataSource),
    database: own ?? {
      url: services.databaseUrl,
      ownerUrl: services.ownerUrl,
      adminUrl: withDatabase(services.adminUrl, new URL(services.databaseUrl).pathname.slice(1)),
    },
    logs,
    close: async () => {
      await app.close();
      await own?.drop();
    },
  };
}

export interface TestStaff {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  password: string;
}

/** A staff account with a unique email, created through the real command. */
export async function createStaff(
  app: NestExpressApplication,
  role: StaffRole,
  name = `${role.toLowerCase().replace('_', ' ')} ${randomBytes(2).toString('hex')}`,
): Promise<TestStaff> {
  const email = `${role.toLowerCase()}-${randomBytes(5).toString('hex')}@test.beian-desk.test`;
  const { id } = await app
    .get(CommandBus)
    .execute(new CreateStaffMemberCommand(systemActor('test'), email, name, role, TEST_PASSWORD));
  return { id, email, name, role, password: TEST_PASSWORD };
}
