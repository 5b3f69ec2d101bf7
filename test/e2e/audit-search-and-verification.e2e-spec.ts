import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import pg from 'pg';
import { runCli } from '../../src/cli/run-cli.js';
import { runMigrations } from '../../src/shared/infrastructure/database/migrate.js';
import { appendAuditEvents, decodeEntities } from '../support/audit-fixtures.js';
import { insertRequest } from '../support/request-fixtures.js';
import { auditKeyEnv, testServices, withDatabase } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  type TestApp,
  type TestStaff,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const ID_NUMBER = '11010519491231002X';

/** The sequence numbers of the events a page of /audit shows, in order. */
const seqsOn = (html: string): number[] =>
  [...html.matchAll(/<tr id="event-(\d+)" data-seq/g)].map((match) => Number(match[1]));

describe('searching the audit trail', () => {
  let t: TestApp;
  let auditor: TestStaff;
  let session: WebSession;
  const run = randomBytes(3).toString('hex');
  const reviewerName = `Wang Fang ${run}`;
  const reference = `AUD-${run}`;
  let requestId: string;

  beforeAll(async () => {
    t = await startTestApp();
    auditor = await createStaff(t.app, 'AUDITOR');
    requestId = await insertRequest(t.dataSource, {
      reference,
      receivedAt: new Date('2026-02-02T02:00:00Z'),
      filingNumber: `浙ICP备${run.replace(/\D/g, '1').padEnd(8, '7').slice(0, 8)}号`,
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 1, 3, 2, minute));
    const staff = {
      actorType: 'STAFF',
      actorId: randomUUID(),
      actorRole: 'REVIEWER',
      ip: '10.0.0.8',
    };
    await appendAuditEvents(t.dataSource, [
      {
        ...staff,
        occurredAt: at(0),
        actorName: reviewerName,
        action: 'request.claimed',
        requestId,
        subjectId: null,
        details: { assigneeId: staff.actorId, assigneeName: reviewerName },
      },
      {
        ...staff,
        occurredAt: at(5),
        actorName: reviewerName,
        action: 'request.approved',
        requestId,
        subjectId: null,
        details: { awaitingSecondApproval: true, why: ['organization'] },
      },
      {
        ...staff,
        occurredAt: at(9),
        actorName: reviewerName,
        action: 'request.rejected',
        requestId,
        subjectId: null,
        details: {
          reasons: ['INFO_MISMATCH'],
          message: `The ID ${ID_NUMBER} does not match`,
          applicantIdNumber: ID_NUMBER,
          applicantPhone: '13812345678',
        },
      },
      // 120 more, for the pages.
      ...Array.from({ length: 120 }, (_, index) => ({
        ...staff,
        occurredAt: new Date(Date.UTC(2026, 1, 4, 2, 0, index)),
        actorName: reviewerName,
        action: 'request.released',
        requestId: null,
        subjectId: null,
        details: { index },
      })),
    ]);
    session = await signedIn(t.url, auditor.email, auditor.password);
  });
  afterAll(() => t.close());

  it('shows each event in words, with its details and personal data masked', async () => {
    const page = await session.page(`/audit?requestReference=${reference}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`${reviewerName} approved — awaiting second approval`);
    expect(page.text).toContain(`${reviewerName} claimed the request`);
    expect(page.text).toContain(
      `${reviewerName} rejected the request: The information does not match the filing record`,
    );
    expect(page.text).toContain('110***********002X');
    expect(page.text).toContain('138****5678');
    expect(page.text).not.toContain(ID_NUMBER);
    expect(page.text).not.toContain('13812345678');
    expect(seqsOn(page.text)).toHaveLength(3);
    expect(page.text).toContain(`>${reference}</a>`);
  });

  it('speaks Chinese to an auditor whose browser asks for it', async () => {
    const chinese = await signedIn(t.url, auditor.email, auditor.password, 'zh-CN');
    const page = await chinese.page(`/audit?requestReference=${reference}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toContain('<h1>审计日志</h1>');
    expect(page.text).toContain(`${reviewerName} 认领了该申请`);
    expect(page.text).toContain(`${reviewerName} 审核通过，待复核`);
    expect(page.text).toContain(`${reviewerName} 驳回了该申请：填写信息与备案信息不符`);
    expect(page.text).toContain(
      '<dt>申请人身份证号码</dt><dd translate="no">110***********002X</dd>',
    );
    expect(page.text).toContain('<span class="badge badge-neutral">认领</span>');
    expect(page.text).not.toContain('claimed the request');
    const badDate = await chinese.page(`/audit?from=yesterday`);
    expect(badDate.text).toContain('“yesterday”不是日期（yyyy-mm-dd），已忽略。');
  });

  it('filters by action, by actor, by the request’s filing number and by day', async () => {
    const byAction = await session.page(
      `/audit?actor=${encodeURIComponent(reviewerName)}&action=request.approved`,
    );
    expect(seqsOn(byAction.text)).toHaveLength(1);
    const byFamily = await session.page(
      `/audit?actor=${encodeURIComponent(reviewerName)}&action=request.&to=2026-02-03`,
    );
    expect(seqsOn(byFamily.text)).toHaveLength(3);
    const [row] = await t.dataSource.query(
      `SELECT filing_number FROM initialization_requests WHERE id = $1`,
      [requestId],
    );
    const bySubject = await session.page(`/audit?subject=${encodeURIComponent(row.filing_number)}`);
    expect(seqsOn(bySubject.text)).toHaveLength(3);
    const byDay = await session.page(
      `/audit?actor=${encodeURIComponent(reviewerName)}&from=2026-02-04&to=2026-02-04`,
    );
    expect(seqsOn(byDay.text)).toHaveLength(50);
    const nothing = await session.page(
      `/audit?actor=${encodeURIComponent(reviewerName)}&from=2026-02-05`,
    );
    expect(nothing.text).toContain('No events match this search.');
    const badDate = await session.page(
      `/audit?actor=${encodeURIComponent(reviewerName)}&from=yesterday`,
    );
    expect(badDate.text).toContain('“yesterday” is not a date (yyyy-mm-dd), so it was ignored.');
  });

  it('finds a registry subject’s events by its filing number or a website’s, with no request at all', async () => {
    const digits = (seed: number) => `${seed}${run.replace(/\D/g, '3')}`.padEnd(8, '5').slice(0, 8);
    const subjectOf = async (seed: number) => {
      const id = randomUUID();
      const number = `苏ICP备${digits(seed)}号`;
      await t.dataSource.query(
        `INSERT INTO filing_subjects (id, type, name, credential_number, province, filing_number, account_email)
         VALUES ($1, 'ORGANIZATION', '苏州示例科技有限公司', '91320500MA1X2Y3Z4A', '苏', $2, $3)`,
        [id, number, `old-${seed}-${run}@example.cn`],
      );
      await t.dataSource.query(
        `INSERT INTO filing_websites (subject_id, filing_number, domain) VALUES ($1, $2, $3)`,
        [id, `${number}-2`, `www-${seed}-${run}.example.cn`],
      );
      return { id, number };
    };
    const [imported, other] = [await subjectOf(7), await subjectOf(8)];
    const system = { actorType: 'SYSTEM', actorId: null, actorRole: null, ip: null };
    const at = (minute: number) => new Date(Date.UTC(2026, 1, 6, 2, minute));
    await appendAuditEvents(t.dataSource, [
      {
        ...system,
        occurredAt: at(0),
        actorName: 'registry import',
        action: 'registry.imported',
        requestId: null,
        subjectId: imported.id,
        details: { filingNumber: imported.number },
      },
      {
        ...system,
        occurredAt: at(1),
        actorName: 'registry import',
        action: 'registry.account_email_replaced',
        requestId: null,
        subjectId: imported.id,
        details: { filingNumber: imported.number },
      },
      {
        ...system,
        occurredAt: at(2),
        actorName: 'registry import',
        action: 'registry.imported',
        requestId: null,
        subjectId: other.id,
        details: { filingNumber: other.number },
      },
    ]);
    const expected: { seq: string }[] = await t.dataSource.query(
      `SELECT seq FROM audit_events WHERE subject_id = $1 ORDER BY seq DESC`,
      [imported.id],
    );
    expect(expected).toHaveLength(2);
    for (const number of [imported.number, `${imported.number}-2`]) {
      const page = await session.page(`/audit?subject=${encodeURIComponent(number)}`);
      expect(seqsOn(page.text)).toEqual(expected.map((event) => Number(event.seq)));
    }
    // The request-side branch still answers for a filing number only a request names.
    const [row] = await t.dataSource.query(
      `SELECT filing_number FROM initialization_requests WHERE id = $1`,
      [requestId],
    );
    const requestOnly = await session.page(
      `/audit?subject=${encodeURIComponent(row.filing_number)}`,
    );
    expect(seqsOn(requestOnly.text)).toHaveLength(3);
  });

  it('pages through the results with keyset links, newest first', async () => {
    const actor = `actor=${encodeURIComponent(reviewerName)}`;
    const all: { seq: string }[] = await t.dataSource.query(
      `SELECT seq FROM audit_events WHERE actor_name = $1 ORDER BY seq DESC`,
      [reviewerName],
    );
    const expected = all.map((event) => Number(event.seq));
    expect(expected).toHaveLength(123);

    const first = await session.page(`/audit?${actor}`);
    expect(seqsOn(first.text)).toEqual(expected.slice(0, 50));
    expect(first.text).not.toContain('Newer events');
    const older = decodeEntities(/href="([^"]+)" rel="next"/.exec(first.text)![1]!);
    expect(older).toContain(`before=${expected[49]}`);

    const second = await session.page(older);
    expect(seqsOn(second.text)).toEqual(expected.slice(50, 100));
    const third = await session.page(
      decodeEntities(/href="([^"]+)" rel="next"/.exec(second.text)![1]!),
    );
    expect(seqsOn(third.text)).toEqual(expected.slice(100));
    expect(third.text).not.toContain('Older events');

    const back = await session.page(
      decodeEntities(/href="([^"]+)" rel="prev"/.exec(third.text)![1]!),
    );
    expect(seqsOn(back.text)).toEqual(expected.slice(50, 100));
  });
});

