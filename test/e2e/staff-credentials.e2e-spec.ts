import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type request from 'supertest';
import { IssuePasswordResetCommand } from '../../src/identity/application/commands/issue-password-reset/issue-password-reset.command.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { decodeEntities, exportIdOf, waitForExport } from '../support/audit-fixtures.js';
import { documentsOf, submitReviewable } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_PASSWORD,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

/** A new password the policy accepts. */
const NEW_PASSWORD = 'lantern-orchid-quarry-57';

describe('staff credentials: password resets, own passwords, other sessions, the password policy', () => {
  let t: TestApp;
  /** A second instance with both read caches on, as in production. */
  let cached: TestApp;
  /** A third instance whose clock stands a day and an hour in the past. */
  let yesterday: TestApp;
  let admin: TestStaff;
  let adminSession: WebSession;

  beforeAll(async () => {
    t = await startTestApp();
    [cached, yesterday] = await Promise.all([
      startTestApp({ env: { STAFF_CHECK_CACHE_SECONDS: '5', SESSION_READ_CACHE_SECONDS: '5' } }),
      startTestApp({ clock: new SettableClock(new Date(Date.now() - 25 * 3_600_000)) }),
    ]);
    admin = await createStaff(t.app, 'ADMIN');
    adminSession = await signedIn(t.url, admin.email, admin.password);
  });
  afterAll(async () => {
    await Promise.all([t.close(), cached.close(), yesterday.close()]);
  });

  /** The admin resets a staff member's password on /admin/users; the link shown once, and its token. */
  async function resetThroughPage(member: TestStaff): Promise<{ link: string; token: string }> {
    const list = await adminSession.page('/admin/users');
    expect(list.text).toContain(`href="/admin/users/${member.id}/password-reset"`);
    const confirm = await adminSession.page(`/admin/users/${member.id}/password-reset`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain(member.email);
    expect(confirm.text).toContain('At once, every session of this account ends');
    const issued = await adminSession.submit(`/admin/users/${member.id}/password-reset`);
    expect(issued.status).toBe(200);
    expect(issued.text).toContain('It is shown only this once');
    const match = /value="(https:\/\/desk\.beian-desk\.test\/password\/([A-Za-z0-9_-]{43}))"/.exec(
      issued.text,
    );
    expect(match).not.toBeNull();
    return { link: match![1]!, token: match![2]! };
  }

  /** The page a set-password link opens, as an anonymous browser sees it. */
  function openLink(token: string, acceptLanguage = 'en') {
    const visitor = new WebSession(t.url, acceptLanguage);
    return { visitor, page: visitor.page(`/password/${token}`) };
  }

  async function setPassword(
    token: string,
    newPassword: string,
    confirmPassword = newPassword,
  ): Promise<request.Response> {
    const { visitor, page } = openLink(token);
    await page;
    return visitor.submit(`/password/${token}`, { newPassword, confirmPassword });
  }

  const words = (html: string): string => decodeEntities(html.replace(/<[^>]+>/g, ' '));

  /** The text shown beside a field (its problems' block), or '' when it has none. */
  function besideField(html: string, id: string): string {
    const match = new RegExp(`id="${id}">(.*?)</div>`, 's').exec(html);
    return match ? words(match[1]!).replace(/\s+/g, ' ').trim() : '';
  }

  async function actionsOf(
    staffId: string,
  ): Promise<{ action: string; actor_id: string | null; details: string }[]> {
    return t.dataSource.query(
      `SELECT action, actor_id, details::text AS details FROM audit_events
        WHERE details->>'staffId' = $1 ORDER BY seq`,
      [staffId],
    );
  }

  it('issues a one-time link that sets a new password once; a second use is refused in words', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const { token } = await resetThroughPage(reviewer);

    // Only the token's SHA-256 is kept; the token is nowhere in the database, the trail or the outbox.
    const hash = createHash('sha256').update(token).digest('hex');
    const links: { token_hash: string }[] = await t.dataSource.query(
      `SELECT token_hash FROM password_reset_links WHERE staff_id = $1`,
      [reviewer.id],
    );
    expect(links.map((link) => link.token_hash)).toEqual([hash]);
    const leaks: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE details::text LIKE $1
       UNION ALL SELECT 1 FROM outbox_messages WHERE body_text LIKE $1 OR subject LIKE $1`,
      [`%${token}%`],
    );
    expect(leaks).toHaveLength(0);
    expect(JSON.stringify(t.logs)).not.toContain(token);

    // The old password stops working at once.
    expect((await new WebSession(t.url).signIn(reviewer.email, TEST_PASSWORD)).status).toBe(401);

    const { page } = openLink(token);
    const opened = await page;
    expect(opened.status).toBe(200);
    expect(opened.text).toContain('Set a new password');
    expect(opened.text).toContain(reviewer.email);

    const set = await setPassword(token, NEW_PASSWORD);
    expect(set.status).toBe(303);
    expect(set.headers.location).toBe('/login');
    const session = new WebSession(t.url);
    const signIn = await session.signIn(reviewer.email, NEW_PASSWORD);
    expect(signIn.status).toBe(303);
    expect((await session.page('/queue')).status).toBe(200);

    const again = openLink(token);
    const reopened = await again.page;
    expect(reopened.status).toBe(410);
    expect(words(reopened.text)).toContain('This set-password link has already been used.');
    const reused = await again.visitor.submit(`/password/${token}`, {
      newPassword: 'another-quiet-harbour-88',
      confirmPassword: 'another-quiet-harbour-88',
    });
    expect(reused.status).toBe(410);
    expect(words(reused.text)).toContain('This set-password link has already been used.');
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).toBe(303);

    const actions = await actionsOf(reviewer.id);
    expect(actions.map((row) => row.action)).toEqual([
      'staff.created',
      'staff.password_reset_issued',
      'staff.password_set',
    ]);
    expect(actions[1]!.actor_id).toBe(admin.id);
    // The password is set by the staff member themselves, holding the link.
    expect(actions[2]!.actor_id).toBe(reviewer.id);
  });

  it('refuses an unknown link and an expired one in words, in Chinese too', async () => {
    const unknown = await openLink('x'.repeat(43)).page;
    expect(unknown.status).toBe(404);
    expect(words(unknown.text)).toContain('This set-password link is not known.');

    const reviewer = await createStaff(t.app, 'REVIEWER');
    // Issued 25 hours ago (by an instance whose clock says so), valid for 24.
    const { token } = await yesterday.app
      .get(CommandBus)
      .execute(
        new IssuePasswordResetCommand(
          { kind: 'STAFF', id: admin.id, role: 'ADMIN', name: admin.name },
          reviewer.id,
        ),
      );
    const expired = await openLink(token).page;
    expect(expired.status).toBe(410);
    expect(words(expired.text)).toContain('This set-password link has expired.');
    expect(words(expired.text)).toContain('Ask an administrator for a new link.');
    const chinese = await openLink(token, 'zh-CN').page;
    expect(words(chinese.text)).toContain('此设置密码链接已过期。');
    const refused = await setPassword(token, NEW_PASSWORD);
    expect(refused.status).toBe(410);
    expect(words(refused.text)).toContain('This set-password link has expired.');
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).toBe(401);
  });

  it('voids the previous link when a new one is issued', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const first = await resetThroughPage(reviewer);
    const second = await resetThroughPage(reviewer);
    const old = await openLink(first.token).page;
    expect(old.status).toBe(410);
    expect(words(old.text)).toContain('This set-password link was replaced by a newer one.');
    expect((await setPassword(first.token, NEW_PASSWORD)).status).toBe(410);
    expect((await setPassword(second.token, NEW_PASSWORD)).status).toBe(303);
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).toBe(303);
  });

  it('ends every session at the reset: from that moment nothing is changed, no document opened and nothing downloaded through them, on any instance', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const auditor = await createStaff(t.app, 'AUDITOR');
    const submitted = await submitReviewable(t);
    const [document] = await documentsOf(t, submitted.id);
    const documentPath = `/requests/${submitted.id}/documents/${document!.id}`;

    // Two sessions of the reviewer and one of the auditor, on the instance that caches its checks.
    const forChanges = await signedIn(cached.url, reviewer.email, reviewer.password);
    const forDocuments = await signedIn(cached.url, reviewer.email, reviewer.password);
    await forChanges.page(`/requests/${submitted.id}`);
    expect((await forChanges.submit(`/requests/${submitted.id}/claim`)).status).toBe(303);
    const auditorSession = await signedIn(cached.url, auditor.email, auditor.password);
    await auditorSession.page('/exports');
    const today = new Date().toISOString().slice(0, 10);
    const exported = await auditorSession.submit('/exports', {
      dataset: 'audit-events',
      format: 'CSV',
      from: today,
      to: today,
    });
    expect(exported.status).toBe(303);
    const exportId = exportIdOf(exported.headers.location);
    expect((await waitForExport(t.dataSource, exportId)).status).toBe('COMPLETED');
    const downloadPath = `/exports/${exportId}/download`;

    // Each session has just been checked: the instance's caches hold them.
    expect((await forDocuments.agent.get(documentPath)).status).toBe(200);
    expect((await forChanges.page(`/requests/${submitted.id}`)).status).toBe(200);
    expect((await auditorSession.agent.get(downloadPath)).status).toBe(200);

    await resetThroughPage(reviewer);
    await resetThroughPage(auditor);

    // At once, through the other instance: a change, a document, a download are refused.
    const release = await forChanges.submit(`/requests/${submitted.id}/release`);
    expect(release.status).toBe(303);
    expect(release.headers.location).toBe('/login');
    const held: { assignee_id: string | null }[] = await t.dataSource.query(
      `SELECT assignee_id FROM initialization_requests WHERE id = $1`,
      [submitted.id],
    );
    expect(held[0]!.assignee_id).toBe(reviewer.id);
    const view = await forDocuments.agent.get(documentPath);
    expect(view.status).toBe(303);
    expect(view.headers.location).toMatch(/^\/login/);
    const download = await auditorSession.agent.get(downloadPath);
    expect(download.status).toBe(303);
    expect(download.headers.location).toMatch(/^\/login/);

    const viewed: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action = 'document.viewed' AND actor_id = $1`,
      [reviewer.id],
    );
    expect(viewed).toHaveLength(1);
    const downloads: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action = 'export.downloaded' AND actor_id = $1`,
      [auditor.id],
    );
    expect(downloads).toHaveLength(1);
  });

  it('lets a staff member change their own password: a wrong current one is refused, the right one works and ends their other sessions', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const here = await signedIn(t.url, reviewer.email, reviewer.password);
    const elsewhere = await signedIn(cached.url, reviewer.email, reviewer.password);
    const account = await here.page('/account');
    expect(account.status).toBe(200);
    expect(account.text).toContain('Change your password');

    const wrong = await here.submit('/account/password', {
      currentPassword: 'not-my-password-at-all',
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(422);
    expect(besideField(wrong.text, 'current-password-errors')).toBe(
      'The current password is not correct.',
    );
    expect(wrong.text).not.toContain(NEW_PASSWORD);
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).toBe(401);

    const changed = await here.submit('/account/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: NEW_PASSWORD,
      confirmPassword: NEW_PASSWORD,
    });
    expect(changed.status).toBe(303);
    const after = await here.page('/account');
    expect(after.status).toBe(200);
    expect(after.text).toContain('Your password was changed, and your other sessions have ended.');
    expect((await here.page('/queue')).status).toBe(200);
    const ended = await elsewhere.agent.get('/queue');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toBe('/login?next=%2Fqueue');

    expect((await new WebSession(t.url).signIn(reviewer.email, TEST_PASSWORD)).status).toBe(401);
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).toBe(303);
    expect((await actionsOf(reviewer.id)).map((row) => row.action)).toContain(
      'staff.password_changed',
    );
  });

  it('counts wrong current passwords with the sign-in throttle: guessing it on /account is no faster than at sign-in', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    expect((await session.page('/account')).status).toBe(200);
    const attempt = (currentPassword: string) =>
      session.submit('/account/password', {
        currentPassword,
        newPassword: NEW_PASSWORD,
        confirmPassword: NEW_PASSWORD,
      });
    // LOGIN_MAX_FAILURES_PER_ACCOUNT is 5: five wrong guesses from this address…
    for (let guess = 1; guess <= 5; guess += 1) {
      const wrong = await attempt(`wrong-guess-${guess}-xyz`);
      expect(wrong.status).toBe(422);
    }
    // …and the right one is refused too, saying why and for how long, and nothing changed.
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(422);
    expect(besideField(refused.text, 'current-password-errors')).toBe(
      'Too many failed sign-ins for this account from your network address. Try again in 15 minutes.',
    );
    expect((await new WebSession(t.url).signIn(reviewer.email, NEW_PASSWORD)).status).not.toBe(303);
    expect((await actionsOf(reviewer.id)).map((row) => row.action)).not.toContain(
      'staff.password_changed',
    );
  });

  it('signs out all of a staff member’s other sessions, keeping the one they asked from', async () => {
    const senior = await createStaff(t.app, 'SENIOR_REVIEWER');
    const kept = await signedIn(t.url, senior.email, senior.password);
    const second = await signedIn(t.url, senior.email, senior.password);
    const third = await signedIn(cached.url, senior.email, senior.password);
    expect((await third.page('/queue')).status).toBe(200);

    await kept.page('/account');
    const ended = await kept.submit('/account/sessions/end-others');
    expect(ended.status).toBe(303);
    const page = await kept.page('/account');
    expect(page.status).toBe(200);
    expect(page.text).toContain('Your other sessions have ended; this one goes on.');
    // A change through the kept session gets past the sign-in check (to the request's own 404).
    const nobody = `/requests/${randomUUID()}/claim`;
    await kept.page('/queue');
    expect((await kept.submit(nobody)).status).toBe(404);

    // The others: at once for a change on any instance, and for a page on this one.
    const page2 = await second.agent.get('/queue');
    expect(page2.status).toBe(303);
    expect(page2.headers.location).toBe('/login?next=%2Fqueue');
    const change = await third.submit(nobody);
    expect(change.status).toBe(303);
    expect(change.headers.location).toBe('/login');
    // Signing in again afterwards works as ever.
    const fresh = await signedIn(cached.url, senior.email, senior.password);
    expect((await fresh.page('/queue')).status).toBe(200);
    expect((await actionsOf(senior.id)).map((row) => row.action)).toContain(
      'staff.other_sessions_ended',
    );
  });

  it('refuses a commonly used password, saying why in words, in English and in Chinese', async () => {
    await adminSession.page('/admin/users');
    for (const password of ['password1234', 'Password12345!']) {
      const refused = await adminSession.submit('/admin/users', {
        _form: 'new-staff',
        displayName: 'Common Password',
        email: `common-${Date.now()}@test.beian-desk.test`,
        role: 'REVIEWER',
        password,
      });
      expect(refused.status).toBe(422);
      expect(besideField(refused.text, 'new-password-errors')).toBe(
        'The password is too easy to guess: it is a commonly used password with small changes.',
      );
      expect(refused.text).not.toContain(password);
    }

    const chineseAdmin = await createStaff(t.app, 'ADMIN', '陈静');
    const chinese = await signedIn(t.url, chineseAdmin.email, chineseAdmin.password, 'zh-CN');
    await chinese.page('/admin/users');
    const refused = await chinese.submit('/admin/users', {
      _form: 'new-staff',
      displayName: '常用密码',
      email: `common-zh-${Date.now()}@test.beian-desk.test`,
      role: 'REVIEWER',
      password: '1qaz2wsx3edc',
    });
    expect(refused.status).toBe(422);
    expect(besideField(refused.text, 'new-password-errors')).toBe(
      '密码太容易被猜到：这是一个常用密码。',
    );
    // zxcvbn's own English never reaches the page.
    expect(refused.text).not.toMatch(/commonly used|similar to a commonly/i);

    const reviewer = await createStaff(t.app, 'REVIEWER');
    const { token } = await resetThroughPage(reviewer);
    const onTheLink = await setPassword(token, 'password1234');
    expect(onTheLink.status).toBe(422);
    expect(besideField(onTheLink.text, 'new-password-errors')).toBe(
      'The password is too easy to guess: it is a commonly used password with small changes.',
    );
    // A refused password leaves the link usable.
    expect((await setPassword(token, NEW_PASSWORD)).status).toBe(303);
  });

  it('reports every problem of a form at once, beside its field, keeping what was typed but never a password', async () => {
    await adminSession.page('/admin/users');
    const created = await adminSession.submit('/admin/users', {
      _form: 'new-staff',
      displayName: ' ',
      email: 'not-an-email',
      role: 'BOSS',
      password: 'abc',
    });
    expect(created.status).toBe(422);
    expect(besideField(created.text, 'new-name-errors')).toBe(
      'The name must be 1 to 120 characters.',
    );
    expect(besideField(created.text, 'new-email-errors')).toBe(
      '"not-an-email" is not an email address.',
    );
    expect(besideField(created.text, 'new-role-errors')).toBe(
      '"BOSS" is not a role (REVIEWER, SENIOR_REVIEWER, AUDITOR or ADMIN).',
    );
    expect(besideField(created.text, 'new-password-errors')).toBe(
      'The password must be at least 12 characters. The password is too easy to guess: it is a sequence such as "abcd" or "1234".',
    );
    expect(created.text).toContain('value="not-an-email"');
    expect(created.text).toMatch(/<input id="new-email"[^>]*aria-invalid="true"/);
    expect(created.text).not.toMatch(/name="password"[^>]*value=/);
    const rows: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM staff_members WHERE email = 'not-an-email'`,
    );
    expect(rows).toHaveLength(0);

    const reviewer = await createStaff(t.app, 'REVIEWER');
    const { token } = await resetThroughPage(reviewer);
    const onTheLink = await setPassword(token, reviewer.email, 'something-else-entirely');
    expect(onTheLink.status).toBe(422);
    expect(besideField(onTheLink.text, 'new-password-errors')).toContain(
      'The password must not be the email address.',
    );
    expect(besideField(onTheLink.text, 'confirm-password-errors')).toBe(
      'The two new passwords are not the same.',
    );
    expect(onTheLink.text).not.toContain('something-else-entirely');

    const own = await signedIn(t.url, admin.email, admin.password);
    await own.page('/account');
    const ownRefused = await own.submit('/account/password', {
      currentPassword: 'wrong-current-password',
      newPassword: 'qwertyuiopas',
      confirmPassword: 'qwertyuiopaz',
    });
    expect(ownRefused.status).toBe(422);
    expect(besideField(ownRefused.text, 'current-password-errors')).toBe(
      'The current password is not correct.',
    );
    expect(besideField(ownRefused.text, 'new-password-errors')).toBe(
      'The password is too easy to guess: it is a commonly used password with small changes.',
    );
    expect(besideField(ownRefused.text, 'confirm-password-errors')).toBe(
      'The two new passwords are not the same.',
    );
    expect(ownRefused.text).not.toMatch(/qwertyuiopa[sz]/);
  });
});
