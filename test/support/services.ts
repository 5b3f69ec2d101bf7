/** Where the global set-up left the services for this run (read by every test file). */
export interface TestServices {
  /** The run's own database. */
  databaseUrl: string;
  /** A maintenance connection to the same server, for creating throw-away databases. */
  adminUrl: string;
  redisUrl: string;
  /** Scratch folder for documents and exports of this run. */
  scratchDir: string;
}

export function testServices(): TestServices {
  const raw = process.env.BEIAN_TEST_SERVICES;
  if (!raw) throw new Error('test services are not running: run the tests through jest (npm test)');
  return JSON.parse(raw) as TestServices;
}

/** The URL of another database on the test server (for throw-away databases). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
