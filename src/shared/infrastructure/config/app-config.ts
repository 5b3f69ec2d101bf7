import { z } from 'zod';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => ['true', '1', 'yes'].includes(value));

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// URL');

const redisUrl = z
  .string()
  .url()
  .refine((value) => /^rediss?:\/\//.test(value), 'must be a redis:// URL');

const intakeTokens = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const clients: { client: string; token: string }[] = [];
    let invalid = false;
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const separator = pair.indexOf(':');
      const client = pair.slice(0, separator).trim();
      const token = pair.slice(separator + 1).trim();
      if (separator <= 0 || !client || token.length < 16) {
        // Every bad pair is reported, not only the first.
        ctx.addIssue({
          code: 'custom',
          message: `"${client || pair.slice(0, 12)}…" is not a client:token pair with a token of at least 16 characters`,
        });
        invalid = true;
        continue;
      }
      clients.push({ client, token });
    }
    if (invalid) return z.NEVER;
    if (clients.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one client:token pair' });
      return z.NEVER;
    }
    return clients;
  });

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'is not an IANA time zone');

const hourOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM')
  .transform((value) => {
    const [hours, minutes] = value.split(':').map(Number) as [number, number];
    return hours * 60 + minutes;
  });

/** One master key of the documents' envelope encryption: its id and its 32 bytes. */
export interface DocumentMasterKey {
  readonly id: string;
  readonly key: Buffer;
}

/**
 * `id:base64` pairs of 32-byte keys, comma-separated, the first one current (it wraps every
 * new document's data key; the others only unwrap). Every bad pair is reported.
 */
const documentEncryptionKeys = z
  .string()
  .min(1)
  .transform((value, ctx) => {
    const keys: DocumentMasterKey[] = [];
    let invalid = false;
    for (const pair of value
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean)) {
      const separator = pair.indexOf(':');
      const id = pair.slice(0, separator).trim();
      const encoded = pair.slice(separator + 1).trim();
      const key = Buffer.from(encoded, 'base64');
      if (separator <= 0 || !/^[A-Za-z0-9_.-]{1,32}$/.test(id)) {
        ctx.addIssue({
          code: 'custom',
          message: `"${pair.slice(0, 8)}…" is not an id:base64 pair (the id: 1–32 letters, digits, _ . -)`,
        });
        invalid = true;
      } else if (key.length !== 32 || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) {
        ctx.addIssue({
          code: 'custom',
          message: `key "${id}" is not 32 bytes in base64 (make one with: openssl rand -base64 32)`,
        });
        invalid = true;
      } else if (keys.some((known) => known.id === id)) {
        ctx.addIssue({ code: 'custom', message: `key "${id}" is given twice` });
        invalid = true;
      } else keys.push({ id, key });
    }
    if (invalid) return z.NEVER;
    if (keys.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'needs at least one id:base64 key' });
      return z.NEVER;
    }
    return keys;
  });

/** An S3-compatible service's address: absolute http(s), no query or fragment. */
const objectStoreUrl = z
  .string()
  .url({
    message:
      'must be an absolute http:// or https:// URL, such as https://oss-cn-hangzhou.aliyuncs.com',
  })
  .refine((value) => /^https?:\/\/[^/]/i.test(value) && !/[?#]/.test(value), {
    message:
      'must be an absolute http:// or https:// URL, such as https://oss-cn-hangzhou.aliyuncs.com',
  });

/** The settings an S3-compatible store needs besides its address. */
const OBJECT_STORE_NEEDS = [
  'OBJECT_STORE_BUCKET',
  'OBJECT_STORE_ACCESS_KEY_ID',
  'OBJECT_STORE_SECRET_ACCESS_KEY',
] as const;

