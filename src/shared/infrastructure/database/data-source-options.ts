import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations/index.js';
import { ENTITIES } from '../../../entities.js';

/** One definition of the connection, used by the app, the CLI and the tests. */
export function dataSourceOptions(url: string, applicationName = 'beian-desk'): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    applicationName,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // The schema is the migrations' alone: uuid defaults are PostgreSQL's own gen_random_uuid(),
    // and a connection never installs an extension.
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    logging: false,
    extra: { max: 20, idleTimeoutMillis: 30_000 },
  };
}
