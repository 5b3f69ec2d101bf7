import pg from 'pg';

/**
 * The two roles a desk's database is used with: the owner (the migrations run as it, so it
 * owns every table and the audit trail's functions) and the runtime role the desk itself
 * connects as (it owns nothing; the migrations grant it what it needs).
 */
export interface DeskRoles {
  owner: { name: string; password: string };
  runtime: { name: string; password: string };
}

/** The roles the embedded default (the demo, the tests, the benchmarks) creates for itself. */
export const EMBEDDED_DESK_ROLES: DeskRoles = {
  owner: { name: 'beian_owner', password: 'beian_owner' },
  runtime: { name: 'beian_app', password: 'beian_app' },
};

/** The URL of `database` on the server of `url`, as `role`. */
export function urlAs(
  url: string,
  role: { name: string; password: string },
  database?: string,
): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(role.name);
  parsed.password = encodeURIComponent(role.password);
  if (database !== undefined) parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/**
 * Creates the owner and runtime roles on the server of `adminUrl` (a superuser's, or a role
 * with CREATEROLE) unless they exist; the runtime role is neither a superuser nor a member of
 * the owner. Safe to call from several processes at once.
 */
export async function ensureDeskRoles(
  adminUrl: string,
  roles: DeskRoles = EMBEDDED_DESK_ROLES,
): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const role of [roles.owner, roles.runtime]) {
      const found = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.name]);
      if (found.rowCount) continue;
      try {
        await client.query(
          `CREATE ROLE ${quoteIdent(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${quoteLiteral(role.password)}`,
        );
      } catch (error) {
        // Another process created it first.
        const code = (error as { code?: string }).code;
        if (code !== '42710' && code !== '23505') throw error;
      }
    }
  } finally {
    await client.end();
  }
}

/**
 * Makes sure `database` exists and belongs to the owner role: created with it as owner, or,
 * for a database made before the roles existed (the demo's `.data/`), handed over to it with
 * every table, sequence, view, function and type of its `public` schema.
 */
export async function ensureDeskDatabase(
  adminUrl: string,
  database: string,
  roles: DeskRoles = EMBEDDED_DESK_ROLES,
): Promise<void> {
  await ensureDeskRoles(adminUrl, roles);
  const owner = quoteIdent(roles.owner.name);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  let adopt = false;
  try {
    const found = await admin.query<{ owner: string }>(
      'SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1',
      [database],
    );
    if (found.rowCount === 0) {
      try {
        await admin.query(`CREATE DATABASE ${quoteIdent(database)} OWNER ${owner}`);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error;
      }
    } else if (found.rows[0]!.owner !== roles.owner.name) {
      await admin.query(`ALTER DATABASE ${quoteIdent(database)} OWNER TO ${owner}`);
      adopt = true;
    }
  } finally {
    await admin.end();
  }
  if (adopt) await handOverPublicSchema(urlAs(adminUrl, currentUserOf(adminUrl), database), roles);
}

/** The user and password of a URL (to reconnect to another database as the same user). */
function currentUserOf(url: string): { name: string; password: string } {
  const parsed = new URL(url);
  return {
    name: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** Hands every object of `public` (not an extension's) over to the owner role. */
async function handOverPublicSchema(url: string, roles: DeskRoles): Promise<void> {
  const owner = quoteIdent(roles.owner.name);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    const notExtensions = `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype = 'e')`;
    const relations = await client.query<{ name: string }>(
      `SELECT format('%I', o.relname) AS name FROM pg_class o
        WHERE o.relnamespace = 'public'::regnamespace AND o.relkind IN ('r', 'p', 'v', 'm', 'f')
          AND o.relowner <> $1::regrole AND ${notExtensions}`,
      [roles.owner.name],
    );
    for (const { name } of relations.rows)
      await client.query(`ALTER TABLE public.${name} OWNER TO ${owner}`);
    const sequences = await client.query<{ name: string }>(
      `SELECT format('%I', o.relname) AS name FROM pg_class o
        WHERE o.relnamespace = 'public'::regnamespace AND o.relkind = 'S'
          AND o.relowner <> $1::regrole AND ${notExtensions}
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = o.oid AND d.deptype IN ('a', 'i'))`,
      [roles.owner.name],
    );
    for (const { name } of sequences.rows)
      await client.query(`ALTER SEQUENCE public.${name} OWNER TO ${owner}`);
    const functions = await client.query<{ name: string }>(
      `SELECT o.oid::regprocedure::text AS name FROM pg_proc o
        WHERE o.pronamespace = 'public'::regnamespace AND o.proowner <> $1::regrole AND ${notExtensions}`,
      [roles.owner.name],
    );
    for (const { name } of functions.rows)
      await client.query(`ALTER ROUTINE ${name} OWNER TO ${owner}`);
    const types = await client.query<{ name: string }>(
      `SELECT format('%I', o.typname) AS name FROM pg_type o
        WHERE o.typnamespace = 'public'::regnamespace AND o.typtype IN ('e', 'd')
          AND o.typowner <> $1::regrole AND ${notExtensions}`,
      [roles.owner.name],
    );
    for (const { name } of types.rows)
      await client.query(`ALTER TYPE public.${name} OWNER TO ${owner}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
