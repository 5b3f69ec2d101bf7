import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  checksForm,
  flashesAfter,
  statusOf,
  submitReviewable,
  type ReviewableRequest,
} from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { csrfTokenOf, signedIn, type WebSession } from '../support/web-session.js';

/** The framework's own words for a malformed id, which the desk never shows. */
const FRAMEWORK_WORDS = /Validation failed|uuid is expected|Cannot read properties/i;

/** The page's heading and first paragraph of an error page, as text. */
function errorPageOf(html: string): { title: string; text: string } {
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  const text = /<main[^>]*>[\s\S]*?<p[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  return { title: title.trim(), text: text.trim() };
}

describe('the web edges: empty forms and malformed ids', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let wangFang: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;
  const sessions = new Map<string, WebSession>();
  const auth = { Authorization: `Bearer ${TEST_INTAKE_TOKEN}` };

  async function as(staff: TestStaff, language = 'en'): Promise<WebSession> {
    const key = `${staff.id}/${language}`;
    let session = sessions.get(key);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password, language);
      sessions.set(key, session);
    }
    return session;
  }

  /**
   * A decision POST as a script (or a broken client) sends it: the CSRF token in its
   * header, no body and no Content-Type at all.
   */
  async function emptyPost(staff: TestStaff, path: string) {
    const session = await as(staff);
    const page = await session.page('/queue');
    return session.agent.post(path).set('x-csrf-token', csrfTokenOf(page.text));
  }

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, wangFang, auditor, admin] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
    ]);
  });
  afterAll(() => t?.close());

  describe('a decision POST with no body', () => {
    let held: ReviewableRequest;

    it('claims: the claim form needs no field, so an empty one claims the request', async () => {
      held = await submitReviewable(t);
      const response = await emptyPost(liNa, `/requests/${held.id}/claim`);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/requests/${held.id}`);
      expect(await flashesAfter(await as(liNa))).toEqual([
        { kind: 'success', text: 'You now hold this request.' },
      ]);
      expect(await statusOf(t, held.id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: liNa.id,
      });
    });

    it.each([
      ['checks', 'Record at least one document check.'],
      [
        'approve',
        'Every required document must be present and checked with all answers yes before approval: ID card, front is not checked; ID card, back is not checked; Half-length photo holding the credential is not checked.',
      ],
      ['reject', 'Choose at least one reason. Write a message to the applicant.'],
      [
        'request-info',
        'Say which documents or fields the applicant must send again. Write a message saying why.',
      ],
    ])('%s: refused in words, nothing changes', async (action, words) => {
      const before = await statusOf(t, held.id);
      const response = await emptyPost(liNa, `/requests/${held.id}/${action}`);
      expect(response.status).toBe(303);
      expect(await flashesAfter(await as(liNa))).toEqual([{ kind: 'error', text: words }]);
      expect(await statusOf(t, held.id)).toEqual(before);
    });

    it('reassign: refused in words when no reviewer is chosen', async () => {
      const before = await statusOf(t, held.id);
      const response = await emptyPost(wangFang, `/requests/${held.id}/reassign`);
      expect(response.status).toBe(303);
      expect(await flashesAfter(await as(wangFang))).toEqual([
        {
          kind: 'error',
          text: 'Only reviewers and senior reviewers can hold requests; choose an active reviewer.',
        },
      ]);
      expect(await statusOf(t, held.id)).toEqual(before);
    });

    it('release: needs no field, so an empty one releases the request', async () => {
      const response = await emptyPost(liNa, `/requests/${held.id}/release`);
      expect(response.status).toBe(303);
      expect(await flashesAfter(await as(liNa))).toEqual([
        { kind: 'success', text: 'The request is back in the queue.' },
      ]);
      expect(await statusOf(t, held.id)).toMatchObject({
        status: 'PENDING_REVIEW',
        assignee_id: null,
      });
    });

    it('return and second approval: a senior is told the note is missing; an empty second approval approves', async () => {
      const organization = await submitReviewable(t, { type: 'ORGANIZATION' });
      const session = await as(liNa);
      await session.page('/queue');
      await session.submit(`/requests/${organization.id}/claim`);
      await session.submit(
        `/requests/${organization.id}/checks`,
        await checksForm(t, organization.id),
      );
      await session.submit(`/requests/${organization.id}/approve`);
      await flashesAfter(session);
      expect((await statusOf(t, organization.id)).status).toBe('AWAITING_SECOND_APPROVAL');

      const returned = await emptyPost(wangFang, `/requests/${organization.id}/return`);
      expect(returned.status).toBe(303);
      expect(await flashesAfter(await as(wangFang))).toEqual([
        { kind: 'error', text: 'Write a note saying what the reviewer should look at again.' },
      ]);
      expect((await statusOf(t, organization.id)).status).toBe('AWAITING_SECOND_APPROVAL');

      const approved = await emptyPost(wangFang, `/requests/${organization.id}/second-approval`);
      expect(approved.status).toBe(303);
      expect(await flashesAfter(await as(wangFang))).toEqual([
        { kind: 'success', text: 'Second approval given. The account email was replaced.' },
      ]);
      expect((await statusOf(t, organization.id)).status).toBe('APPROVED');
    });

    it('a body that is not a form (a JSON array, plain text) counts as an empty form', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      const token = csrfTokenOf((await session.page('/queue')).text);
      const array = await session.agent
        .post(`/requests/${created.id}/reject`)
        .set('x-csrf-token', token)
        .set('Content-Type', 'application/json')
        .send('[]');
      expect(array.status).toBe(303);
      const text = await session.agent
        .post(`/requests/${created.id}/claim`)
        .set('x-csrf-token', token)
        .set('Content-Type', 'text/plain')
        .send('claim it');
      expect(text.status).toBe(303);
      const flashes = await flashesAfter(session);
      expect(flashes.map((flash) => flash.kind)).toEqual(['error', 'success']);
    });
  });

  describe('an address whose id is not a UUID', () => {
    it("answers the desk's 404 page in words, in the reader's language", async () => {
      const created = await submitReviewable(t);
      const english = await as(liNa);
      const chinese = await as(liNa, 'zh-CN');
      const pages: [WebSession, string, { title: string; text: string }][] = [
        [
          english,
          '/requests/not-a-uuid',
          { title: 'Not found', text: 'There is no initialization request not-a-uuid.' },
        ],
        [
          english,
          `/requests/${created.id}/documents/not-a-uuid`,
          { title: 'Not found', text: 'This request has no such document.' },
        ],
        [
          english,
          '/requests/not-a-uuid/documents/00000000-0000-4000-8000-000000000000',
          { title: 'Not found', text: 'There is no initialization request not-a-uuid.' },
        ],
        [
          chinese,
          '/requests/not-a-uuid',
          { title: '未找到', text: '不存在备案账号邮箱初始化申请 not-a-uuid。' },
        ],
        [
          chinese,
          `/requests/${created.id}/documents/not-a-uuid`,
          { title: '未找到', text: '该申请没有这份材料。' },
        ],
      ];
      // The subject page's own lookup answers its malformed ids the same way.
      const subject = await english.page('/subjects/not-a-uuid');
      expect(subject.status).toBe(404);
      expect(errorPageOf(subject.text).title).toBe('Not found');
      expect(subject.text).not.toMatch(FRAMEWORK_WORDS);
      for (const [session, path, expected] of pages) {
        const page = await session.page(path);
        expect({ path, status: page.status }).toEqual({ path, status: 404 });
        expect(page.headers['content-type']).toMatch(/^text\/html/);
        expect(errorPageOf(page.text)).toEqual(expected);
        expect(page.text).not.toMatch(FRAMEWORK_WORDS);
      }
    });

    it('answers a decision POST to a malformed id with the 404 page, not a redirect', async () => {
      const session = await as(liNa);
      const token = csrfTokenOf((await session.page('/queue')).text);
      for (const action of ['claim', 'approve', 'reject']) {
        const response = await session.agent
          .post(`/requests/not-a-uuid/${action}`)
          .set('x-csrf-token', token);
        expect(response.status).toBe(404);
        expect(errorPageOf(response.text).text).toBe(
          'There is no initialization request not-a-uuid.',
        );
      }
    });

    it('answers the other pages with ids (exports, staff, the demo mailbox) with the plain 404 page', async () => {
      const checks: [TestStaff, 'get' | 'post', string][] = [
        [auditor, 'get', '/exports/not-a-uuid/download'],
        [admin, 'get', '/admin/mail/not-a-uuid'],
        [admin, 'post', '/admin/users/not-a-uuid/deactivate'],
      ];
      for (const [staff, method, path] of checks) {
        const session = await as(staff);
        const response =
          method === 'get'
            ? await session.agent.get(path)
            : await session.agent
                .post(path)
                .set('x-csrf-token', csrfTokenOf((await session.page('/admin/users')).text));
        expect({ path, status: response.status }).toEqual({ path, status: 404 });
        expect(errorPageOf(response.text)).toEqual({
          title: 'Not found',
          text: 'There is nothing at this address.',
        });
      }
    });

    it('answers the intake API with 404 problem+json coded request.not-found, as for an unknown id', async () => {
      const calls = [
        request(t.url).get('/api/v1/initialization-requests/not-a-uuid'),
        request(t.url).post('/api/v1/initialization-requests/not-a-uuid/withdrawal'),
        request(t.url)
          .post('/api/v1/initialization-requests/not-a-uuid/resubmissions')
          .attach('ID_FRONT', Buffer.from('not looked at'), 'front.jpg'),
      ];
      for (const call of calls) {
        const response = await call.set(auth);
        expect(response.status).toBe(404);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body).toMatchObject({
          status: 404,
          code: 'request.not-found',
          detail: 'There is no initialization request not-a-uuid for this client.',
        });
        expect(response.text).not.toMatch(FRAMEWORK_WORDS);
      }
      const chinese = await request(t.url)
        .get('/api/v1/initialization-requests/not-a-uuid')
        .set(auth)
        .set('Accept-Language', 'zh-CN');
      expect(chinese.status).toBe(404);
      expect(chinese.body).toMatchObject({
        code: 'request.not-found',
        detail: '该客户端没有编号为 not-a-uuid 的初始化申请。',
      });
    });
  });
});
