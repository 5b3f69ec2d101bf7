import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import request from 'supertest';
import { runCli } from '../../src/cli/run-cli.js';
import { ensureDeskDatabase } from '../../libs/local-services/src/database-roles.js';
import { MIGRATIONS } from '../../migrations/index.js';
import {
  checkRuntimeRole,
  grantRuntimeRole,
  RuntimeRoleOwnsAuditTrailError,
  runtimeRoleOwnsAuditTrail,
} from '../../src/shared/infrastructure/database/database-roles.js';
import {
  prepareDatabase,
  revertMigrations,
  runMigrations,
} from '../../src/shared/infrastructure/database/migrate.js';
import { databaseUrls } from '../support/database.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { testServices } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { WebSession } from '../support/web-session.js';

/** Runs `sql` on `url` in a connection of its own; returns the rows. */
async function query<T = Record<string, unknown>>(
  url: string,
  sql: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** What PostgreSQL answers `sql` on `url` with: its SQLSTATE and message, or 'ok'. */
async function attempt(url: string, sql: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(sql);
    return 'ok';
  } catch (error) {
    const pgError = error as { code?: string; message: string };
    return `${pgError.code}: ${pgError.message}`;
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
}

/** The heading and first paragraph of an error page, as text. */
function errorPageOf(html: string): { title: string; text: string } {
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  const text = /<section class="error-page">[\s\S]*?<p[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  return { title: title.trim(), text: text.trim() };
}

/**
 * Issue 18: the desk runs as a role that owns nothing. The migrations run as the owner and
 * grant the runtime role DML on the desk's tables, SELECT only on the audit trail, and
 * EXECUTE on the three append functions — so the runtime role cannot rewrite, delete,
 * truncate or un-trigger the trail, nor move its head, except by appending through them.
 */
describe('the runtime role and the audit trail', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    // Some events, so every statement below has rows to act on.
    await createStaff(t.app, 'REVIEWER');
    await createStaff(t.app, 'AUDITOR');
  });
  afterAll(() => t?.close());

  it('is what the app connects as, owns nothing and is not a superuser', async () => {
    const [role] = await query<{ user: string; superuser: boolean; owned: number }>(
      t.database.url,
      `SELECT current_user AS user,
              (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_class WHERE relowner = current_user::regrole) AS owned`,
    );
    expect(role).toEqual({ user: 'beian_app', superuser: false, owned: 0 });
    const [appRole] = await t.dataSource.query(`SELECT current_user AS user`);
    expect(appRole.user).toBe('beian_app');
    const [owner] = await query<{ owner: string }>(
      t.database.url,
      `SELECT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE oid = 'audit_events'::regclass`,
    );
    expect(owner!.owner).toBe('beian_owner');
  });

  it('cannot update, delete or truncate the trail, nor write it directly', async () => {
    const refused = /^42501: permission denied for table audit_events$/;
    expect(await attempt(t.database.url, `UPDATE audit_events SET details = '{}'`)).toMatch(
      refused,
    );
    expect(await attempt(t.database.url, `DELETE FROM audit_events`)).toMatch(refused);
    expect(await attempt(t.database.url, `TRUNCATE audit_events`)).toMatch(refused);
    expect(
      await attempt(
        t.database.url,
        `INSERT INTO audit_events (seq, occurred_at, actor_type, action, prev_hash, hash)
         SELECT seq + 1, now(), 'SYSTEM', 'forged', hash, repeat('f', 64) FROM audit_chain_head`,
      ),
    ).toMatch(refused);
    for (const table of ['audit_checkpoints', 'audit_quarantine']) {
      for (const sql of [
        `DELETE FROM ${table}`,
        `TRUNCATE ${table}`,
        `UPDATE ${table} SET seq = 0`,
      ])
        expect(await attempt(t.database.url, sql)).toBe(
          `42501: permission denied for table ${table}`,
        );
    }
    // It reads them (the search, the verification).
    expect(await attempt(t.database.url, `SELECT count(*) FROM audit_events`)).toBe('ok');
    expect(await attempt(t.database.url, `SELECT count(*) FROM audit_checkpoints`)).toBe('ok');
  });

  it('cannot disable or drop the append-only trigger, nor alter the tables', async () => {
    expect(
      await attempt(
        t.database.url,
        `ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete`,
      ),
    ).toBe('42501: must be owner of table audit_events');
    expect(await attempt(t.database.url, `ALTER TABLE audit_events DISABLE TRIGGER ALL`)).toBe(
      '42501: must be owner of table audit_events',
    );
    expect(
      await attempt(
        t.database.url,
        `DROP TRIGGER audit_events_no_update_or_delete ON audit_events`,
      ),
    ).toBe('42501: must be owner of relation audit_events');
    expect(await attempt(t.database.url, `DROP TABLE audit_events`)).toBe(
      '42501: must be owner of table audit_events',
    );
    expect(
      await attempt(
        t.database.url,
        `CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
      ),
    ).toBe('42501: permission denied for schema public');
    // Nor make objects of its own in the schema (a function to shadow one of the trail's).
    expect(await attempt(t.database.url, `CREATE TABLE audit_shadow (seq bigint)`)).toBe(
      '42501: permission denied for schema public',
    );
  });

  it('cannot move the head except by appending through audit_append()', async () => {
    expect(
      await attempt(
        t.database.url,
        `UPDATE audit_chain_head SET seq = seq - 1, hash = repeat('0', 64)`,
      ),
    ).toBe('42501: permission denied for table audit_chain_head');
    expect(await attempt(t.database.url, `DELETE FROM audit_chain_head`)).toBe(
      '42501: permission denied for table audit_chain_head',
    );
    // Its three functions: the lock works; an append that does not follow the head is refused.
    expect(await attempt(t.database.url, `SELECT * FROM audit_lock_head()`)).toBe('ok');
    const [head] = await query<{ seq: string; hash: string }>(
      t.database.url,
      `SELECT seq, hash FROM audit_chain_head`,
    );
    const forged = (seq: number, prevHash: string) =>
      JSON.stringify([
        {
          seq,
          occurred_at: new Date().toISOString(),
          actor_type: 'SYSTEM',
          action: 'forged',
          details: {},
          prev_hash: prevHash,
          hash: 'f'.repeat(64),
        },
      ]);
    expect(
      await attempt(
        t.database.url,
        `SELECT audit_append('${forged(Number(head!.seq) + 2, head!.hash)}'::jsonb)`,
      ),
    ).toMatch(/^BDA02: audit append does not follow the chain head/);
    expect(
      await attempt(
        t.database.url,
        `SELECT audit_append('${forged(Number(head!.seq) + 1, 'a'.repeat(64))}'::jsonb)`,
      ),
    ).toMatch(/^BDA02: audit append does not follow the chain head/);
    expect(
      await attempt(
        t.database.url,
        `SELECT audit_add_checkpoint('{"no": 99, "seq": 1, "hash": "x", "at": "2026-01-01T00:00:00Z"}'::jsonb, 'sig')`,
      ),
    ).toMatch(/^BDA03: checkpoint 99 is not the next one/);
    // The owner's recovery is not the runtime role's to run.
    expect(await attempt(t.database.url, `SELECT * FROM audit_quarantine_strays()`)).toBe(
      '42501: permission denied for function audit_quarantine_strays',
    );
  });

  it('still records every audited action, through the functions', async () => {
    const before = await query<{ seq: string }>(t.database.url, `SELECT seq FROM audit_chain_head`);
    const staff = await createStaff(t.app, 'ADMIN');
    const after = await query<{ seq: string; hash: string }>(
      t.database.url,
      `SELECT h.seq, h.hash FROM audit_chain_head h`,
    );
    expect(Number(after[0]!.seq)).toBe(Number(before[0]!.seq) + 1);
    const [event] = await query<{ action: string; link_key_id: string | null }>(
      t.database.url,
      `SELECT action, link_key_id FROM audit_events WHERE seq = $1`,
      [after[0]!.seq],
    );
    expect(event!.action).toBe('staff.created');
    expect(event!.link_key_id).not.toBeNull();
    expect(after[0]!.hash.trim()).toHaveLength(64);
    expect(staff.role).toBe('ADMIN');
  });

  it('the grant step is idempotent and takes back what it should not have given', async () => {
    const { ownerUrl, url, adminUrl } = t.database;
    // As if an older set-up had granted the runtime role everything on the trail.
    await query(adminUrl, `GRANT ALL ON audit_events, audit_chain_head TO beian_app`);
    expect(await attempt(url, `DELETE FROM audit_chain_head`)).toBe('ok');
    expect(await grantRuntimeRole(ownerUrl, url)).toBe('beian_app');
    expect(await grantRuntimeRole(ownerUrl, url)).toBe('beian_app');
    expect(await attempt(url, `DELETE FROM audit_chain_head`)).toBe(
      '42501: permission denied for table audit_chain_head',
    );
    const privileges = await query<{ table_name: string; privileges: string }>(
      adminUrl,
      `SELECT c.relname AS table_name,
              string_agg(a.privilege_type, ',' ORDER BY a.privilege_type) AS privileges
         FROM pg_class c, aclexplode(c.relacl) a
        WHERE a.grantee = 'beian_app'::regrole
          AND c.relname IN ('audit_events', 'audit_chain_head', 'audit_checkpoints', 'audit_quarantine', 'schema_migrations', 'staff_members')
        GROUP BY c.relname ORDER BY c.relname`,
    );
    expect(privileges).toEqual([
      { table_name: 'audit_chain_head', privileges: 'SELECT' },
      { table_name: 'audit_checkpoints', privileges: 'SELECT' },
      { table_name: 'audit_events', privileges: 'SELECT' },
      { table_name: 'audit_quarantine', privileges: 'SELECT' },
      { table_name: 'schema_migrations', privileges: 'SELECT' },
      { table_name: 'staff_members', privileges: 'DELETE,INSERT,SELECT,TRUNCATE,UPDATE' },
    ]);
  });

  it('production refuses to start with a runtime role that owns the trail, saying what to set', async () => {
    const warnings: string[] = [];
    await expect(
      checkRuntimeRole(t.database.url, true, (line) => warnings.push(line)),
    ).resolves.toBe(undefined);
    await expect(checkRuntimeRole(t.database.ownerUrl, true, () => undefined)).rejects.toThrow(
      RuntimeRoleOwnsAuditTrailError,
    );
    await expect(checkRuntimeRole(t.database.ownerUrl, true, () => undefined)).rejects.toThrow(
      /DATABASE_URL's role "beian_owner" owns the audit trail \(audit_events\)[\s\S]*Set MIGRATION_DATABASE_URL/,
    );
    await expect(checkRuntimeRole(t.database.adminUrl, true, () => undefined)).rejects.toThrow(
      /is a superuser/,
    );
    // Outside production: a warning, and it starts.
    await checkRuntimeRole(t.database.ownerUrl, false, (line) => warnings.push(line));
    expect(warnings).toEqual([
      expect.stringMatching(/^Warning: DATABASE_URL's role "beian_owner" owns/),
    ]);
  });
});

/**
 * A row written by hand at head + 1 (the head untouched) used to make every audited action
 * fail with a duplicate key. Now the append refuses cleanly (503 in words, the reason
 * logged), /health names the trail, and the owner's `audit:quarantine-strays` moves the row
 * aside, recorded as an incident, after which the desk works again.
 */
describe('a row beyond the head of the trail', () => {
  let t: TestApp;
  let reviewer: TestStaff;
  let strayHash: string;
  let straySeq: number;

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    expect((await new WebSession(t.url).signIn(reviewer.email, reviewer.password)).status).toBe(
      303,
    );
    const [head] = await query<{ seq: string; hash: string }>(
      t.database.adminUrl,
      `SELECT seq, hash FROM audit_chain_head`,
    );
    straySeq = Number(head!.seq) + 1;
    strayHash = 'e'.repeat(64);
    // As a database superuser: a row at head + 1, the head left where it was.
    await query(
      t.database.adminUrl,
      `INSERT INTO audit_events (seq, occurred_at, actor_type, actor_name, action, details, prev_hash, hash)
       VALUES ($1, now(), 'STAFF', 'Forged Senior', 'request.approved', '{}', $2, $3)`,
      [straySeq, head!.hash, strayHash],
    );
  });
  afterAll(() => t?.close());

  it('signing in answers 503 with a page in words, not a 500', async () => {
    for (const [language, title, text] of [
      ['en', 'Unavailable', /^The audit trail needs attention/],
      ['zh-CN', '服务不可用', /^审计记录需要处理/],
    ] as const) {
      const visitor = new WebSession(t.url, language);
      const signIn = await visitor.signIn(reviewer.email, reviewer.password);
      expect(signIn.status).toBe(503);
      const page = errorPageOf(signIn.text);
      expect(page.title).toBe(title);
      expect(page.text).toMatch(text);
    }
  });

  it('the intake answers 503 problem+json in words', async () => {
    const response = await submitIntake(t.url, individualRequest(), individualDocuments());
    expect(response.status).toBe(503);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.text)).toMatchObject({
      status: 503,
      code: 'audit.trailNeedsAttention',
      detail: expect.stringMatching(/^The audit trail needs attention/),
    });
  });

  it('logs the reason: the rows beyond the head and what to run', () => {
    const line = t.logs.find((entry) => entry.msg === 'audit trail needs attention');
    expect(line).toBeDefined();
    expect(String(line!.reason)).toContain(
      `audit trail has unaccounted events; 1 row(s) lie beyond the chain head #${straySeq - 1} (#${straySeq})`,
    );
    expect(String(line!.reason)).toContain('audit:quarantine-strays');
    expect(t.logs.map((entry) => entry.msg)).not.toContain('request failed');
  });

  it('/health answers 503 with the audit trail down and why', async () => {
    const health = await request(t.url).get('/health');
    expect(health.status).toBe(503);
    expect(health.body.details.database.status).toBe('up');
    expect(health.body.details.auditTrail).toEqual({
      status: 'down',
      message: expect.stringContaining(
        `1 row(s) lie beyond the audit trail's head #${straySeq - 1} (from #${straySeq})`,
      ),
    });
  });

  it('the owner moves the row aside with audit:quarantine-strays, recorded as an incident', async () => {
    const lines: string[] = [];
    const env: Record<string, string> = {
      DATABASE_URL: t.database.url,
      MIGRATION_DATABASE_URL: t.database.ownerUrl,
      REDIS_URL: testServices().redisUrl,
      SESSION_SECRET: t.config.SESSION_SECRET,
      INTAKE_TOKENS: 'cli:cli-token-000000000000',
      DOCUMENT_DIR: t.config.DOCUMENT_DIR,
      EXPORT_DIR: t.config.EXPORT_DIR,
      DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
      PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
    };
    for (const [key, value] of Object.entries(t.config))
      if (key.startsWith('AUDIT_') && (typeof value === 'string' || typeof value === 'number'))
        env[key] = String(value);
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    expect(await runCli(['audit:quarantine-strays'], env, output)).toBe(0);
    expect(lines.join('\n')).toContain(
      `Moved 1 row(s) beyond the head into audit_quarantine: #${straySeq} (${strayHash})`,
    );

    const quarantined = await query<{ seq: string; action: string; actor_name: string }>(
      t.database.url,
      `SELECT seq, action, actor_name FROM audit_quarantine`,
    );
    expect(quarantined).toEqual([
      { seq: String(straySeq), action: 'request.approved', actor_name: 'Forged Senior' },
    ]);
    const [incident] = await query<{
      seq: string;
      action: string;
      details: Record<string, unknown>;
    }>(
      t.database.url,
      `SELECT e.seq, e.action, e.details FROM audit_events e JOIN audit_chain_head h ON e.seq = h.seq`,
    );
    expect(incident).toEqual({
      seq: String(straySeq),
      action: 'audit.strays_quarantined',
      details: { count: 1, seqs: [straySeq], hashes: [strayHash] },
    });
    // Run again: nothing left to move.
    lines.length = 0;
    expect(await runCli(['audit:quarantine-strays'], env, output)).toBe(0);
    expect(lines).toEqual(['No rows lie beyond the audit trail head: nothing to move.']);
  });

  it('then the desk works again: sign-in, the intake, /health', async () => {
    const visitor = new WebSession(t.url);
    expect((await visitor.signIn(reviewer.email, reviewer.password)).status).toBe(303);
    expect((await visitor.page('/queue')).status).toBe(200);
    expect((await submitIntake(t.url, individualRequest(), individualDocuments())).status).toBe(
      201,
    );
    const health = await request(t.url).get('/health');
    expect(health.status).toBe(200);
    expect(health.body.details.auditTrail.status).toBe('up');
  });

  it('the trail shows the incident in words', async () => {
    const auditor = await createStaff(t.app, 'AUDITOR');
    const session = new WebSession(t.url);
    expect((await session.signIn(auditor.email, auditor.password)).status).toBe(303);
    const trail = await session.page('/audit?action=audit.strays_quarantined');
    expect(trail.status).toBe(200);
    expect(trail.text).toContain(
      `moved 1 record the desk did not write (#${straySeq}) out of the audit trail into quarantine`,
    );
  });
});

