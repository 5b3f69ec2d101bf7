import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import {
  checkpointHash,
  GENESIS_HASH,
  publicKeyFingerprint,
  verifyCheckpointSignature,
  type SignedCheckpoint,
} from '@lib/audit-trail';
import pg from 'pg';
import { runCli } from '../../src/cli/run-cli.js';
import { AuditCheckpoints } from '../../src/audit/infrastructure/checkpoints/audit-checkpoints.js';
import { trailName } from '../../src/audit/infrastructure/checkpoints/checkpoint-copies.js';
import { RunFullVerificationCommand } from '../../src/audit/application/commands/run-full-verification/run-full-verification.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { auditKeyEnv, s3StoreEnv, testsUseS3 } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';
import { decodeEntities } from '../support/audit-fixtures.js';

/**
 * Issue 18, the app's side: the switch to keyed links, signed checkpoints copied outside
 * the database, the quick and the full verification, and the public key.
 */
describe('keyed links, signed checkpoints and their verification', () => {
  let t: TestApp;
  let auditor: TestStaff;
  let session: WebSession;
  let admin: pg.Client;

  const cliEnv = () => ({
    DATABASE_URL: t.database.url,
    MIGRATION_DATABASE_URL: t.database.ownerUrl,
    REDIS_URL: t.config.REDIS_URL,
    SESSION_SECRET: t.config.SESSION_SECRET,
    INTAKE_TOKENS: 'cli:cli-token-000000000000',
    DOCUMENT_DIR: t.config.DOCUMENT_DIR,
    EXPORT_DIR: t.config.EXPORT_DIR,
    DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
    PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
    ...(testsUseS3() ? s3StoreEnv() : {}),
    ...auditKeyEnv(),
  });
  const cli = async (...args: string[]): Promise<{ code: number; out: string; err: string }> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, cliEnv(), {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
    });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const checkpointsInDb = async (): Promise<SignedCheckpoint[]> => {
    const { rows } = await admin.query(`SELECT body, signature FROM audit_checkpoints ORDER BY no`);
    return rows.map((row) => ({ body: row.body, signature: row.signature }));
  };
  /** The outside copy on disk (EXPORT_DIR), or null. */
  const outsideCopyFile = (no: number): string =>
    path.join(
      t.config.EXPORT_DIR,
      'checkpoints',
      trailName(t.config.DATABASE_URL),
      `${String(no).padStart(8, '0')}.json`,
    );
  /** What an intruder with the database's superuser password does. */
  const asSuperuser = async (sql: string, parameters: unknown[] = []): Promise<void> => {
    await admin.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
    try {
      await admin.query(sql, parameters);
    } finally {
      await admin.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    }
  };
  const waitForFullRun = async (): Promise<{ status: string; failure: unknown }> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { rows } = await admin.query(
        `SELECT status, failure FROM audit_verification_runs WHERE kind = 'full' ORDER BY started_at DESC LIMIT 1`,
      );
      if (rows[0] && rows[0].status !== 'running') return rows[0];
      if (Date.now() > deadline)
        throw new Error(`the full verification did not finish: ${JSON.stringify(rows[0])}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    admin = new pg.Client({ connectionString: t.database.adminUrl });
    await admin.connect();
    auditor = await createStaff(t.app, 'AUDITOR', 'Guo Wei');
    for (let index = 0; index < 4; index += 1) await createStaff(t.app, 'REVIEWER');
    session = await signedIn(t.url, auditor.email, auditor.password);
  });
  afterAll(async () => {
    await admin?.end();
    await t?.close();
  });

  it('switches a new trail to keyed links at its first event and signs checkpoint #1 there, copied outside the database', async () => {
    const { rows } = await admin.query(
      `SELECT seq, action, link_key_id, details FROM audit_events ORDER BY seq LIMIT 2`,
    );
    expect(rows[0]).toMatchObject({
      seq: '1',
      action: 'audit.keyed_links_started',
      link_key_id: 'test-1',
    });
    expect(rows[1]).toMatchObject({ seq: '2', link_key_id: 'test-1' });
    const [first] = await checkpointsInDb();
    expect(first!.body).toMatchObject({ no: 1, seq: 1, keyedFrom: 1, prev: GENESIS_HASH });
    expect(rows[0].details).toEqual({ linkKeyId: 'test-1', signer: first!.body.signer });

    const copy = JSON.parse(await readFile(outsideCopyFile(1), 'utf8')) as SignedCheckpoint;
    expect(copy).toEqual(first);
    const logged = t.logs.find(
      (line) =>
        line.msg === 'audit checkpoint' &&
        (line.checkpoint as { no?: number } | undefined)?.no === 1,
    );
    expect(logged).toBeDefined();

    const trail = await session.page('/audit?action=audit.keyed_links_started');
    expect(decodeEntities(trail.text)).toContain(
      'switched the audit trail to keyed links (link key test-1)',
    );
  });

  it('prints the public key and its fingerprint, which verify the checkpoints and which the page shows', async () => {
    const printed = await cli('audit:public-key');
    expect(printed.code).toBe(0);
    const pem = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(printed.out)![0];
    const key = createPublicKey(pem);
    const fingerprint = publicKeyFingerprint(key);
    expect(printed.out).toContain(`Fingerprint: ${fingerprint}`);

    const [first] = await checkpointsInDb();
    expect(first!.body.signer).toBe(fingerprint);
    expect(verifyCheckpointSignature(first!, new Map([[fingerprint, key]]))).toMatchObject({
      ok: true,
    });

    const page = decodeEntities((await session.page('/audit/verify')).text);
    expect(page).toContain(`<code data-fingerprint translate="no">${fingerprint}</code>`);
    expect(page).toContain(pem);
  });

  it('signs a checkpoint on demand at the head, chained to the one before, and copies it outside', async () => {
    await createStaff(t.app, 'REVIEWER');
    const made = await t.app.get(AuditCheckpoints).checkpointNow();
    const stored = await checkpointsInDb();
    const { rows } = await admin.query(`SELECT seq, hash FROM audit_chain_head`);
    expect(made.body).toMatchObject({
      no: stored.length,
      seq: Number(rows[0].seq),
      hash: rows[0].hash.trim(),
      keyedFrom: 1,
      prev: checkpointHash(stored[stored.length - 2]!.body),
      linkKeyIds: ['test-1'],
    });
    expect(stored[stored.length - 1]).toEqual(made);
    expect(JSON.parse(await readFile(outsideCopyFile(made.body.no), 'utf8'))).toEqual(made);
    // Nothing new since: asking again gives the same checkpoint, not another one.
    expect((await t.app.get(AuditCheckpoints).checkpointNow()).body.no).toBe(made.body.no);
  });

  it('the checkpoint job waits for AUDIT_CHECKPOINT_MINUTES, and copies outside a checkpoint whose copy went missing', async () => {
    const checkpoints = t.app.get(AuditCheckpoints);
    const before = (await checkpointsInDb()).length;
    await createStaff(t.app, 'REVIEWER');
    await rm(outsideCopyFile(1));
    expect(await checkpoints.periodic(60)).toBeNull();
    expect(existsSync(outsideCopyFile(1))).toBe(true);
    expect((await checkpointsInDb()).length).toBe(before);
    // With a period shorter than the last checkpoint's age (60 ms here), it signs one at the
    // head; asked again at once, it signs none.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const later = await checkpoints.periodic(0.001);
    expect(later?.body.no).toBe(before + 1);
    expect(await checkpoints.periodic(0.001)).toBeNull();
  });

  it('runs a full verification from the page in the background, shows its result, and then checks quickly from its checkpoint', async () => {
    const page = await session.page('/audit/verify');
    expect(page.text).toContain('No full verification has run yet.');
    const started = await session.submit('/audit/verify/full');
    expect(started.status).toBe(303);
    expect(started.headers.location).toBe('/audit/verify?full=started');
    expect(await waitForFullRun()).toMatchObject({ status: 'passed', failure: null });

    const after = decodeEntities((await session.page('/audit/verify')).text);
    expect(after).toMatch(
      /The last full verification passed: \d+ events verified, up to checkpoint #\d+\./,
    );
    expect(after).toMatch(
      /Checked from checkpoint #\d+ \(event #\d+\), which the last passed full verification verified/,
    );
    expect(after).toContain('Asked by Guo Wei');
    const { rows } = await admin.query(
      `SELECT details FROM audit_events WHERE action = 'audit.verified' AND details->>'mode' = 'full'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toMatchObject({ ok: true, mode: 'full' });

    const chinese = await signedIn(t.url, auditor.email, auditor.password, 'zh-CN');
    const zh = (await chinese.page('/audit/verify')).text;
    expect(zh).toMatch(/上次完整校验通过：已校验 \d+ 条事件，直至第 \d+ 号检查点。/);
    expect(zh).toContain('审计日志完整');
  });

  it('a change to an event before the quick check’s checkpoint is left to the full verification, which names it (page and CLI)', async () => {
    const { rows } = await admin.query(
      `SELECT seq, details FROM audit_events WHERE action = 'staff.created' ORDER BY seq LIMIT 1`,
    );
    const target = Number(rows[0].seq);
    const original = rows[0].details;
    await asSuperuser(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [
      target,
      { ...original, role: 'ADMIN' },
    ]);
    try {
      // The quick check starts at the last full run's checkpoint, after the edited event.
      const quick = await cli('audit:verify');
      expect(quick.code).toBe(0);
      expect(quick.out).toMatch(/Quick check: \d+ events verified from checkpoint #\d+/);

      const full = await cli('audit:verify', '--full');
      expect(full.code).toBe(1);
      expect(full.err).toContain(
        `Full verification: the audit trail fails at event #${target} (changed)`,
      );
      expect(full.err).toContain(`Event #${target} was changed after it was written`);
      expect(full.err).toMatch(/Full verification: [\d,]+ of [\d,]+ events checked/);

      const page = decodeEntities((await session.page('/audit/verify')).text);
      expect(page).toContain('The last full verification failed:');
      expect(page).toContain(`Event #${target} was changed after it was written`);
      const { rows: runs } = await admin.query(
        `SELECT status, failure FROM audit_verification_runs ORDER BY started_at DESC LIMIT 1`,
      );
      expect(runs[0]).toMatchObject({
        status: 'failed',
        failure: { kind: 'changed', event: target },
      });
    } finally {
      await asSuperuser(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [target, original]);
    }
    expect((await cli('audit:verify', '--full')).code).toBe(0);
  });

  it('refuses a second full verification while one is running (the database lets one through, whatever the instance)', async () => {
    const bus = t.app.get(CommandBus);
    const first = bus.execute(new RunFullVerificationCommand(systemActor('test'), { wait: true }));
    const second = await bus.execute(
      new RunFullVerificationCommand(systemActor('test'), { wait: true }),
    );
    const done = await first;
    expect([done.started, second.started].sort()).toEqual([false, true]);
  });

  it('does not start with unusable keys, and says every problem; nor in production without them', async () => {
    const bad = path.join(path.dirname(t.config.EXPORT_DIR), `bad-keyring-${Date.now()}`);
    await writeFile(bad, 'k1:not-a-key\n');
    const lines: string[] = [];
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const code = await runCli(
      ['audit:verify'],
      { ...cliEnv(), AUDIT_LINK_KEYS_FILE: bad, AUDIT_SIGNING_KEY_FILE: bad },
      output,
    );
    expect(code).toBe(1);
    const said = lines.join('\n');
    expect(said).toContain("the audit trail's keys are unusable");
    expect(said).toContain('line 1: the secret is not valid base64');
    expect(said).toContain('is not a PKCS#8 PEM private key');
    await rm(bad);

    lines.length = 0;
    const { AUDIT_LINK_KEYS_FILE: _keys, AUDIT_SIGNING_KEY_FILE: _signing, ...without } = cliEnv();
    expect(await runCli(['audit:verify'], without, output)).toBe(1);
    expect(lines.join('\n')).toMatch(
      /AUDIT_LINK_KEYS_FILE is required when NODE_ENV is production/,
    );
    expect(lines.join('\n')).toMatch(
      /AUDIT_SIGNING_KEY_FILE is required when NODE_ENV is production/,
    );
  });

  it('names a checkpoint deleted from the database by its copy outside', async () => {
    const stored = await checkpointsInDb();
    const last = stored[stored.length - 1]!;
    await admin.query(`DELETE FROM audit_checkpoints WHERE no = $1`, [last.body.no]);
    const full = await cli('audit:verify', '--full');
    expect(full.code).toBe(1);
    expect(full.err).toContain(`fails at checkpoint #${last.body.no} (checkpoint-deleted)`);
    expect(full.err).toContain(
      `Checkpoint #${last.body.no} was deleted from the database: its copy outside the database remains.`,
    );
  });
});
