import pg from 'pg';

/**
 * The audit trail's tables: the desk's runtime role reads them and writes them only through
 * the functions below (SECURITY DEFINER, owned by the owner role; see the migration
 * 1765756800000-audit-least-privilege). `schema_migrations` is the migrations' own.
 */
export const RUNTIME_READ_ONLY_TABLES = [
  'audit_events',
  'audit_chain_head',
  'audit_checkpoints',
  'audit_quarantine',
  'schema_migrations',
] as const;

/** The only routines the runtime role may run (every other audit routine is the owner's). */
export const RUNTIME_AUDIT_FUNCTIONS = [
  'audit_lock_head()',
  'audit_append(jsonb)',
  'audit_add_checkpoint(jsonb, text)',
] as const;

/** What the runtime role holds on every other table of the desk. */
const DESK_TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'];

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Who a URL connects as (its user, or PGUSER's, or the server's default). */
export async function roleOf(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
    return rows[0]!.role;
  } finally {
    await client.end();
  }
}

/**
 * After the migrations, as the owner (`ownerUrl`): gives the runtime role (`runtimeUrl`'s
 * user) DML and TRUNCATE on the desk's tables, USAGE on their sequences, SELECT only on the
 * audit trail's tables and `schema_migrations`, and EXECUTE on the trail's three append
 * functions — and takes away anything else it was given on those. Idempotent (run after
 * every migration run, so a table a later migration adds is granted too); several
 * processes at once take turns. Returns the runtime role, or null when both URLs are the
 * same role (MIGRATION_DATABASE_URL unset: nothing to grant).
 */
export async function grantRuntimeRole(
  ownerUrl: string,
  runtimeUrl: string,
): Promise<string | null> {
  const runtime = await roleOf(runtimeUrl);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const owner = (await client.query<{ role: string }>('SELECT current_user AS role')).rows[0]!
      .role;
    if (owner === runtime) return null;
    const to = quoteIdent(runtime);
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['beian-desk runtime grants']);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${to}`);
    const tables = await client.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
          AND pg_has_role(current_user, c.relowner, 'USAGE')
        ORDER BY 1`,
    );
    // What the runtime role holds on each table now: only a table whose grants differ from
    // what it should hold is changed (no catalogue writes on an ordinary start).
    const held = await client.query<{ name: string; privileges: string[] }>(
      `SELECT c.relname AS name,
              coalesce(array_agg(a.privilege_type ORDER BY a.privilege_type)
                         FILTER (WHERE a.privilege_type IS NOT NULL), '{}') AS privileges
         FROM pg_class c
         LEFT JOIN LATERAL aclexplode(c.relacl) a ON a.grantee = $1::regrole
        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
        GROUP BY c.relname`,
      [runtime],
    );
    const holds = new Map(held.rows.map((row) => [row.name, row.privileges.join(',')]));
    const readOnly = new Set<string>(RUNTIME_READ_ONLY_TABLES);
    for (const { name } of tables.rows) {
      const wanted = readOnly.has(name) ? ['SELECT'] : DESK_TABLE_PRIVILEGES;
      if (holds.get(name) === [...wanted].sort().join(',')) continue;
      const table = `public.${quoteIdent(name)}`;
      await client.query(`REVOKE ALL ON TABLE ${table} FROM ${to}`);
      await client.query(`GRANT ${wanted.join(', ')} ON TABLE ${table} TO ${to}`);
    }
    await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${to}`);
    await client.query(
      `GRANT EXECUTE ON FUNCTION ${RUNTIME_AUDIT_FUNCTIONS.map((fn) => `public.${fn}`).join(', ')} TO ${to}`,
    );
    await client.query('COMMIT');
    return runtime;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Why the runtime role could rewrite the audit trail, or null when it cannot. */
export async function runtimeRoleOwnsAuditTrail(runtimeUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: runtimeUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      role: string;
      owner: string;
      superuser: boolean;
      owns: boolean;
    }>(
      `SELECT current_user AS role, pg_get_userbyid(c.relowner) AS owner,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              pg_has_role(current_user, c.relowner, 'USAGE') AS owns
         FROM pg_class c WHERE c.oid = 'public.audit_events'::regclass`,
    );
    const row = rows[0];
    if (!row) return null;
    if (row.superuser) return `DATABASE_URL's role "${row.role}" is a superuser`;
    if (row.owns)
      return row.owner === row.role
        ? `DATABASE_URL's role "${row.role}" owns the audit trail (audit_events)`
        : `DATABASE_URL's role "${row.role}" acts as "${row.owner}", which owns the audit trail (audit_events)`;
    return null;
  } finally {
    await client.end();
  }
}

/** Production with a runtime role that could alter, disable or rewrite the audit trail. */
export class RuntimeRoleOwnsAuditTrailError extends Error {
  constructor(readonly reason: string) {
    super(
      `beian-desk cannot start: ${reason}, so it could rewrite the trail or disable its trigger.\n` +
        '  Set MIGRATION_DATABASE_URL to that owner role (the migrations run as it) and DATABASE_URL\n' +
        '  to a role that owns nothing (CREATE ROLE beian_app LOGIN PASSWORD …): after migrating, the\n' +
        '  desk grants it what it needs. See docs/configuration.md.',
    );
    this.name = 'RuntimeRoleOwnsAuditTrailError';
  }
}

/**
 * Refuses (production) or warns (otherwise) when the runtime role could rewrite the audit
 * trail: it owns the tables (or acts as their owner), or is a superuser.
 */
export async function checkRuntimeRole(
  runtimeUrl: string,
  production: boolean,
  warn: (line: string) => void,
): Promise<void> {
  const reason = await runtimeRoleOwnsAuditTrail(runtimeUrl);
  if (!reason) return;
  if (production) throw new RuntimeRoleOwnsAuditTrailError(reason);
  warn(
    `Warning: ${reason}; in production the desk refuses to start so (set MIGRATION_DATABASE_URL to the owner and DATABASE_URL to a role that owns nothing).`,
  );
}