/**
 * The demo's `.data/` made before the roles were split: its database and every table belong
 * to the server's superuser. The embedded default hands them over to the owner role, after
 * which the migrations run as the owner and the runtime role gets its grants.
 */
describe('a database made before the roles were split', () => {
  const name = `beian_legacy_${Date.now()}`;
  const { adminUrl } = testServices();
  const urls = databaseUrls(name);

  afterAll(async () => {
    await query(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });

  it('is handed over to the owner; then the runtime role works and owns nothing', async () => {
    await query(adminUrl, `CREATE DATABASE "${name}"`);
    // As before: every migration up to the split applied as the superuser.
    const before = MIGRATIONS.findIndex(
      (migration) => migration.name === 'AuditLeastPrivilege1765756800000',
    );
    await runMigrations(urls.adminUrl);
    await revertMigrations(urls.adminUrl, MIGRATIONS.length - before);
    await ensureDeskDatabase(adminUrl, name);
    const owners = await query<{ owner: string; objects: number }>(
      urls.adminUrl,
      `SELECT pg_get_userbyid(relowner) AS owner, count(*)::int AS objects FROM pg_class
        WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S') GROUP BY 1`,
    );
    expect(owners.map((row) => row.owner)).toEqual(['beian_owner']);
    expect(await prepareDatabase({ ownerUrl: urls.ownerUrl, runtimeUrl: urls.url })).toEqual(
      MIGRATIONS.slice(before).map((migration) => migration.name),
    );
    expect(await runtimeRoleOwnsAuditTrail(urls.url)).toBeNull();
    expect(await attempt(urls.url, `DELETE FROM audit_chain_head`)).toBe(
      '42501: permission denied for table audit_chain_head',
    );
    expect(await attempt(urls.url, `SELECT * FROM audit_lock_head()`)).toBe('ok');
    expect(await attempt(urls.url, `DELETE FROM staff_sessions`)).toBe('ok');
  });
});
