import pg from 'pg';
import { runMigrations } from '../../src/shared/infrastructure/database/migrate.js';
import { testServices, withDatabase } from './services.js';

let migrated: Promise<string> | undefined;

/**
 * The run's database with every migration applied. Test files in parallel
 * workers take an advisory lock, so the migrations run once.
 */
export function migratedDatabaseUrl(): Promise<string> {
  migrated ??= (async () => {
    const { databaseUrl } = testServices();
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock(424242)');
      await runMigrations(databaseUrl);
    } finally {
      await client.query('SELECT pg_advisory_unlock(424242)').catch(() => undefined);
      await client.end();
    }
    return databaseUrl;
  })();
  return migrated;
}

/** A fresh database on the test server with every migration applied; `drop` removes it. */
export async function createMigratedDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const { adminUrl } = testServices();
  const name = `beian_own_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  await runMigrations(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
