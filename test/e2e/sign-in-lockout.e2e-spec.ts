import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { describeAuditEvent } from '../../src/audit/application/audit-event-wording.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { WebSession } from '../support/web-session.js';

/** A documentation address of its own for each use, so no other test's failures count against it. */
const addresses = (() => {
  const prefix = `198.51.${randomBytes(1)[0]!}`;
  let next = 0;
  return (): string => {
    next += 1;
    return `${prefix}.${next}`;
  };
})();

/** A browser at a network address of its own (the app trusts X-Forwarded-For, as behind a proxy). */
function browserAt(url: string, address: string, language = 'en'): WebSession {
  const session = new WebSession(url, language);
  session.agent.set('X-Forwarded-For', address);
  return session;
}

/**
 * Signed in from an address of its own: this suite's limits are small, and the test
 * address everybody else signs in from (127.0.0.1) has failures of other suites on it.
 */
async function signedInFrom(
  url: string,
  email: string,
  password: string,
  language = 'en',
): Promise<WebSession> {
  const session = browserAt(url, addresses(), language);
  const response = await session.signIn(email, password);
  if (response.status !== 303) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session;
}

const english = new Translator('Asia/Shanghai').words('en');

describe('sign-in that nobody can use against a colleague', () => {
  let t: TestApp;
  let admin: TestStaff;

  beforeAll(async () => {
    t = await startTestApp({
      clock: 'settable',
      env: {
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '3',
        LOGIN_MAX_FAILURES_PER_IP: '6',
        LOGIN_LOCKOUT_MINUTES: '15',
        LOGIN_ACCOUNT_DELAY_AFTER_FAILURES: '5',
        LOGIN_ACCOUNT_DELAY_MAX_SECONDS: '60',
      },
    });
    admin = await createStaff(t.app, 'ADMIN');
  });
  afterAll(() => t.close());

  const auditActions = async (email: string): Promise<string[]> => {
    const rows: { action: string }[] = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE details->>'email' = $1 AND action LIKE 'staff.sign%' ORDER BY seq`,
      [email],
    );
    return rows.map((row) => row.action);
  };

  it('locks an address that keeps failing out of that account only: the colleague signs in from elsewhere', async () => {
    const colleague = await createStaff(t.app, 'REVIEWER');
    const other = await createStaff(t.app, 'REVIEWER');
    const attacker = browserAt(t.url, addresses());

    const first = await attacker.signIn(colleague.email, 'wrong-password-1');
    expect(first.status).toBe(401);
    expect(first.text).toContain('The email or password is not correct.');
    await attacker.signIn(colleague.email, 'wrong-password-2');
    const third = await attacker.signIn(colleague.email, 'wrong-password-3');
    expect(third.status).toBe(429);
    expect(third.headers['retry-after']).toBe(String(15 * 60));
    expect(third.text).toContain(
      'Too many failed sign-ins for this account from your network address. Try again in 15 minutes.',
    );
    // Even the right password is refused from that address, for that account…
    const rightFromAttacker = await attacker.signIn(colleague.email, colleague.password);
    expect(rightFromAttacker.status).toBe(429);
    expect(rightFromAttacker.headers['retry-after']).toBe(String(15 * 60));
    // …but not for another account,
    expect((await attacker.signIn(other.email, other.password)).status).toBe(303);
    // and the colleague, at their own desk, signs in.
    const atTheirDesk = await browserAt(t.url, addresses()).signIn(
      colleague.email,
      colleague.password,
    );
    expect(atTheirDesk.status).toBe(303);
    expect(atTheirDesk.headers.location).toBe('/queue');

    expect(await auditActions(colleague.email)).toEqual([
      'staff.sign_in_failed',
      'staff.sign_in_failed',
      'staff.sign_in_failed',
      'staff.sign_in_throttled',
      'staff.signed_in',
    ]);
  });

  it('locks an address out of every account once it has failed LOGIN_MAX_FAILURES_PER_IP times across accounts', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const sprayer = browserAt(t.url, addresses());
    const answers = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      answers.push(
        await sprayer.signIn(`nobody-${attempt}-${randomBytes(3).toString('hex')}@x.test`, 'guess'),
      );
    }
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]!.status).toBe(429);
    expect(answers[5]!.text).toContain(
      'Too many failed sign-ins from your network address. Try again in 15 minutes.',
    );
    const blocked = await sprayer.signIn(reviewer.email, reviewer.password);
    expect(blocked.status).toBe(429);
    expect(blocked.headers['retry-after']).toBe(String(15 * 60));
    expect(blocked.text).toContain('Too many failed sign-ins from your network address.');
    expect(
      (await browserAt(t.url, addresses()).signIn(reviewer.email, reviewer.password)).status,
    ).toBe(303);
  });

  it('slows down guessing spread over many addresses with a growing wait answered as 429 + Retry-After, then lets the right password in', async () => {
    const colleague = await createStaff(t.app, 'REVIEWER');
    // Five addresses, one guess each: none is locked, but the account has failed five times.
    for (let guess = 0; guess < 5; guess += 1) {
      const answer = await browserAt(t.url, addresses()).signIn(colleague.email, `guess-${guess}`);
      expect(answer.status).toBe(401);
    }
    // The next attempt must wait a second after the last failure, whoever makes it.
    const tooEarly = await browserAt(t.url, addresses()).signIn(
      colleague.email,
      colleague.password,
    );
    expect(tooEarly.status).toBe(429);
    expect(tooEarly.headers['retry-after']).toBe('1');
    expect(tooEarly.text).toContain(
      'This account has had many failed sign-ins lately, so each attempt must wait a little longer. Try again in 1 second.',
    );

    t.clock!.advance(1000);
    expect((await browserAt(t.url, addresses()).signIn(colleague.email, 'guess-6')).status).toBe(
      401,
    );
    // Each failure doubles the wait: now two seconds, said in the reader's language.
    const inChinese = await browserAt(t.url, addresses(), 'zh-CN').signIn(
      colleague.email,
      colleague.password,
    );
    expect(inChinese.status).toBe(429);
    expect(inChinese.headers['retry-after']).toBe('2');
    expect(inChinese.text).toContain(
      '该账号近期登录失败次数较多，每次尝试都需多等一会儿。请 2 秒后重试。',
    );
    t.clock!.advance(1000);
    expect(
      (await browserAt(t.url, addresses()).signIn(colleague.email, colleague.password)).headers[
        'retry-after'
      ],
    ).toBe('1');

    // Once the wait has passed, the right password from an address that has not been failing gets in.
    t.clock!.advance(1000);
    const signedInAtLast = await browserAt(t.url, addresses()).signIn(
      colleague.email,
      colleague.password,
    );
    expect(signedInAtLast.status).toBe(303);
    // A right password forgets the account's failures: the next mistake is just a mistake.
    expect((await browserAt(t.url, addresses()).signIn(colleague.email, 'typo')).status).toBe(401);
    expect(
      (await browserAt(t.url, addresses()).signIn(colleague.email, colleague.password)).status,
    ).toBe(303);
  });

  it('lists the lockouts in force on /admin/users, and lets an admin clear one, audited', async () => {
    const colleague = await createStaff(t.app, 'REVIEWER');
    const address = addresses();
    const attacker = browserAt(t.url, address);
    for (let guess = 0; guess < 3; guess += 1)
      await attacker.signIn(colleague.email, `guess-${guess}`);
    expect((await attacker.signIn(colleague.email, colleague.password)).status).toBe(429);

    const admins = await signedInFrom(t.url, admin.email, admin.password);
    const page = await admins.page('/admin/users');
    expect(page.status).toBe(200);
    const row = rowOf(page.text, colleague.email);
    expect(row).toContain(`<span translate="no">${address}</span>`);
    expect(row).toContain(colleague.name);
    expect(row).toContain('Address locked out of this account');
    expect(row).toMatch(/<td>3<\/td>/);

    const clear = await admins.submitFrom(
      '/admin/users',
      '/admin/sign-in-lockouts/clear',
      hiddenFieldsOf(row),
    );
    expect(clear.status).toBe(303);
    expect(clear.headers.location).toBe('/admin/users#sign-in-lockouts');
    const after = await admins.page('/admin/users');
    expect(after.text).toContain('The lockout was cleared; its failed sign-ins are forgotten.');
    expect(rowOf(after.text, colleague.email)).toBe('');

    // The address may try again: the right password gets in.
    expect((await attacker.signIn(colleague.email, colleague.password)).status).toBe(303);

    const events: {
      action: string;
      actor_id: string;
      actor_name: string;
      details: Record<string, unknown>;
    }[] = await t.dataSource.query(
      `SELECT action, actor_id, actor_name, details FROM audit_events
          WHERE action = 'staff.lockout_cleared' AND details->>'email' = $1`,
      [colleague.email],
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.actor_id).toBe(admin.id);
    expect(events[0]!.details).toEqual({ email: colleague.email, address });
    const sentence = describeAuditEvent({
      action: 'staff.lockout_cleared',
      actorType: 'STAFF',
      actorName: events[0]!.actor_name,
      details: events[0]!.details,
    }).sentence;
    expect(english.text(sentence)).toBe(
      `${admin.name} cleared the sign-in lockout of ${colleague.email} from ${address}`,
    );

    // Clearing it again changes nothing and records nothing.
    const again = await admins.submitFrom(
      '/admin/users',
      '/admin/sign-in-lockouts/clear',
      hiddenFieldsOf(row),
    );
    expect(again.status).toBe(303);
    expect((await admins.page('/admin/users')).text).toContain('That lockout had already ended.');
    const count: { n: string }[] = await t.dataSource.query(
      `SELECT count(*) AS n FROM audit_events WHERE action = 'staff.lockout_cleared' AND details->>'email' = $1`,
      [colleague.email],
    );
    expect(count[0]!.n).toBe('1');
  });

  it('lists an address locked out of every account and an account being slowed down, and refuses the clearing to a non-admin', async () => {
    const sprayed = addresses();
    const sprayer = browserAt(t.url, sprayed);
    for (let attempt = 0; attempt < 6; attempt += 1) {
      await sprayer.signIn(`nobody-${attempt}-${randomBytes(3).toString('hex')}@x.test`, 'guess');
    }
    const slowed = await createStaff(t.app, 'AUDITOR');
    for (let guess = 0; guess < 5; guess += 1) {
      await browserAt(t.url, addresses()).signIn(slowed.email, `guess-${guess}`);
    }

    const admins = await signedInFrom(t.url, admin.email, admin.password);
    const page = await admins.page('/admin/users');
    const addressRow = rowOf(page.text, sprayed);
    expect(addressRow).toContain('Address locked out of every account');
    expect(addressRow).toContain('Every account');
    const accountRow = rowOf(page.text, slowed.email);
    expect(accountRow).toContain('Account slowed down (from every address)');
    expect(accountRow).toContain('Every address');

    const chinese = await signedInFrom(t.url, admin.email, admin.password, 'zh-CN');
    const inChinese = await chinese.page('/admin/users');
    expect(inChinese.text).toContain('登录锁定');
    expect(rowOf(inChinese.text, sprayed)).toContain('该地址登录所有账号被锁定');

    const reviewer = await createStaff(t.app, 'REVIEWER');
    const reviewers = await signedInFrom(t.url, reviewer.email, reviewer.password);
    const refused = await reviewers.submit(
      '/admin/sign-in-lockouts/clear',
      hiddenFieldsOf(addressRow),
    );
    expect(refused.status).toBe(403);

    expect(
      (
        await admins.submitFrom(
          '/admin/users',
          '/admin/sign-in-lockouts/clear',
          hiddenFieldsOf(addressRow),
        )
      ).status,
    ).toBe(303);
    const rows: { details: Record<string, unknown> }[] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'staff.lockout_cleared' AND details->>'address' = $1`,
      [sprayed],
    );
    expect(rows.map((row) => row.details)).toEqual([{ address: sprayed }]);
    expect(rowOf((await admins.page('/admin/users')).text, sprayed)).toBe('');
  });

  it('counts every one of many parallel guesses: none slips past the counts', async () => {
    const roomy = await startTestApp({
      env: {
        TRUST_PROXY: 'true',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100',
        LOGIN_MAX_FAILURES_PER_IP: '100',
        LOGIN_ACCOUNT_DELAY_AFTER_FAILURES: '100',
      },
    });
    try {
      const victim = await createStaff(roomy.app, 'REVIEWER');
      const address = addresses();
      const guessers = await Promise.all(
        Array.from({ length: 12 }, async () => {
          const session = browserAt(roomy.url, address);
          await session.page('/login');
          return session;
        }),
      );
      const guesses = await Promise.all(
        guessers.map((session, index) =>
          session.submit('/login', { email: victim.email, password: `wrong-guess-${index}` }),
        ),
      );
      expect(guesses.map((guess) => guess.status)).toEqual(Array(12).fill(401));
      const counts: { scope: string; failures: number }[] = await roomy.dataSource.query(
        `SELECT scope, failures FROM sign_in_failures
          WHERE (email = $1 OR email = '') AND (address = $2 OR address = '')
          ORDER BY scope`,
        [victim.email, address],
      );
      expect(counts).toEqual([
        { scope: 'account', failures: 12 },
        { scope: 'accountFromAddress', failures: 12 },
        { scope: 'address', failures: 12 },
      ]);
    } finally {
      await roomy.close();
    }
  });

  it('lets no more parallel guesses reach the password than the limits allow', async () => {
    const victim = await createStaff(t.app, 'REVIEWER');
    // Nine guesses from one address at once: three reach the password, then it is locked out.
    const address = addresses();
    const fromOne = await Promise.all(
      Array.from({ length: 9 }, async () => {
        const session = browserAt(t.url, address);
        await session.page('/login');
        return session;
      }),
    );
    const answers = await Promise.all(
      fromOne.map((session, index) =>
        session.submit('/login', { email: victim.email, password: `wrong-guess-${index}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 401)).toHaveLength(2);
    expect(answers.filter((answer) => answer.status === 429)).toHaveLength(7);
    let actions = await auditActions(victim.email);
    expect(actions.filter((action) => action === 'staff.sign_in_failed')).toHaveLength(3);
    expect(actions.filter((action) => action === 'staff.sign_in_throttled')).toHaveLength(6);

    // Nine more from nine addresses: two more reach it (five in all), then every attempt waits.
    const fromMany = await Promise.all(
      Array.from({ length: 9 }, async () => {
        const session = browserAt(t.url, addresses());
        await session.page('/login');
        return session;
      }),
    );
    await Promise.all(
      fromMany.map((session, index) =>
        session.submit('/login', { email: victim.email, password: `other-guess-${index}` }),
      ),
    );
    actions = await auditActions(victim.email);
    expect(actions.filter((action) => action === 'staff.sign_in_failed')).toHaveLength(5);
    expect(actions.filter((action) => action === 'staff.sign_in_throttled')).toHaveLength(13);
  });
});

/** The lockout list's row naming `text`, or '' when there is none. */
function rowOf(html: string, text: string): string {
  const section = /<section id="sign-in-lockouts"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  return section.split('<tr>').find((row) => row.includes(`>${text}<`)) ?? '';
}

/** The hidden fields of the row's clear form, as the browser would send them. */
function hiddenFieldsOf(row: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const match of row.matchAll(
    /<input type="hidden" name="(scope|email|address)" value="([^"]*)">/g,
  )) {
    fields[match[1]!] = match[2]!.replace(/&#x40;|&#64;/g, '@').replace(/&amp;/g, '&');
  }
  return fields;
}
