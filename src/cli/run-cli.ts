import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import { AppModule } from '../app.module.js';
import { registerAuditCommands } from '../audit/interface/cli/audit.commands.js';
import { InvalidAuditKeysError } from '../audit/infrastructure/keys/load-audit-keys.js';
import { registerRegistryCommands } from '../filing-registry/interface/cli/registry.commands.js';
import { registerStaffCommands } from '../identity/interface/cli/staff.commands.js';
import { registerDocumentCommands } from '../initialization/interface/cli/document.commands.js';
import {
  InvalidConfigurationError,
  loadConfig,
} from '../shared/infrastructure/config/app-config.js';
import { ENTITIES } from '../entities.js';
import {
  generateMigration,
  migrationUrlOf,
  prepareDatabase,
  revertMigrations,
} from '../shared/infrastructure/database/migrate.js';
import { createRootLogger, PinoNestLogger } from '../shared/infrastructure/logging/logger.js';
import { projectRoot } from '../shared/infrastructure/project-root.js';
import { prepareLocalRuntime } from '../shared/infrastructure/runtime/local-runtime.js';
import { DomainError } from '../shared/domain/domain-error.js';
import { Translator } from '../shared/i18n/translator.js';
import type { CliContext, CliOutput } from '../shared/interface/cli/cli-context.js';

/**
 * `npm run cli -- <command>`: staff accounts, migrations, and each context's
 * own commands. Returns the exit code. Without DATABASE_URL it works on the
 * demo's embedded database, as the portal does.
 */
export async function runCli(
  argv: string[],
  env: NodeJS.ProcessEnv,
  output: CliOutput,
): Promise<number> {
  const program = new Command('beian-desk')
    .description('beian-desk command line')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => output.out(text.trimEnd()),
      writeErr: (text) => output.err(text.trimEnd()),
    });

  let exitCode = 0;
  const context: CliContext = {
    output,
    withApp: async (work) => {
      const runtime = await prepareLocalRuntime(env, () => undefined);
      try {
        const config = loadConfig({
          ...runtime.env,
          SCHEDULER_ENABLED: 'false',
          LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
        });
        // As the owner; the server's start-up says it when that is DATABASE_URL's role.
        await prepareDatabase({
          ownerUrl: migrationUrlOf(config, () => undefined),
          runtimeUrl: config.DATABASE_URL,
        });
        const app = await NestFactory.createApplicationContext(
          AppModule.register({ config, mode: 'cli' }),
          {
            logger: new PinoNestLogger(createRootLogger(config.LOG_LEVEL, process.stderr)),
            // Unusable audit keys (and any start-up failure) are reported, not aborted on.
            abortOnError: false,
          },
        );
        try {
          exitCode = (await work(app)) ?? 0;
        } finally {
          await app.close();
        }
      } finally {
        await runtime.stop();
      }
    },
    withDatabaseUrl: async (work) => {
      const runtime = await prepareLocalRuntime(
        { REDIS_URL: 'redis://unused', ...env },
        () => undefined,
      );
      try {
        // The schema's commands run as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL).
        await work(
          runtime.env.MIGRATION_DATABASE_URL || runtime.env.DATABASE_URL!,
          runtime.env.DATABASE_URL!,
        );
      } finally {
        await runtime.stop();
      }
    },
    offline: async (work) => {
      exitCode = (await work()) ?? 0;
    },
  };

  program
    .command('migration:run')
    .description('apply every pending migration')
    .action(() =>
      context.withDatabaseUrl(async (url, runtimeUrl) => {
        const applied = await prepareDatabase({ ownerUrl: url, runtimeUrl });
        output.out(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
      }),
    );
  program
    .command('migration:revert')
    .description('revert the most recent migration(s)')
    .option('--count <n>', 'how many to revert', '1')
    .action((options: { count: string }) =>
      context.withDatabaseUrl(async (url) => {
        await revertMigrations(url, Number(options.count));
        output.out(`Reverted ${options.count} migration(s).`);
      }),
    );
  program
    .command('migration:generate')
    .description('write a migration for the difference between the entities and the database')
    .argument('<name>', 'a short name, e.g. add-subject-province')
    .action((name: string) =>
      context.withDatabaseUrl(async (url) => {
        const file = await generateMigration(
          url,
          name,
          path.join(projectRoot(), 'migrations'),
          ENTITIES,
        );
        output.out(
          file
            ? `Wrote ${path.relative(projectRoot(), file)}; add it to migrations/index.ts.`
            : 'No changes.',
        );
      }),
    );
  registerStaffCommands(program, context);
  registerAuditCommands(program, context);
  registerRegistryCommands(program, context);
  registerDocumentCommands(program, context);

  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof InvalidConfigurationError || error instanceof InvalidAuditKeysError) {
      output.err(error.message);
      return 1;
    }
    // The command line speaks English: a refusal is printed as its English sentence.
    if (error instanceof DomainError) {
      output.err(
        new Translator(process.env.TZ_BUSINESS ?? 'Asia/Shanghai').words('en').text(error.sentence),
      );
      return 1;
    }
    output.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
