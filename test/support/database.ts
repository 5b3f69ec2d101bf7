import pg from 'pg';
import {
  EMBEDDED_DESK_ROLES,
  ensureDeskDatabase,
  urlAs,
} from '../../libs/local-services/src/database-roles.js';
import { prepareDatabase } from '../../src/shared/infrastructure/database/migrate.js';
import { testServices } from './services.js';

let migrated: Promise<string> | undefined;

/**
 * The run's database with every migration applied (as its owner) and the runtime role
 * granted what it needs; returns the runtime role's URL. Test files in parallel workers
 * take an advisory lock, so the migrations run once.
 */
export function migratedDatabaseUrl(): Promise<string> {
  migrated ??= (async () => {
    const { databaseUrl, ownerUrl } = testServices();
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(424242)');
      await prepareDatabase({ ownerUrl, runtimeUrl: databaseUrl });
    } finally {
      await client.query('SELECT pg_advisory_unlock(424242)').catch(() => undefined);
      await client.end();
    }
    return databaseUrl;
  })();
  return migrated;
}

/** The URLs of a database of the test server: as the runtime role, the owner, a superuser. */
export interface DatabaseUrls {
  /** As the desk's runtime role (what the app connects with). */
  url: string;
  /** As the owner (the migrations, `audit:quarantine-strays`). */
  ownerUrl: string;
  /** As a superuser (what no role of the desk may do). */
  adminUrl: string;
}

/** The URLs of `database` on the test server, as each role. */
export function databaseUrls(database: string): DatabaseUrls {
  const { adminUrl } = testServices();
  return {
    url: urlAs(adminUrl, EMBEDDED_DESK_ROLES.runtime, database),
    ownerUrl: urlAs(adminUrl, EMBEDDED_DESK_ROLES.owner, database),
    adminUrl: urlAs(adminUrl, currentUser(adminUrl), database),
  };
}

function currentUser(url: string): { name: string; password: string } {
  const parsed = new URL(url);
  return {
    name: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/**
 * A fresh database on the test server, owned by the owner role, with every migration applied
 * and the runtime role granted; `url` is the runtime role's, `drop` removes it.
 */
export async function createMigratedDatabase(): Promise<DatabaseUrls & { drop(): Promise<void> }> {
  const { adminUrl } = testServices();
  const name = `beian_own_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await ensureDeskDatabase(adminUrl, name);
  const urls = databaseUrls(name);
  await prepareDatabase({ ownerUrl: urls.ownerUrl, runtimeUrl: urls.url });
  return {
    ...urls,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/**
 * Runs one statement as a database superuser on the app's database (`TestApp.database.adminUrl`):
 * for what the desk's runtime role may not do — a trigger injected to make a write fail,
 * tampering with the audit trail.
 */
export async function asSuperuser<T = Record<string, unknown>>(
  database: Pick<DatabaseUrls, 'adminUrl'>,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.adminUrl });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}
