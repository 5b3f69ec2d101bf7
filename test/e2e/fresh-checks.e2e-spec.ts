import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { documentsOf, submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

/**
 * Both read caches on, and long: a check made before the change is still within
 * its time when the test looks, however slow the machine, so a page refused below
 * is refused because it checked afresh, not because its cache ran out.
 */
const CACHES_ON = { STAFF_CHECK_CACHE_SECONDS: '60', SESSION_READ_CACHE_SECONDS: '60' };

describe('fresh checks: the workspace, documents and changes check the session and the staff member afresh; list pages may rely on a recent check', () => {
  /** Two instances sharing the database, both caching their checks. */
  let a: TestApp;
  let b: TestApp;
  /** A third, with the caches as long as they are by default. */
  let c: TestApp;
  let adminOnA: WebSession;

  beforeAll(async () => {
    a = await startTestApp({ env: CACHES_ON });
    b = await startTestApp({ env: CACHES_ON });
    c = await startTestApp({
      env: { STAFF_CHECK_CACHE_SECONDS: '5', SESSION_READ_CACHE_SECONDS: '5' },
    });
    const admin = await createStaff(a.app, 'ADMIN');
    adminOnA = await signedIn(a.url, admin.email, admin.password);
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  /** A request under review and the pages of it that show personal data in full. */
  async function reviewablePages(): Promise<{
    workspace: string;
    compare: string;
    document: string;
  }> {
    const submitted = await submitReviewable(a);
    const [document] = await documentsOf(a, submitted.id);
    return {
      workspace: `/requests/${submitted.id}`,
      compare: `/requests/${submitted.id}/compare`,
      document: `/requests/${submitted.id}/documents/${document!.id}`,
    };
  }

  /** A session of the member on an instance that has just opened the queue and every page given: both caches hold it. */
  async function warmSession(on: TestApp, member: TestStaff, paths: string[]): Promise<WebSession> {
    const session = await signedIn(on.url, member.email, member.password);
    for (const path of ['/queue', ...paths]) {
      expect((await session.page(path)).status).toBe(200);
    }
    return session;
  }

  /** The same session (the same cookie) in a browser tab talking to another instance. */
  function sameSessionOn(session: WebSession, on: TestApp): WebSession {
    const other = new WebSession(on.url);
    const jar = (
      other.agent as unknown as {
        jar: { setCookie(cookie: string, domain: string, path: string): void };
      }
    ).jar;
    jar.setCookie(`beian.sid=${session.cookieValue()!}; Path=/`, new URL(on.url).hostname, '/');
    return other;
  }

  function expectSentToSignIn(response: { status: number; headers: Record<string, string> }) {
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/login/);
  }

  it('a deactivated reviewer opens no workspace, comparison or document one second after the deactivation, on either instance', async () => {
    const reviewer = await createStaff(a.app, 'REVIEWER');
    const pages = await reviewablePages();
    const all = [pages.workspace, pages.compare, pages.document];
    // One session per page and instance (a refused session is ended, so each page is
    // tried on a session of its own), each warmed by the workspace, the comparison and
    // the document; and one on B that only reads the queue.
    const sessions = {
      a: await Promise.all(all.map(() => warmSession(a, reviewer, all))),
      b: await Promise.all(all.map(() => warmSession(b, reviewer, all))),
    };
    const queueOnB = await warmSession(b, reviewer, []);

    await adminOnA.page(`/admin/users/${reviewer.id}/deactivate`);
    const deactivated = await adminOnA.submit(`/admin/users/${reviewer.id}/deactivate`, {
      held: 'release',
    });
    expect(deactivated.status).toBe(303);
    await sleep(1_000);

    // B's caches still vouch for the reviewer: a list page may answer from them.
    expect((await queueOnB.agent.get('/queue')).status).toBe(200);
    // Yet every page showing personal data in full checks afresh, through B and through A.
    for (const [index, path] of all.entries()) {
      expectSentToSignIn(await sessions.b[index]!.agent.get(path));
      expectSentToSignIn(await sessions.a[index]!.agent.get(path));
    }
    // And the list page follows: B's refusal forgot its check of the reviewer.
    expectSentToSignIn(await queueOnB.agent.get('/queue'));

    const viewed: unknown[] = await a.dataSource.query(
      `SELECT 1 FROM audit_events WHERE action = 'document.viewed' AND actor_id = $1`,
      [reviewer.id],
    );
    // The warm-up's views (one per session), none after the deactivation.
    expect(viewed).toHaveLength(2 * all.length);
  });

  it('a sign-out through one instance closes the workspace, the comparison and the documents on the other at once', async () => {
    const reviewer = await createStaff(a.app, 'REVIEWER');
    const pages = await reviewablePages();
    const all = [pages.workspace, pages.compare, pages.document];
    const onB = await warmSession(b, reviewer, all);
    // The same session in a tab per page on B (a refused tab may be handed a new
    // cookie), and in one on A.
    const tabsOnB = all.map(() => sameSessionOn(onB, b));
    const onA = sameSessionOn(onB, a);
    expect((await onA.page('/queue')).status).toBe(200);

    const signedOut = await onA.submit('/logout');
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.location).toBe('/login');

    for (const [index, path] of all.entries()) {
      expectSentToSignIn(await tabsOnB[index]!.agent.get(path));
    }
  });

  it('a list page read over and over follows a deactivation within the cache time: only a check read from the database starts it', async () => {
    const reviewer = await createStaff(a.app, 'REVIEWER');
    const onC = await warmSession(c, reviewer, []);
    await adminOnA.page(`/admin/users/${reviewer.id}/deactivate`);
    expect(
      (await adminOnA.submit(`/admin/users/${reviewer.id}/deactivate`, { held: 'release' })).status,
    ).toBe(303);
    const deactivatedAt = Date.now();

    // The reviewer keeps paging through the queue on C, four times a second.
    let queue = await onC.agent.get('/queue');
    while (queue.status === 200 && Date.now() - deactivatedAt < 8_000) {
      await sleep(250);
      queue = await onC.agent.get('/queue');
    }
    expectSentToSignIn(queue);
    // Within the five seconds of the caches (and a moment for a slow machine).
    expect(Date.now() - deactivatedAt).toBeLessThan(7_000);
  });
});
