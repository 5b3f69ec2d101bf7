import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { SessionData } from 'express-session';
import type pg from 'pg';
import request from 'supertest';
import { runCli } from '../../src/cli/run-cli.js';
import {
  createStaff,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestStaff,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
} from '../support/test-app.js';
import { DeactivateStaffMemberCommand } from '../../src/identity/application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { StaffSessionStore } from '../../src/shared/interface/http/session-store.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { auditKeyEnv, testServices } from '../support/services.js';
import { signedIn, WebSession } from '../support/web-session.js';

describe('staff sign-in and access', () => {
  let t: TestApp;
  let reviewer: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;

  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3' } });
    [reviewer, auditor, admin] = await Promise.all([
      createStaff(t.app, 'REVIEWER'),
      createStaff(t.app, 'AUDITOR'),
      createStaff(t.app, 'ADMIN'),
    ]);
  });
  afterAll(() => t.close());

  const auditActions = async (email: string): Promise<string[]> => {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE details->>'email' = $1 AND action LIKE 'staff.sign%' ORDER BY seq`,
      [email],
    );
    return rows.map((row) => row.action);
  };

  it('redirects an unauthenticated page request to /login', async () => {
    const response = await request(t.url).get('/queue');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/login?next=%2Fqueue');
  });

  it('signs a reviewer in, landing on the queue with their name and role shown', async () => {
    const session = new WebSession(t.url);
    const response = await session.signIn(reviewer.email, reviewer.password);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/queue');
    const queue = await session.page('/queue');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain(reviewer.name);
    expect(queue.text).toContain('Reviewer');
    expect(await auditActions(reviewer.email)).toContain('staff.signed_in');
  });

  it('gives the session a new id at sign-in', async () => {
    const session = new WebSession(t.url);
    await session.page('/login');
    const before = session.cookieValue();
    expect(before).toBeDefined();
    await session.signIn(auditor.email, auditor.password);
    const after = session.cookieValue();
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
  });

  it('sets the session cookie HttpOnly and SameSite=Lax', async () => {
    const response = await request(t.url).get('/login');
    const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0] ?? '';
    expect(cookie).toMatch(/^beian\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // The idle timeout: the cookie lives SESSION_IDLE_MINUTES (30) and every request renews it.
    const expires = new Date(/Expires=([^;]+)/.exec(cookie)![1]!).getTime();
    expect(Math.abs(expires - (Date.now() + 30 * 60_000))).toBeLessThan(5_000);
  });

  it('ends a session after the absolute lifetime, whatever the activity', async () => {
    const short = await startTestApp({ env: { SESSION_ABSOLUTE_HOURS: '1' } });
    try {
      const session = await signedIn(short.url, reviewer.email, reviewer.password);
      expect((await session.page('/queue')).status).toBe(200);
      // Sign-in time is in the session; age it by two hours.
      await short.dataSource.query(
        `UPDATE staff_sessions SET sess = jsonb_set(sess::jsonb, '{signedInAt}', to_jsonb((extract(epoch FROM now()) * 1000 - 7200000)::bigint))::json
         WHERE sess::jsonb->>'staffId' = $1`,
        [reviewer.id],
      );
      const after = await session.agent.get('/queue');
      expect(after.status).toBe(303);
      expect(after.headers.location).toMatch(/^\/login/);
    } finally {
      await short.close();
    }
  });

  it('writes a session’s idle expiry at most once a minute, and signs out a session past it', async () => {
    // A member of staff of its own, so theirs is the only session.
    const viewer = await createStaff(t.app, 'AUDITOR');
    const session = await signedIn(t.url, viewer.email, viewer.password);
    const expiry = async (): Promise<string> => {
      const rows: { expire: string }[] = await t.dataSource.query(
        `SELECT expire::text FROM staff_sessions WHERE sess::jsonb->>'staffId' = $1`,
        [viewer.id],
      );
      expect(rows).toHaveLength(1);
      return rows[0]!.expire;
    };
    // The first page gives the session its form token: a change, so it is saved.
    expect((await session.page('/queue')).status).toBe(200);
    const atFirstPage = await expiry();
    // A second later the page views still roll the cookie, but write nothing.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    for (let view = 0; view < 3; view += 1) {
      const page = await session.page('/queue');
      expect(page.status).toBe(200);
      expect(String(page.headers['set-cookie'])).toContain('beian.sid=');
    }
    expect(await expiry()).toBe(atFirstPage);
    // The stored expiry is still what ends a session.
    await t.dataSource.query(
      `UPDATE staff_sessions SET expire = now() - interval '1 second' WHERE sess::jsonb->>'staffId' = $1`,
      [viewer.id],
    );
    const after = await session.agent.get('/queue');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/login/);
  });

  it('measures the absolute session lifetime on the application clock', async () => {
    const clock = new SettableClock();
    const short = await startTestApp({ clock, env: { SESSION_ABSOLUTE_HOURS: '1' } });
    try {
      const session = await signedIn(short.url, reviewer.email, reviewer.password);
      clock.advance(59 * 60_000);
      expect((await session.agent.get('/queue')).status).toBe(200);
      clock.advance(2 * 60_000);
      const after = await session.agent.get('/queue');
      expect(after.status).toBe(303);
      expect(after.headers.location).toMatch(/^\/login/);
    } finally {
      await short.close();
    }
  });

  it('sends a strict Content-Security-Policy and the other security headers', async () => {
    const response = await request(t.url).get('/login');
    const csp = directivesOf(response.headers['content-security-policy']);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-inline'");
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('*');
    }
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('same-origin');
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(response.headers['x-powered-by']).toBeUndefined();

    // Only a document's file may be framed, and only by the desk (the workspace shows PDFs in place).
    const documentFile = await request(t.url).get('/requests/some-request/documents/some-document');
    expect(
      directivesOf(documentFile.headers['content-security-policy']).get('frame-ancestors'),
    ).toEqual(["'self'"]);
    expect(documentFile.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('keeps portal pages out of every cache (they carry personal data), and lets stylesheets be cached', async () => {
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    for (const path of ['/queue', '/login']) {
      const page = await session.agent.get(path);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.headers.etag).toBeUndefined();
    }
    const stylesheet = await request(t.url).get('/assets/css/desk.css');
    expect(stylesheet.status).toBe(200);
    expect(stylesheet.headers['cache-control']).not.toBe('no-store');
  });

  it('marks the session cookie Secure behind a TLS-terminating proxy, and never sends it over plain HTTP when COOKIE_SECURE=true', async () => {
    const sessionCookie = (response: request.Response): string | undefined =>
      ([] as string[])
        .concat(response.headers['set-cookie'] ?? [])
        .find((cookie) => cookie.startsWith('beian.sid='));
    const proxied = await startTestApp({ env: { COOKIE_SECURE: 'true', TRUST_PROXY: 'true' } });
    try {
      const overHttps = await request(proxied.url).get('/login').set('X-Forwarded-Proto', 'https');
      expect(sessionCookie(overHttps)).toMatch(/; Secure/);
      expect(sessionCookie(overHttps)).toMatch(/HttpOnly/);
      const overHttp = await request(proxied.url).get('/login');
      expect(overHttp.status).toBe(200);
      expect(sessionCookie(overHttp)).toBeUndefined();
    } finally {
      await proxied.close();
    }
    // The default (auto) without a trusted proxy: plain HTTP, no Secure flag.
    expect(sessionCookie(await request(t.url).get('/login'))).not.toMatch(/Secure/);
  });

  it('refuses a POST without the CSRF token (403), signed in or not', async () => {
    const anonymous = await request(t.url)
      .post('/login')
      .type('form')
      .send({ email: reviewer.email, password: reviewer.password });
    expect(anonymous.status).toBe(403);
    const session = await signedIn(t.url, admin.email, admin.password);
    const forged = await session.agent
      .post('/admin/users')
      .type('form')
      .send({
        email: 'forged@test.beian-desk.test',
        displayName: 'Forged',
        role: 'ADMIN',
        password: 'x'.repeat(16),
      });
    expect(forged.status).toBe(403);
    expect(forged.text).toContain('This form has expired or did not come from the desk');
    const wrongToken = await session.agent
      .post('/admin/users')
      .type('form')
      .send({
        _csrf: 'not-the-token',
        email: 'forged@test.beian-desk.test',
        displayName: 'Forged',
        role: 'ADMIN',
        password: 'x'.repeat(16),
      });
    expect(wrongToken.status).toBe(403);
    const rows = await t.dataSource.query(
      `SELECT 1 FROM staff_members WHERE email = 'forged@test.beian-desk.test'`,
    );
    expect(rows).toHaveLength(0);
  });

  it('shows a wrong password in words and, after 3 failures, locks this address out of the account, even for the right password', async () => {
    const victim = await createStaff(t.app, 'REVIEWER');
    const session = new WebSession(t.url);
    const first = await session.signIn(victim.email, 'wrong-password-1');
    expect(first.status).toBe(401);
    expect(first.text).toContain('The email or password is not correct.');
    await session.signIn(victim.email, 'wrong-password-2');
    const third = await session.signIn(victim.email, 'wrong-password-3');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toMatch(/^\d+$/);
    expect(third.text).toMatch(
      /Too many failed sign-ins for this account from your network address\. Try again in \d+ minutes?\./,
    );
    const rightPassword = await session.signIn(victim.email, victim.password);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.text).toContain(
      'Too many failed sign-ins for this account from your network address',
    );
    expect(await auditActions(victim.email)).toEqual([
      'staff.sign_in_failed',
      'staff.sign_in_failed',
      'staff.sign_in_failed',
      'staff.sign_in_throttled',
    ]);
  });

  it('lets at most 3 of 9 parallel wrong guesses from one address reach the password check, then refuses the right password from there', async () => {
    const victim = await createStaff(t.app, 'REVIEWER');
    // Every guess comes ready with its own session and form token, then all are sent at once.
    const guessers = await Promise.all(
      Array.from({ length: 9 }, async () => {
        const session = new WebSession(t.url);
        await session.page('/login');
        return session;
      }),
    );
    const guesses = await Promise.all(
      guessers.map((session, index) =>
        session.submit('/login', { email: victim.email, password: `wrong-guess-${index}` }),
      ),
    );
    for (const guess of guesses) {
      expect([401, 429]).toContain(guess.status);
      expect(guess.text).toMatch(
        /The email or password is not correct\.|Too many failed sign-ins for this account from your network address/,
      );
    }
    const rightPassword = await new WebSession(t.url).signIn(victim.email, victim.password);
    expect(rightPassword.status).toBe(429);
    expect(rightPassword.text).toContain(
      'Too many failed sign-ins for this account from your network address',
    );

    const actions = await auditActions(victim.email);
    const verified = actions.filter((action) => action === 'staff.sign_in_failed');
    expect(verified.length).toBeGreaterThanOrEqual(1);
    expect(verified.length).toBeLessThanOrEqual(3);
    expect(actions.filter((action) => action === 'staff.sign_in_throttled')).toHaveLength(
      10 - verified.length,
    );
    expect(actions).not.toContain('staff.signed_in');
  });

  it('gives a successful sign-in its point back: the address allowance counts failures only', async () => {
    const strict = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_IP: '2',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
        TRUST_PROXY: 'true',
      },
    });
    // An address of its own, so no other test's failures count against it.
    const from = (session: WebSession): WebSession => {
      session.agent.set('X-Forwarded-For', '192.0.2.71');
      return session;
    };
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect(
          (await from(new WebSession(strict.url)).signIn(admin.email, admin.password)).status,
        ).toBe(303);
      }
      const wrong = await from(new WebSession(strict.url)).signIn(admin.email, 'not-the-password');
      expect(wrong.text).toContain('The email or password is not correct.');
    } finally {
      await strict.close();
    }
  });

  it('throttles failed sign-ins per network address across accounts', async () => {
    const strict = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES_PER_IP: '4',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
        TRUST_PROXY: 'true',
      },
    });
    try {
      // An address of its own, so no other test's failures count against it.
      const session = new WebSession(strict.url);
      session.agent.set('X-Forwarded-For', '192.0.2.72');
      for (let attempt = 0; attempt < 4; attempt += 1) {
        await session.signIn(`nobody-${attempt}@test.beian-desk.test`, 'whatever-password');
      }
      const blocked = await session.signIn(reviewer.email, reviewer.password);
      expect(blocked.status).toBe(429);
      expect(blocked.text).toContain('Too many failed sign-ins from your network address');
    } finally {
      await strict.close();
    }
  });

  it('refuses an auditor on an admin-only page (403) and a reviewer on the audit trail', async () => {
    const auditorSession = await signedIn(t.url, auditor.email, auditor.password);
    const adminPage = await auditorSession.page('/admin/users');
    expect(adminPage.status).toBe(403);
    expect(adminPage.text).toContain('Your role does not allow this page or action.');
    const reviewerSession = await signedIn(t.url, reviewer.email, reviewer.password);
    expect((await reviewerSession.page('/audit')).status).toBe(403);
    expect((await auditorSession.page('/audit')).status).toBe(200);
  });

  it('signs out: the session ends, and that is audited', async () => {
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    await session.page('/queue');
    const out = await session.submit('/logout');
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/login');
    const after = await session.agent.get('/queue');
    expect(after.status).toBe(303);
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [reviewer.id],
    );
    expect(rows[0]?.action).toBe('staff.signed_out');
  });

  it('lets an admin create a staff account from the page, and shows a refused form in words with what was typed', async () => {
    const session = await signedIn(t.url, admin.email, admin.password);
    await session.page('/admin/users');
    const created = await session.submit('/admin/users', {
      _form: 'new-staff',
      displayName: 'Sun Li',
      email: 'sun.li@test.beian-desk.test',
      role: 'AUDITOR',
      password: 'a-long-enough-password',
    });
    expect(created.status).toBe(303);
    const list = await session.page('/admin/users');
    expect(list.text).toContain('Created the account for Sun Li.');
    expect(list.text).toContain('sun.li@test.beian-desk.test');

    const refused = await session.agent
      .post('/admin/users')
      .set('Referer', `${t.url}/admin/users`)
      .type('form')
      .send({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(list.text)![1],
        _form: 'new-staff',
        displayName: 'Sun Li Again',
        email: 'sun.li@test.beian-desk.test',
        role: 'AUDITOR',
        password: 'a-long-enough-password',
      });
    // The page comes back at once, the refusal beside the email, what was typed kept.
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(
      'A staff account with the email sun.li@test.beian-desk.test already exists.',
    );
    expect(refused.text).toContain('value="Sun Li Again"');
  });

  it('shows the staff page in Chinese to a Chinese browser: headings, role labels, flashes and a refused form', async () => {
    const chineseAdmin = await createStaff(t.app, 'ADMIN', '陈静');
    const session = await signedIn(t.url, chineseAdmin.email, chineseAdmin.password, 'zh-CN');
    const page = await session.page('/admin/users');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<html lang="zh-CN">');
    expect(page.text).toContain('<h1>员工账号</h1>');
    for (const words of [
      '<th scope="col">姓名</th>',
      '<th scope="col">角色</th>',
      '<th scope="col">状态</th>',
      '<td>审核员</td>',
      '<td>审计员</td>',
      '<td>管理员</td>',
      '<td>启用</td>',
      '<option value="SENIOR_REVIEWER">高级审核员</option>',
      '<h2>添加员工</h2>',
      '初始密码',
      '创建账号',
      // Deactivation and role changes open their own pages (staff-lifecycle.controller.ts).
      '>停用</a>',
      '>更改角色</a>',
    ])
      expect(page.text).toContain(words);
    for (const english of [
      'Staff accounts',
      'Initial password',
      'Reviewer<',
      'Administrator<',
      'Active<',
    ])
      expect(page.text).not.toContain(english);

    const refused = await session.submitFrom('/admin/users', '/admin/users', {
      _form: 'new-staff',
      displayName: ' ',
      email: 'not-an-email',
      role: 'REVIEWER',
      password: 'a-long-enough-password',
    });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain(
      '无法创建员工账号。“not-an-email”不是有效的邮箱地址。姓名须为 1 至 120 个字符。',
    );
    expect(refused.text).toContain('value="not-an-email"');

    const email = `sun.li-${randomUUID().slice(0, 8)}@test.beian-desk.test`;
    const created = await session.submit('/admin/users', {
      _form: 'new-staff',
      displayName: '孙丽',
      email,
      role: 'AUDITOR',
      password: 'a-long-enough-password',
    });
    expect(created.status).toBe(303);
    expect((await session.page('/admin/users')).text).toContain('已为 孙丽 创建账号。');
  });

  it('keeps passwords, cookies and tokens out of the logs, and gives every request line a request id', async () => {
    const session = new WebSession(t.url);
    await session.signIn(reviewer.email, 'a-password-that-must-not-be-logged');
    await session.signIn(reviewer.email, TEST_PASSWORD);
    const text = JSON.stringify(t.logs);
    expect(text).not.toContain('a-password-that-must-not-be-logged');
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('beian.sid=s%3A');
    const requestLines = t.logs.filter((line) => line.req !== undefined);
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(typeof line.requestId).toBe('string');
  });

  it('creates and deactivates staff from the command line; a deactivated account cannot sign in', async () => {
    const services = testServices();
    const lines: string[] = [];
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      SESSION_SECRET: t.config.SESSION_SECRET,
      PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
      INTAKE_TOKENS: 'cli:cli-token-000000000000',
      DOCUMENT_DIR: t.config.DOCUMENT_DIR,
      EXPORT_DIR: t.config.EXPORT_DIR,
      DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
      ...auditKeyEnv(),
    };
    const email = `cli-${Date.now()}@test.beian-desk.test`;
    const created = await runCli(
      [
        'staff:create',
        '--email',
        email,
        '--name',
        'Zhou Xin',
        '--role',
        'SENIOR_REVIEWER',
        '--password',
        'cli-password-123',
      ],
      env,
      output,
    );
    expect(created).toBe(0);
    expect(lines.join('\n')).toContain(`Created SENIOR_REVIEWER ${email}`);
    expect((await new WebSession(t.url).signIn(email, 'cli-password-123')).status).toBe(303);

    const badRole = await runCli(
      [
        'staff:create',
        '--email',
        `x${email}`,
        '--name',
        'X',
        '--role',
        'BOSS',
        '--password',
        'cli-password-123',
      ],
      env,
      output,
    );
    expect(badRole).toBe(1);
    expect(lines.join('\n')).toContain('"BOSS" is not a role');

    expect(await runCli(['staff:deactivate', '--email', email], env, output)).toBe(0);
    const refused = await new WebSession(t.url).signIn(email, 'cli-password-123');
    expect(refused.status).toBe(401);
  });

  it('ends a deactivated account’s sessions at their next request', async () => {
    const member = await createStaff(t.app, 'REVIEWER');
    const session = await signedIn(t.url, member.email, member.password);
    expect((await session.page('/queue')).status).toBe(200);
    const admins = await signedIn(t.url, admin.email, admin.password);
    await admins.page('/admin/users');
    const deactivated = await admins.submit(`/admin/users/${member.id}/deactivate`);
    expect(deactivated.status).toBe(303);
    const after = await session.agent.get('/queue');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/login?next=%2Fqueue');
  });

  it('lets reading pages rely on a staff check STAFF_CHECK_CACHE_SECONDS old, never a change', async () => {
    const cached = await startTestApp({ env: { STAFF_CHECK_CACHE_SECONDS: '60' } });
    try {
      const member = await createStaff(t.app, 'REVIEWER');
      const session = await signedIn(cached.url, member.email, member.password);
      expect((await session.page('/queue')).status).toBe(200);
      // Deactivated by another instance (this one cannot know at once).
      await t.app
        .get(CommandBus)
        .execute(new DeactivateStaffMemberCommand(systemActor('test'), member.id));
      const stillReading = await session.page('/queue');
      expect(stillReading.status).toBe(200);
      expect(stillReading.text).toContain(member.name);
      // A change checks the account afresh: the session ends instead of claiming.
      const claim = await session.submit(`/requests/${randomUUID()}/claim`);
      expect(claim.status).toBe(303);
      expect(claim.headers.location).toBe('/login');
      expect((await session.agent.get('/queue')).headers.location).toBe('/login?next=%2Fqueue');

      // A deactivation through this instance is seen at once, reading or not.
      const other = await createStaff(t.app, 'REVIEWER');
      const otherSession = await signedIn(cached.url, other.email, other.password);
      expect((await otherSession.page('/queue')).status).toBe(200);
      const admins = await signedIn(cached.url, admin.email, admin.password);
      await admins.page('/admin/users');
      expect((await admins.submit(`/admin/users/${other.id}/deactivate`)).status).toBe(303);
      const after = await otherSession.agent.get('/queue');
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/login?next=%2Fqueue');
    } finally {
      await cached.close();
    }
  });

  it('lets reading pages use a session read SESSION_READ_CACHE_SECONDS ago, never a change', async () => {
    const cached = await startTestApp({ env: { SESSION_READ_CACHE_SECONDS: '60' } });
    try {
      const member = await createStaff(t.app, 'REVIEWER');
      const session = await signedIn(cached.url, member.email, member.password);
      // The first page saves the session (its form token); the second one reads it.
      expect((await session.page('/queue')).status).toBe(200);
      expect((await session.page('/queue')).status).toBe(200);
      // Signed out through another instance: the session is gone from the database.
      // (TypeORM answers a DELETE … RETURNING with the rows and their count.)
      const [removed]: [unknown[], number] = await t.dataSource.query(
        `DELETE FROM staff_sessions WHERE sess->>'staffId' = $1 RETURNING sid`,
        [member.id],
      );
      expect(removed).toHaveLength(1);
      const stillReading = await session.page('/queue');
      expect(stillReading.status).toBe(200);
      expect(stillReading.text).toContain(member.name);
      // A change reads the session afresh: there is none, so the form is refused.
      const claim = await session.submit(`/requests/${randomUUID()}/claim`);
      expect(claim.status).toBe(403);
      expect(claim.text).toContain('This form has expired or did not come from the desk');

      // A sign-out through this instance is seen by the very next page.
      const other = await createStaff(t.app, 'REVIEWER');
      const otherSession = await signedIn(cached.url, other.email, other.password);
      expect((await otherSession.page('/queue')).status).toBe(200);
      expect((await otherSession.page('/queue')).status).toBe(200);
      expect((await otherSession.submit('/logout')).status).toBe(303);
      const after = await otherSession.agent.get('/queue');
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/login?next=%2Fqueue');

      // What a change writes into the session (a flash message) is on the next page.
      const admins = await signedIn(cached.url, admin.email, admin.password);
      expect((await admins.page('/admin/users')).status).toBe(200);
      expect((await admins.page('/admin/users')).status).toBe(200);
      const name = `Session Reader ${randomUUID().slice(0, 8)}`;
      const created = await admins.submit('/admin/users', {
        _form: 'new-staff',
        displayName: name,
        email: `reader-${randomUUID().slice(0, 8)}@test.beian-desk.test`,
        role: 'AUDITOR',
        password: 'a-long-enough-password',
      });
      expect(created.status).toBe(303);
      expect((await admins.page('/admin/users')).text).toContain(
        `Created the account for ${name}.`,
      );
    } finally {
      await cached.close();
    }
  });

  it('keeps no copy of a session read while it was being destroyed', async () => {
    const pool = (t.dataSource.driver as unknown as { master: pg.Pool }).master;
    const store = new StaffSessionStore(pool, 60_000);
    const sid = `test-${randomUUID()}`;
    const data = {
      cookie: { originalMaxAge: 60_000, expires: new Date(Date.now() + 60_000), path: '/' },
      staffId: reviewer.id,
    } as unknown as SessionData;
    const get = () =>
      new Promise<SessionData | null | undefined>((resolve, reject) =>
        store.get(sid, (error, session) => (error ? reject(asError(error)) : resolve(session))),
      );
    await new Promise<void>((resolve, reject) =>
      store.set(sid, data, (error) => (error ? reject(asError(error)) : resolve())),
    );
    expect(store.recall(sid)).toBeNull();
    expect((await get())?.staffId).toBe(reviewer.id);
    const copy = store.recall(sid);
    expect(copy?.staffId).toBe(reviewer.id);
    copy!.staffId = 'changed by a page';
    expect(store.recall(sid)?.staffId).toBe(reviewer.id);

    const reading = get();
    const destroyed = new Promise<void>((resolve, reject) =>
      store.destroy(sid, (error) => (error ? reject(asError(error)) : resolve())),
    );
    await Promise.all([reading, destroyed]);
    expect(store.recall(sid)).toBeNull();
    expect(await get()).toBeFalsy();
    expect(store.recall(sid)).toBeNull();
  });
});

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** A Content-Security-Policy header as directive name → sources. */
function directivesOf(header: unknown): Map<string, string[]> {
  expect(typeof header).toBe('string');
  return new Map(
    (header as string)
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}
