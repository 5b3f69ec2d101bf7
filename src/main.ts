import 'reflect-metadata';
import { RedisServerNotInstalledError } from '@lib/local-services';
import { createApp } from './bootstrap.js';
import { describeDemoLogins, seedDemo } from './demo/seed-demo.js';
import {
  InvalidConfigurationError,
  loadConfig,
} from './shared/infrastructure/config/app-config.js';
import { runMigrations } from './shared/infrastructure/database/migrate.js';
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
    const applied = await runMigrations(config.DATABASE_URL);
    if (applied.length > 0) say(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
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
