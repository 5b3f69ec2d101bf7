import pg from 'pg';
import { runMigrations } from '../../src/shared/infrastructure/database/migrate.js';
import { testServices } from './services.js';

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
