import { describe, expect, it } from '@jest/globals';
import { InvalidConfigurationError, loadConfig } from './app-config.js';

const VALID = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/beian',
  REDIS_URL: 'redis://127.0.0.1:6379',
  SESSION_SECRET: 'x'.repeat(32),
  INTAKE_TOKENS: 'filing-portal:0123456789abcdef0123',
  DOCUMENT_DIR: '/var/lib/beian/documents',
  EXPORT_DIR: '/var/lib/beian/exports',
  PUBLIC_BASE_URL: 'https://desk.example.com',
  DOCUMENT_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  AUDIT_LINK_KEYS_FILE: '/etc/beian/audit-link-keys',
  AUDIT_SIGNING_KEY_FILE: '/etc/beian/audit-signing-key.pem',
};

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig(VALID);
    expect(config.PORT).toBe(3000);
    expect(config.TZ_BUSINESS).toBe('Asia/Shanghai');
    expect(config.BUSINESS_DAY_START).toBe(9 * 60);
    expect(config.BUSINESS_DAY_END).toBe(18 * 60);
    expect(config.SLA_BUSINESS_DAYS).toBe(2);
    expect(config.INTAKE_TOKENS).toEqual([
      { client: 'filing-portal', token: '0123456789abcdef0123' },
    ]);
  });

  it('lists every missing and every invalid value in one message', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://localhost/beian',
      PORT: 'eighty',
      SESSION_SECRET: 'short',
      INTAKE_TOKENS: 'no-separator',
      TZ_BUSINESS: 'Mars/Olympus_Mons',
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'DATABASE_URL must be a postgres:// URL',
        'REDIS_URL is required',
        expect.stringMatching(/^PORT /),
        'SESSION_SECRET must be at least 32 characters',
        expect.stringMatching(/^INTAKE_TOKENS .*client:token pair/),
        'DOCUMENT_DIR is required',
        'EXPORT_DIR is required',
        'DOCUMENT_ENCRYPTION_KEYS is required',
        'TZ_BUSINESS is not an IANA time zone',
        expect.stringMatching(/^PUBLIC_BASE_URL is required when NODE_ENV is production/),
        expect.stringMatching(/^AUDIT_LINK_KEYS_FILE is required when NODE_ENV is production/),
        expect.stringMatching(/^AUDIT_SIGNING_KEY_FILE is required when NODE_ENV is production/),
      ]),
    );
    expect(problems).toHaveLength(12);
    expect(() => loadConfig({})).toThrow(
      /^beian-desk cannot start: 10 settings are missing or invalid/,
    );
    expect(() => loadConfig({})).toThrow('See .env.example');
  });

  it('lists every bad intake client and the business hours alongside the other problems', () => {
    const problems = problemsOf({
      ...VALID,
      REDIS_URL: undefined,
      HOST: 'not a host!',
      INTAKE_TOKENS: 'a:short, good:0123456789abcdef, b:also-short, no-separator',
      BUSINESS_DAY_START: '18:00',
      BUSINESS_DAY_END: '09:00',
    });
    expect(problems).toEqual([
      'REDIS_URL is required',
      'HOST must be a host name or an IP address, such as 0.0.0.0 or 127.0.0.1',
      'INTAKE_TOKENS "a…" is not a client:token pair with a token of at least 16 characters',
      'INTAKE_TOKENS "b…" is not a client:token pair with a token of at least 16 characters',
      'INTAKE_TOKENS "no-separato…" is not a client:token pair with a token of at least 16 characters',
      'BUSINESS_DAY_END must be later than BUSINESS_DAY_START',
    ]);
    expect(() => loadConfig({ ...VALID, PORT: 'x', BUSINESS_DAY_END: '08:00' })).toThrow(
      /2 settings are missing or invalid\n {2}- PORT .*\n {2}- BUSINESS_DAY_END must be later than BUSINESS_DAY_START/,
    );
  });

  it('takes HOST as a host name or an IP address, and leaves it unset by default', () => {
    expect(loadConfig(VALID).HOST).toBeUndefined();
    expect(loadConfig({ ...VALID, HOST: '127.0.0.1' }).HOST).toBe('127.0.0.1');
    expect(loadConfig({ ...VALID, HOST: '::' }).HOST).toBe('::');
    expect(loadConfig({ ...VALID, HOST: 'desk.internal' }).HOST).toBe('desk.internal');
  });

  it('parses several intake clients and refuses short tokens', () => {
    expect(
      loadConfig({ ...VALID, INTAKE_TOKENS: 'a:aaaaaaaaaaaaaaaa, b:bbbbbbbbbbbbbbbb' })
        .INTAKE_TOKENS,
    ).toHaveLength(2);
    expect(problemsOf({ ...VALID, INTAKE_TOKENS: 'a:short' })).toEqual([
      'INTAKE_TOKENS "a…" is not a client:token pair with a token of at least 16 characters',
    ]);
  });

  it('refuses business hours that end before they start', () => {
    expect(
      problemsOf({ ...VALID, BUSINESS_DAY_START: '18:00', BUSINESS_DAY_END: '09:00' }),
    ).toEqual(['BUSINESS_DAY_END must be later than BUSINESS_DAY_START']);
  });

  it('takes PUBLIC_BASE_URL as an absolute http(s) address without a trailing slash', () => {
    expect(loadConfig(VALID).PUBLIC_BASE_URL).toBe('https://desk.example.com');
    expect(
      loadConfig({ ...VALID, PUBLIC_BASE_URL: 'https://desk.example.com/beian/' }).PUBLIC_BASE_URL,
    ).toBe('https://desk.example.com/beian');
    for (const bad of ['desk.example.com', 'ftp://desk.example.com', 'mailto:a@example.com']) {
      expect(problemsOf({ ...VALID, PUBLIC_BASE_URL: bad })).toEqual([
        'PUBLIC_BASE_URL must be an absolute http:// or https:// URL, such as https://desk.example.com',
      ]);
    }
    expect(problemsOf({ ...VALID, PUBLIC_BASE_URL: 'https://desk.example.com/?a=1' })).toEqual([
      'PUBLIC_BASE_URL must not have a query or a fragment',
    ]);
  });

  it('requires PUBLIC_BASE_URL in production and defaults it to localhost otherwise', () => {
    const { PUBLIC_BASE_URL: _unset, ...withoutBase } = VALID;
    expect(problemsOf(withoutBase)).toEqual([
      expect.stringMatching(/^PUBLIC_BASE_URL is required when NODE_ENV is production/),
    ]);
    expect(() => loadConfig({ ...withoutBase, NODE_ENV: 'production' })).toThrow(
      /cannot start: 1 setting is missing or invalid\n {2}- PUBLIC_BASE_URL is required/,
    );
    expect(loadConfig({ ...withoutBase, NODE_ENV: 'development' }).PUBLIC_BASE_URL).toBe(
      'http://localhost:3000',
    );
    expect(loadConfig({ ...withoutBase, NODE_ENV: 'test', PORT: '4100' }).PUBLIC_BASE_URL).toBe(
      'http://localhost:4100',
    );
  });

  it("reads the documents' master keys as id:base64 pairs, the first current, and names every bad one", () => {
    const one = Buffer.alloc(32, 1).toString('base64');
    const two = Buffer.alloc(32, 2).toString('base64');
    const keys = loadConfig({
      ...VALID,
      DOCUMENT_ENCRYPTION_KEYS: `2026b:${two}, 2026a:${one}`,
    }).DOCUMENT_ENCRYPTION_KEYS;
    expect(keys.map((key) => key.id)).toEqual(['2026b', '2026a']);
    expect(keys[0]!.key).toEqual(Buffer.alloc(32, 2));
    expect(loadConfig(VALID).DOCUMENT_ORPHAN_GRACE_HOURS).toBe(24);
    expect(
      problemsOf({
        ...VALID,
        DOCUMENT_ENCRYPTION_KEYS: `short:${Buffer.alloc(16).toString('base64')},${one},a:${one},a:${two}`,
      }),
    ).toEqual([
      'DOCUMENT_ENCRYPTION_KEYS key "short" is not 32 bytes in base64 (make one with: openssl rand -base64 32)',
      expect.stringMatching(/^DOCUMENT_ENCRYPTION_KEYS ".*" is not an id:base64 pair/),
      'DOCUMENT_ENCRYPTION_KEYS key "a" is given twice',
    ]);
    const { DOCUMENT_ENCRYPTION_KEYS: _unset, ...withoutKeys } = VALID;
    expect(problemsOf({ ...withoutKeys, NODE_ENV: 'production' })).toEqual([
      'DOCUMENT_ENCRYPTION_KEYS is required',
    ]);
  });
});

