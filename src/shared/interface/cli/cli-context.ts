import type { INestApplicationContext } from '@nestjs/common';

/** Where a command writes: standard output and standard error, a line at a time. */
export interface CliOutput {
  out(line: string): void;
  err(line: string): void;
}

/** What a context's CLI commands get: output, and the app (or just the database) to work with. */
export interface CliContext {
  output: CliOutput;
  /** Runs `work` with the application context; its return value is the exit code. */
  withApp(work: (app: INestApplicationContext) => Promise<number | void>): Promise<void>;
  /** Runs `work` with the owner's URL (MIGRATION_DATABASE_URL, else DATABASE_URL) and DATABASE_URL. */
  withDatabaseUrl(work: (url: string, runtimeUrl: string) => Promise<void>): Promise<void>;
  /** Runs `work` with no app, database or configuration (offline checks); its return value is the exit code. */
  offline(work: () => Promise<number | void>): Promise<void>;
}
