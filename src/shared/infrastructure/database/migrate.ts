import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';
import { grantRuntimeRole } from './database-roles.js';

/** Applies every pending migration; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = await new DataSource(
    dataSourceOptions(url, { applicationName: 'beian-desk-migrate' }),
  ).initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The desk's database made ready: every pending migration applied as the owner
 * (`ownerUrl`: MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset), then the runtime
 * role (`runtimeUrl`: DATABASE_URL) granted what it needs and no more. Returns the
 * migrations applied.
 */
export async function prepareDatabase(urls: {
  ownerUrl: string;
  runtimeUrl: string;
}): Promise<string[]> {
  const applied = await runMigrations(urls.ownerUrl);
  await grantRuntimeRole(urls.ownerUrl, urls.runtimeUrl);
  return applied;
}

/**
 * The URL the migrations run with: MIGRATION_DATABASE_URL, or DATABASE_URL (as before the
 * roles were split) with a warning, since its role then owns the audit trail.
 */
export function migrationUrlOf(
  config: { DATABASE_URL: string; MIGRATION_DATABASE_URL?: string | undefined },
  warn: (line: string) => void,
): string {
  if (config.MIGRATION_DATABASE_URL) return config.MIGRATION_DATABASE_URL;
  warn(
    "Warning: MIGRATION_DATABASE_URL is not set, so the migrations run as DATABASE_URL's role, which then owns the audit trail (it could alter it or disable its trigger). Set MIGRATION_DATABASE_URL to the owner role and DATABASE_URL to a role that owns nothing.",
  );
  return config.DATABASE_URL;
}

/** Reverts the most recent migration (or `count` of them). */
export async function revertMigrations(url: string, count = 1): Promise<void> {
  const dataSource = await new DataSource(
    dataSourceOptions(url, { applicationName: 'beian-desk-migrate' }),
  ).initialize();
  try {
    for (let index = 0; index < count; index += 1) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
  } finally {
    await dataSource.destroy();
  }
}

/**
 * Writes a migration with the SQL that brings the database in line with the
 * entities. Review it: hand-written parts (triggers, partial indexes) are not
 * entities' business and must be kept.
 */
export async function generateMigration(
  url: string,
  name: string,
  dir: string,
  entities: NonNullable<DataSourceOptions['entities']>,
): Promise<string | null> {
  const dataSource = await new DataSource(
    dataSourceOptions(url, { applicationName: 'beian-desk-migrate', entities }),
  ).initialize();
  try {
    const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
    if (sqlInMemory.upQueries.length === 0) return null;
    const timestamp = Date.now();
    const className = `${name.replace(/[^A-Za-z0-9]/g, '')}${timestamp}`;
    const render = (queries: typeof sqlInMemory.upQueries): string =>
      queries
        .map(
          (query) =>
            `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`,
        )
        .join('\n');
    const file = path.join(dir, `${timestamp}-${name}.ts`);
    await writeFile(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${render(sqlInMemory.upQueries)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${render([...sqlInMemory.downQueries].reverse())}
  }
}
`,
    );
    return file;
  } finally {
    await dataSource.destroy();
  }
}