describe('configuration of the object store', () => {
  const S3 = {
    OBJECT_STORE_URL: 'https://oss-cn-hangzhou.aliyuncs.com',
    OBJECT_STORE_REGION: 'oss-cn-hangzhou',
    OBJECT_STORE_BUCKET: 'beian-desk-files',
    OBJECT_STORE_ACCESS_KEY_ID: 'LTAI5tExample',
    OBJECT_STORE_SECRET_ACCESS_KEY: 'secret-example',
  };

  it('keeps documents and exports on the disk when OBJECT_STORE_URL is unset', () => {
    const config = loadConfig(VALID);
    expect(config.OBJECT_STORE_URL).toBeUndefined();
    expect(config.OBJECT_STORE_REGION).toBe('us-east-1');
    expect(config.OBJECT_STORE_FORCE_PATH_STYLE).toBe(false);
  });

  it('reads an S3-compatible store given all its settings', () => {
    const config = loadConfig({ ...VALID, ...S3, OBJECT_STORE_FORCE_PATH_STYLE: 'yes' });
    expect(config).toMatchObject({ ...S3, OBJECT_STORE_FORCE_PATH_STYLE: true });
  });

  it('lists every setting the store lacks, beside the other problems', () => {
    expect(
      problemsOf({
        ...VALID,
        REDIS_URL: undefined,
        OBJECT_STORE_URL: 'oss-cn-hangzhou.aliyuncs.com',
        OBJECT_STORE_BUCKET: 'Not_A_Bucket',
      }),
    ).toEqual([
      'REDIS_URL is required',
      expect.stringMatching(/^OBJECT_STORE_URL must be an absolute http:\/\/ or https:\/\/ URL/),
      expect.stringMatching(/^OBJECT_STORE_BUCKET must be a bucket name/),
      'OBJECT_STORE_ACCESS_KEY_ID is required when OBJECT_STORE_URL is set',
      'OBJECT_STORE_SECRET_ACCESS_KEY is required when OBJECT_STORE_URL is set',
    ]);
  });

  it('says the address is missing when only the rest is given', () => {
    const { OBJECT_STORE_URL: _url, OBJECT_STORE_REGION: _region, ...rest } = S3;
    expect(problemsOf({ ...VALID, ...rest })).toEqual([
      'OBJECT_STORE_URL is required when OBJECT_STORE_BUCKET, OBJECT_STORE_ACCESS_KEY_ID, OBJECT_STORE_SECRET_ACCESS_KEY are set (unset them to keep documents and exports on the local disk)',
    ]);
  });
});

