import 'reflect-metadata';
import { RedisServerNotInstalledError } from '@lib/local-services';
import { InvalidAuditKeysError } from './audit/infrastructure/keys/load-audit-keys.js';
import { createApp } from './bootstrap.js';
import { describeDemoLogins, seedDemo } from './demo/seed-demo.js';
import {
  InvalidConfigurationError,
  loadConfig,
} from './shared/infrastructure/config/app-config.js';
import {
  checkRuntimeRole,
  RuntimeRoleOwnsAuditTrailError,
} from './shared/infrastructure/database/database-roles.js';
import { migrationUrlOf, prepareDatabase } from './shared/infrastructure/database/migrate.js';
import {
  prepareLocalRuntime,
  type LocalRuntime,
} from './shared/infrastructure/runtime/local-runtime.js';

const say = (line: string): void => void process.stdout.write(line + '\n');

async function main(): Promise<void> {
  let runtime: LocalRuntime | undefined;
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      await runtime?.stop();
    }
    process.exit(code);
  };
  try {
    runtime = await prepareLocalRuntime(process.env, say);
    const config = loadConfig(runtime.env);
    // As the owner (MIGRATION_DATABASE_URL), then DATABASE_URL's role granted what it needs;
    // production refuses a runtime role that could rewrite the audit trail.
    const applied = await prepareDatabase({
      ownerUrl: migrationUrlOf(config, say),
      runtimeUrl: config.DATABASE_URL,
    });
    if (applied.length > 0) say(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
    await checkRuntimeRole(config.DATABASE_URL, config.NODE_ENV === 'production', say);
    if (runtime.demo || config.DEMO_MODE) await seedDemo(config, say);
    const app = await createApp(config);
    const host = config.HOST ?? (runtime.demo ? '127.0.0.1' : '0.0.0.0');
    await app.listen(config.PORT, host);
    const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${config.PORT}`;
    if (runtime.demo || config.DEMO_MODE) say('\n' + describeDemoLogins());
    say(
      `\nbeian-desk is running at ${url}  (Ctrl-C stops it${runtime.demo ? ' and the services it started' : ''})`,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        say('\nStopping…');
        void app.close().finally(() => void stop(0));
      });
    }
  } catch (error) {
    if (
      error instanceof InvalidConfigurationError ||
      error instanceof RuntimeRoleOwnsAuditTrailError ||
      error instanceof InvalidAuditKeysError ||
      error instanceof RedisServerNotInstalledError
    ) {
      process.stderr.write(error.message + '\n');
    } else {
      process.stderr.write(
        `beian-desk could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
    }
    await stop(1);
  }
}

await main();
