import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { flashesAfter, submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

/** The page's heading and first paragraph of an error page, as text. */
function errorPageOf(html: string): { title: string; text: string } {
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  const text = /<main[^>]*>[\s\S]*?<p[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  return { title: title.trim(), text: text.trim() };
}

/**
 * Forms the pages would never send (a field sent twice, a field sent as fields) are
 * refused by their schema before any command runs, with every problem in words
 * (shared/interface/http/form-schema.ts); the review forms, in the workspace.
 */
describe('web forms parsed at the boundary', () => {
  let t: TestApp;
  let admin: TestStaff;
  let auditor: TestStaff;
  let reviewer: TestStaff;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, auditor, reviewer] = await Promise.all([
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'REVIEWER', 'Li Na'),
    ]);
  });
  afterAll(() => t?.close());

  it('a new account with fields sent twice: a 400 naming each, and no account', async () => {
    const session = await signedIn(t.url, admin.email, admin.password);
    await session.page('/admin/users');
    const response = await session.submit('/admin/users', {
      displayName: 'Sun Li',
      email: ['sun@test.beian-desk.test', 'li@test.beian-desk.test'],
      role: ['REVIEWER', 'ADMIN'],
      password: 'a long enough password',
    });
    expect(response.status).toBe(400);
    expect(errorPageOf(response.text)).toEqual({
      title: 'Not accepted',
      text: 'Write the email address as one text. Choose one role from the list.',
    });
    const list = await session.page('/admin/users');
    expect(list.text).not.toContain('sun@test.beian-desk.test');
  });

  it("says it in the reader's language", async () => {
    const session: WebSession = await signedIn(t.url, auditor.email, auditor.password, 'zh-CN');
    await session.page('/exports');
    const response = await session.submit('/exports', {
      dataset: ['requests', 'audit-events'],
      format: 'CSV',
      from: ['2026-11-01', '2026-11-02'],
      to: '2026-11-30',
    });
    expect(response.status).toBe(400);
    expect(errorPageOf(response.text).text).toBe(
      '请从列表中选择一个数据集。请将日期范围的起止各填写为一个日期。',
    );
  });

  it('a note sent twice comes back to the workspace in words', async () => {
    const created = await submitReviewable(t);
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    await session.page(`/requests/${created.id}`);
    const response = await session.submitFrom(
      `/requests/${created.id}`,
      `/requests/${created.id}/notes`,
      { text: ['one', 'two'] },
    );
    expect(response.status).toBe(303);
    expect(await flashesAfter(session)).toEqual([
      { kind: 'error', text: 'Write the note as one text.' },
    ]);
  });
});