describe('metrics settings', () => {
  it('leaves /metrics off by default and reuses its counts for 15 seconds', () => {
    const config = loadConfig(VALID);
    expect(config.METRICS_TOKEN).toBeUndefined();
    expect(config.METRICS_CACHE_SECONDS).toBe(15);
  });

  it('lists a short token and a cache out of range beside the other problems', () => {
    expect(
      problemsOf({
        ...VALID,
        REDIS_URL: undefined,
        METRICS_TOKEN: 'short',
        METRICS_CACHE_SECONDS: '301',
      }),
    ).toEqual([
      'REDIS_URL is required',
      'METRICS_TOKEN must be at least 16 characters',
      expect.stringMatching(/^METRICS_CACHE_SECONDS /),
    ]);
  });
});

// Issue 18 (H-B): the owner role's URL for the migrations.
describe('database roles', () => {
  it('leaves MIGRATION_DATABASE_URL unset by default (the migrations then run as DATABASE_URL)', () => {
    expect(loadConfig(VALID).MIGRATION_DATABASE_URL).toBeUndefined();
    expect(
      loadConfig({ ...VALID, MIGRATION_DATABASE_URL: 'postgres://owner:p@127.0.0.1:5432/beian' })
        .MIGRATION_DATABASE_URL,
    ).toBe('postgres://owner:p@127.0.0.1:5432/beian');
  });

  it('lists a MIGRATION_DATABASE_URL that is not a postgres:// URL beside the other problems', () => {
    expect(
      problemsOf({ ...VALID, MIGRATION_DATABASE_URL: 'mysql://owner@db/beian', REDIS_URL: 'x' }),
    ).toEqual(
      expect.arrayContaining([
        'MIGRATION_DATABASE_URL must be a postgres:// URL',
        expect.stringMatching(/^REDIS_URL /),
      ]),
    );
  });
});
