/** Where the global set-up left the services for this run (read by every test file). */
export interface TestServices {
  /** The run's own database, as the desk's runtime role (`beian_app`: owns nothing). */
  databaseUrl: string;
  /** The same database as its owner (`beian_owner`: the migrations run as it). */
  ownerUrl: string;
  /**
   * A superuser's maintenance connection to the same server, for creating throw-away
   * databases and for what no role of the desk may do (tampering with the audit trail).
   */
  adminUrl: string;
  redisUrl: string;
  /** Scratch folder for documents and exports of this run. */
  scratchDir: string;
  /** The run's S3-protocol server (s3rver) and its bucket. */
  objectStore: {
    endpoint: string;
    region: string;
    accessKeyId: string;
    secretAccessKey: string;
    bucket: string;
  };
}

export function testServices(): TestServices {
  const raw = process.env.BEIAN_TEST_SERVICES;
  if (!raw) throw new Error('test services are not running: run the tests through jest (npm test)');
  return JSON.parse(raw) as TestServices;
}

/**
 * The audit trail's key files the global set-up made for this run (one keyring and one
 * signing key shared by every app and CLI run of the tests).
 */
export function auditKeyEnv(): { AUDIT_LINK_KEYS_FILE: string; AUDIT_SIGNING_KEY_FILE: string } {
  const dir = `${testServices().scratchDir}/audit-keys`;
  return {
    AUDIT_LINK_KEYS_FILE: `${dir}/audit-link-keys`,
    AUDIT_SIGNING_KEY_FILE: `${dir}/audit-signing-key.pem`,
  };
}

/** The URL of another database on the test server (for throw-away databases). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * The settings that put an app's documents and exports in the run's S3 server (one bucket
 * per run, as the disk store uses one scratch folder per run).
 */
export function s3StoreEnv(): Record<string, string> {
  const store = testServices().objectStore;
  return {
    OBJECT_STORE_URL: store.endpoint,
    OBJECT_STORE_REGION: store.region,
    OBJECT_STORE_BUCKET: store.bucket,
    OBJECT_STORE_ACCESS_KEY_ID: store.accessKeyId,
    OBJECT_STORE_SECRET_ACCESS_KEY: store.secretAccessKey,
    OBJECT_STORE_FORCE_PATH_STYLE: 'true',
  };
}

/** Whether this run's apps keep documents and exports in the S3 server (TEST_OBJECT_STORE=s3). */
export function testsUseS3(): boolean {
  return process.env.TEST_OBJECT_STORE === 's3';
}
