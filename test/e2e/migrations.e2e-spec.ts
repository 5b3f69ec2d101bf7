import { afterAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations/index.js';
import { ENTITIES } from '../../src/entities.js';
import { dataSourceOptions } from '../../src/shared/infrastructure/database/data-source-options.js';
import {
  revertMigrations,
  runMigrations,
} from '../../src/shared/infrastructure/database/migrate.js';
import { testServices, withDatabase } from '../support/services.js';

const SCHEMA_OBJECTS = `
  SELECT 'table:' || tablename AS name FROM pg_tables WHERE schemaname = 'public'
  UNION ALL SELECT 'function:' || proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace
  UNION ALL SELECT 'sequence:' || sequencename FROM pg_sequences WHERE schemaname = 'public'
  UNION ALL SELECT 'type:' || typname FROM pg_type WHERE typnamespace = 'public'::regnamespace AND typtype = 'e'
  ORDER BY 1`;

describe('migrations', () => {
  const name = `beian_migrations_${Date.now()}`;
  const { adminUrl } = testServices();
  const url = withDatabase(adminUrl, name);

  afterAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  });

  it('all apply to an empty database and all revert cleanly, leaving nothing behind', async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();

    const applied = await runMigrations(url);
    expect(applied).toEqual(MIGRATIONS.map((migration) => migration.name));
    expect(await runMigrations(url)).toEqual([]);

    await revertMigrations(url, MIGRATIONS.length);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const left = (await client.query(SCHEMA_OBJECTS)).rows.map(
        (row: { name: string }) => row.name,
      );
      expect(left).toEqual(['sequence:schema_migrations_id_seq', 'table:schema_migrations']);
      expect(
        (await client.query(`SELECT count(*)::int AS n FROM schema_migrations`)).rows[0].n,
      ).toBe(0);
    } finally {
      await client.end();
    }
    // And once more forwards: down() left a database the migrations accept again.
    expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
  });

  it('leave nothing for migration:generate to write: the entities match the migrated schema', async () => {
    // The previous test left the database fully migrated; make sure of it.
    expect(await runMigrations(url)).toEqual([]);
    const dataSource = await new DataSource(
      dataSourceOptions(url, { applicationName: 'beian-desk-diff', entities: ENTITIES }),
    ).initialize();
    try {
      const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
      expect(upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