/** An absolute http(s) address, kept without a trailing slash. */
const publicBaseUrl = z
  .string()
  .url({ message: 'must be an absolute http:// or https:// URL, such as https://desk.example.com' })
  .refine((value) => /^https?:\/\/[^/]/i.test(value), {
    message: 'must be an absolute http:// or https:// URL, such as https://desk.example.com',
  })
  .refine((value) => !/[?#]/.test(value), { message: 'must not have a query or a fragment' })
  .transform((value) => value.replace(/\/+$/, ''));

/** Every setting the process reads, validated at start-up (see `.env.example`). */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
    DATABASE_URL: postgresUrl,
    /** The owner role's URL: the migrations run as it; unset: DATABASE_URL (with a warning). */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    DATABASE_PREPARED_STATEMENTS: booleanFlag.default(true),
    REDIS_URL: redisUrl,
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** Unset: 0.0.0.0, or 127.0.0.1 for the demo (decided in main.ts, which knows the mode). */
    HOST: z
      .string()
      .regex(
        /^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/,
        {
          message: 'must be a host name or an IP address, such as 0.0.0.0 or 127.0.0.1',
        },
      )
      .optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters'),
    SESSION_IDLE_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(30),
    SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
    COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
    TRUST_PROXY: booleanFlag.default(false),
    INTAKE_TOKENS: intakeTokens,
    DOCUMENT_DIR: z.string().min(1),
    EXPORT_DIR: z.string().min(1),
    EXPORT_RETENTION_DAYS: z.coerce.number().int().min(1).default(90),
    /** The documents of a request that ended (approved, rejected, expired, withdrawn) this many days ago are purged. */
    DOCUMENT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
    TZ_BUSINESS: timeZone.default('Asia/Shanghai'),
    /** The staff portal's language when neither the staff member nor their browser chose one. */
    DEFAULT_LOCALE: z.enum(['zh-CN', 'en'], { message: 'must be zh-CN or en' }).default('zh-CN'),
    BUSINESS_DAY_START: hourOfDay.default(9 * 60),
    BUSINESS_DAY_END: hourOfDay.default(18 * 60),
    SLA_BUSINESS_DAYS: z.coerce.number().int().min(1).max(30).default(2),
    SLA_AT_RISK_HOURS: z.coerce.number().min(0).max(72).default(4),
    AWAITING_APPLICANT_EXPIRY_DAYS: z.coerce.number().int().min(1).default(15),
    MAX_FILE_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(10 * 1024 * 1024),
    MAX_REQUEST_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .default(25 * 1024 * 1024),
    /** How many days before now a submission's `receivedAt` may lie; 0: any (back-filling history). */
    INTAKE_MAX_AGE_DAYS: z.coerce.number().int().min(0).default(30),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('beian-desk <no-reply@beian-desk.invalid>'),
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    MAIL_RETRY_DELAY_MS: z.coerce.number().int().min(10).default(60_000),
    MAIL_SUPPORT_CONTACT: z.string().min(1).default('95187'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
    LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).default(20),
    LOGIN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).default(15),
    /** Failures of one account from all addresses together after which each attempt waits 1, 2, 4… s. */
    LOGIN_ACCOUNT_DELAY_AFTER_FAILURES: z.coerce.number().int().min(1).default(10),
    /** The longest an account's attempt waits once it is being slowed down. */
    LOGIN_ACCOUNT_DELAY_MAX_SECONDS: z.coerce.number().int().min(1).default(300),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    DEMO_MODE: booleanFlag.default(false),
    SCHEDULER_ENABLED: booleanFlag.default(true),
    QUEUE_COUNTS_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    STAFF_CHECK_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    SESSION_READ_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
    /** How long an admin's set-password link works (hours; one use, a new link voids it). */
    PASSWORD_RESET_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24)
      .default(24),
    /** Where people reach the desk; links in mails start with it. Required in production. */
    PUBLIC_BASE_URL: publicBaseUrl.optional(),
    /** The bearer token of `GET /metrics`; unset: the route is off (404). */
    METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
    /** How long an instance reuses a metric's counts before reading them again (0: every scrape). */
    METRICS_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(15),
    /** Master keys wrapping each document's own data key (envelope encryption); the first is current. */
    DOCUMENT_ENCRYPTION_KEYS: documentEncryptionKeys,
    /** Stored documents no request names (an upload whose request never committed) are removed after this. */
    DOCUMENT_ORPHAN_GRACE_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(24),
    /** An S3-compatible store (OSS, S3, MinIO) for documents and exports; unset: the local disk. */
    OBJECT_STORE_URL: objectStoreUrl.optional(),
    OBJECT_STORE_REGION: z
      .string()
      .regex(/^[a-z0-9-]{2,40}$/, 'must be a region name, such as oss-cn-hangzhou or us-east-1')
      .default('us-east-1'),
    OBJECT_STORE_BUCKET: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
        'must be a bucket name: 3–63 lowercase letters, digits, dots and hyphens',
      )
      .optional(),
    OBJECT_STORE_ACCESS_KEY_ID: z.string().optional(),
    OBJECT_STORE_SECRET_ACCESS_KEY: z.string().optional(),
    OBJECT_STORE_FORCE_PATH_STYLE: booleanFlag.default(false),
    /** The audit trail's link keyring (`id:base64` lines, first current); never in the database. Required in production. */
    AUDIT_LINK_KEYS_FILE: z.string().min(1).optional(),
    /** The PKCS#8 PEM Ed25519 private key that signs audit checkpoints. Required in production. */
    AUDIT_SIGNING_KEY_FILE: z.string().min(1).optional(),
    /** PEM public keys of retired signing keys, still trusted when verifying. */
    AUDIT_TRUSTED_KEYS_FILE: z.string().min(1).optional(),
    /** How often a signed checkpoint of the audit trail is taken (minutes). */
    AUDIT_CHECKPOINT_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(60),
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.PUBLIC_BASE_URL !== undefined, {
    path: ['PUBLIC_BASE_URL'],
    message:
      'is required when NODE_ENV is production (the address people open the desk at, such as https://desk.example.com; links in mails start with it)',
    when: (payload) =>
      !payload.issues.some((issue) =>
        ['NODE_ENV', 'PUBLIC_BASE_URL'].includes(String(issue.path?.[0])),
      ),
  })
  // The audit trail's secrets come from files, never from the database: production needs both.
  .superRefine(
    (env, ctx) => {
      if (env.NODE_ENV !== 'production') return;
      for (const key of ['AUDIT_LINK_KEYS_FILE', 'AUDIT_SIGNING_KEY_FILE'] as const)
        if (env[key] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message:
              key === 'AUDIT_LINK_KEYS_FILE'
                ? 'is required when NODE_ENV is production (a file of id:base64 lines of 32-byte secrets, the first current; make one with: echo "k1:$(openssl rand -base64 32)")'
                : 'is required when NODE_ENV is production (a PKCS#8 PEM Ed25519 private key; make one with: openssl genpkey -algorithm ed25519)',
          });
    },
    { when: () => true },
  )
  .refine((env) => env.BUSINESS_DAY_START < env.BUSINESS_DAY_END, {
    path: ['BUSINESS_DAY_END'],
    message: 'must be later than BUSINESS_DAY_START',
    // Checked whenever both hours are valid, even if other settings are not, so one
    // message lists every problem (by default zod skips refinements of an invalid object).
    when: (payload) =>
      !payload.issues.some((issue) =>
        ['BUSINESS_DAY_START', 'BUSINESS_DAY_END'].includes(String(issue.path?.[0])),
      ),
  })
  // The object store's settings go together: every one missing is listed, whatever else
  // is wrong (by default zod skips refinements of an invalid object).
  .superRefine(
    (env, ctx) => {
      const troubled = new Set(ctx.issues.map((issue) => String(issue.path?.[0])));
      const given = OBJECT_STORE_NEEDS.filter((key) => env[key] !== undefined || troubled.has(key));
      if (env.OBJECT_STORE_URL !== undefined || troubled.has('OBJECT_STORE_URL')) {
        for (const key of OBJECT_STORE_NEEDS)
          if (!given.includes(key))
            ctx.addIssue({
              code: 'custom',
              path: [key],
              message: 'is required when OBJECT_STORE_URL is set',
            });
      } else if (given.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['OBJECT_STORE_URL'],
          message: `is required when ${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set (unset ${given.length === 1 ? 'it' : 'them'} to keep documents and exports on the local disk)`,
        });
      }
    },
    { when: () => true },
  )
  .transform((env) => ({
    ...env,
    PUBLIC_BASE_URL: env.PUBLIC_BASE_URL ?? `http://localhost:${env.PORT}`,
  }));

export type AppConfig = z.output<typeof configSchema>;

export class InvalidConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `beian-desk cannot start: ${problems.length} setting${problems.length === 1 ? ' is' : 's are'} missing or invalid\n` +
        problems.map((problem) => `  - ${problem}`).join('\n') +
        '\nSee .env.example for what each setting means.',
    );
    this.name = 'InvalidConfigurationError';
  }
}

/** Reads and validates the environment, reporting every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const input = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const result = configSchema.safeParse(input);
  if (result.success) return Object.freeze(result.data);
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(environment)';
    const missing = issue.code === 'invalid_type' && input[key] === undefined;
    return missing ? `${key} is required` : `${key} ${issue.message}`;
  });
  throw new InvalidConfigurationError([...new Set(problems)]);
}

export const APP_CONFIG = Symbol('AppConfig');
