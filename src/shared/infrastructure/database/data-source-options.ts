import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { PreparingClient } from './preparing-client.js';

/**
 * One definition of the connection, used by the app, the CLI and the tests.
 * The app's own pool prepares the statements it runs often (PreparingClient);
 * migrations and one-off tools run their statements as they are. The entities come from
 * the composition root (`src/entities.ts`): the shared kernel knows no context's tables,
 * and running migrations needs none.
 */
export function dataSourceOptions(
  url: string,
  {
    applicationName = 'beian-desk',
    preparedStatements = false,
    entities = [] as NonNullable<DataSourceOptions['entities']>,
  } = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The schema is the migrations' alone: uuid defaults are PostgreSQL's own gen_random_uuid(),
    // and a connection never installs an extension.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: {
      max: 20,
      idleTimeoutMillis: 30_000,
      ...(preparedStatements ? { Client: PreparingClient } : {}),
    },
  };
}