describe('verifying the audit trail', () => {
  const { adminUrl, redisUrl } = testServices();
  const database = `beian_verify_${Date.now()}_${randomBytes(2).toString('hex')}`;
  const url = withDatabase(adminUrl, database);
  // Its own Redis database too, so no other test's worker ever sees this app's jobs.
  const isolatedRedis = Object.assign(new URL(redisUrl), { pathname: '/7' }).toString();
  let t: TestApp;
  let auditor: TestStaff;
  let session: WebSession;
  let db: pg.Client;

  const cliEnv = () => ({
    DATABASE_URL: url,
    REDIS_URL: isolatedRedis,
    SESSION_SECRET: t.config.SESSION_SECRET,
    INTAKE_TOKENS: 'cli:cli-token-000000000000',
    DOCUMENT_DIR: t.config.DOCUMENT_DIR,
    EXPORT_DIR: t.config.EXPORT_DIR,
    DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
    ...auditKeyEnv(),
    // Required in production (the CLI's default), as every mail link is absolute.
    PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
  });
  const cli = async (): Promise<{ code: number; out: string }> => {
    const lines: string[] = [];
    const code = await runCli(['audit:verify'], cliEnv(), {
      out: (line) => lines.push(line),
      err: (line) => lines.push(line),
    });
    return { code, out: lines.join('\n') };
  };
  const head = async (): Promise<{ seq: number; hash: string }> => {
    const { rows } = await db.query(`SELECT seq, hash FROM audit_chain_head`);
    return { seq: Number(rows[0].seq), hash: rows[0].hash };
  };
  /** What an intruder with the database's superuser password does. */
  const asSuperuser = async (sql: string, parameters: unknown[]): Promise<void> => {
    await db.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete');
    try {
      await db.query(sql, parameters);
    } finally {
      await db.query('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete');
    }
  };

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${database}"`);
    await admin.end();
    await runMigrations(url);
    t = await startTestApp({ env: { DATABASE_URL: url, REDIS_URL: isolatedRedis } });
    db = new pg.Client({ connectionString: url });
    await db.connect();
    auditor = await createStaff(t.app, 'AUDITOR', 'Chen Jing');
    for (let index = 0; index < 5; index += 1) await createStaff(t.app, 'REVIEWER');
    session = await signedIn(t.url, auditor.email, auditor.password);
  });
  afterAll(async () => {
    await db?.end();
    await t?.close();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
  });

  it('shows the chain head and its time on the audit page', async () => {
    const { rows } = await db.query(`SELECT seq, hash, updated_at FROM audit_chain_head`);
    const page = await session.page('/audit');
    expect(page.text).toContain(`event #${rows[0].seq}`);
    expect(page.text).toContain(rows[0].hash);
    expect(page.text).toContain(
      `datetime="${DateTime.fromJSDate(new Date(rows[0].updated_at), { zone: 'Asia/Shanghai' }).toISO()}"`,
    );
  });

  it('reports a trail that holds with its event count and head, and records the verification', async () => {
    const before = await head();
    const page = await session.page('/audit/verify');
    expect(page.status).toBe(200);
    expect(page.text).toContain('The audit trail holds');
    expect(page.text).toContain(
      `${before.seq} events checked; the trail passes through the signed checkpoints and ends at event #${before.seq}, its recorded head.</strong> <code class="hash">${before.hash}</code>`,
    );
    // No full verification has passed yet: the quick check read every event.
    expect(page.text).toContain('every event was checked from the first');
    const { rows } = await db.query(
      `SELECT actor_name, details FROM audit_events WHERE action = 'audit.verified' ORDER BY seq DESC LIMIT 1`,
    );
    expect(rows[0]).toEqual({
      actor_name: 'Chen Jing',
      details: {
        ok: true,
        mode: 'incremental',
        verified: before.seq,
        headSeq: before.seq,
        headHash: before.hash,
        fromCheckpoint: null,
        lastCheckpoint: 1,
      },
    });
    const audit = await session.page('/audit?action=audit.verified');
    expect(audit.text).toContain(
      `Chen Jing verified the audit trail (quick check): ${before.seq} events intact`,
    );

    const now = await head();
    const fromCli = await cli();
    expect(fromCli.code).toBe(0);
    expect(fromCli.out).toContain(
      `Quick check: ${now.seq} events verified from the first event, chain head #${now.seq} ${now.hash}`,
    );
  });

  it('names the event whose details were edited in the table, on the page and on the command line', async () => {
    const { rows } = await db.query(
      `SELECT seq, details FROM audit_events WHERE action = 'staff.created' ORDER BY seq LIMIT 1 OFFSET 2`,
    );
    const target = Number(rows[0].seq);
    const original = rows[0].details;
    await asSuperuser(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [
      target,
      { ...original, role: 'ADMIN' },
    ]);

    const page = await session.page('/audit/verify');
    expect(page.text).toContain(`The audit trail fails at event #${target}`);
    expect(page.text).toContain(`Event #${target} was changed after it was written`);
    expect(page.text).toContain(`${target - 1} events before it verified.`);
    const { rows: recorded } = await db.query(
      `SELECT details FROM audit_events WHERE action = 'audit.verified' ORDER BY seq DESC LIMIT 1`,
    );
    expect(recorded[0].details).toMatchObject({ ok: false, brokenAt: target, kind: 'changed' });

    const fromCli = await cli();
    expect(fromCli.code).toBe(1);
    expect(fromCli.out).toContain(`the audit trail fails at event #${target} (changed)`);

    // Put back exactly what was there, and the trail holds again.
    await asSuperuser(`UPDATE audit_events SET details = $2 WHERE seq = $1`, [target, original]);
    expect((await session.page('/audit/verify')).text).toContain('The audit trail holds');
  });

  it('names the missing event when one was deleted with the trigger disabled', async () => {
    const { rows } = await db.query(
      `SELECT seq FROM audit_events WHERE action = 'staff.created' ORDER BY seq LIMIT 1 OFFSET 3`,
    );
    const target = Number(rows[0].seq);
    await asSuperuser(`DELETE FROM audit_events WHERE seq = $1`, [target]);

    const page = await session.page('/audit/verify');
    expect(page.text).toContain(`The audit trail fails at event #${target}`);
    expect(page.text).toContain(`Event #${target} is missing: the trail jumps over it.`);

    const fromCli = await cli();
    expect(fromCli.code).toBe(1);
    expect(fromCli.out).toContain(`the audit trail fails at event #${target} (missing)`);

    const chinese = await signedIn(t.url, auditor.email, auditor.password, 'zh-CN');
    const zhPage = await chinese.page('/audit/verify');
    expect(zhPage.text).toContain(`<h3>审计日志在第 ${target} 条事件处未通过校验</h3>`);
    expect(zhPage.text).toContain(`第 ${target} 条事件缺失：日志在此处跳过了它。`);
    expect(zhPage.text).toContain(`此前的 ${target - 1} 条事件校验通过。`);
    const trail = await chinese.page('/audit?action=audit.verified');
    expect(trail.text).toContain(
      `Chen Jing 校验了审计日志（快速校验）：第 ${target} 条事件缺失：日志在此处跳过了它。`,
    );
  });
});
