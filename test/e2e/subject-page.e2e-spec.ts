import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { maskIdentifier } from '../../src/shared/domain/personal-data.js';
import { filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { registerSubject, type TestSubject } from '../support/registry.js';
import { checksForm, statusOf, submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const HOUR = 3_600_000;

/** Decodes what Handlebars escaped, to compare with plain text. */
const text = (html: string): string =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The inner HTML of the first element carrying `attribute` (a table or list marked for tests). */
function regionOf(html: string, attribute: string): string {
  const start = html.indexOf(attribute);
  if (start < 0) throw new Error(`no ${attribute} on the page`);
  const tag = html.lastIndexOf('<', start);
  const name = /^<(\w+)/.exec(html.slice(tag))![1]!;
  return html.slice(start, html.indexOf(`</${name}>`, start));
}

/** The rows of a table region, each as its cells' text. */
function rowsOf(region: string): string[][] {
  return [...region.matchAll(/<tr>([\s\S]*?)<\/tr>/g)]
    .map((row) =>
      [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
        text(
          cell[1]!
            .replace(/<[^>]*>/g, '')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      ),
    )
    .filter((cells) => cells.length > 0);
}

/** The links (href and text) inside a piece of a page. */
function linksOf(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].map((match) => ({
    href: match[1]!,
    text: text(match[2]!),
  }));
}

describe('the filing subject page and the links of risk flags', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;
  const sessions = new Map<string, WebSession>();

  async function as(staff: TestStaff, language = 'en'): Promise<WebSession> {
    const key = `${staff.id}:${language}`;
    let session = sessions.get(key);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password, language);
      sessions.set(key, session);
    }
    return session;
  }

  function individual(name = '周杰'): Promise<TestSubject> {
    return registerSubject(t, {
      type: 'INDIVIDUAL',
      name,
      credentialNumber: residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800)),
      filingNumber: filingNumber(),
    });
  }

  /** An individual's request for `subject`, as the public system sends it. */
  async function submitFor(
    subject: TestSubject,
    options: { subjectName?: string; aliyunAccountId?: string; seed?: number } = {},
  ): Promise<{ id: string; reference: string }> {
    const body = individualRequest({
      filingNumber: subject.filingNumber,
      subjectName: options.subjectName ?? subject.name,
      credentialNumber: subject.credentialNumber,
      applicant: {
        name: subject.name,
        idNumber: subject.credentialNumber,
        role: 'SUBJECT_ADMIN',
        phone: '13300133000',
      },
      ...(options.aliyunAccountId ? { aliyunAccountId: options.aliyunAccountId } : {}),
    });
    const response = await submitIntake(t.url, body, individualDocuments(options.seed));
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return { id: response.body.id, reference: response.body.reference };
  }

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, auditor, admin] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
    ]);
  });
  afterAll(() => t?.close());

  describe('the subject page', () => {
    let subject: TestSubject;
    let approved: { id: string; reference: string; newAccountEmail: string };
    let pending: { id: string; reference: string };

    beforeAll(async () => {
      subject = await individual();
      // The first request is approved: the account email it replaced goes to the history.
      const first = await submitReviewable(t, {
        subject,
        receivedAt: new Date(Date.now() - 26 * HOUR),
      });
      const reviewer = await as(liNa);
      await reviewer.page(`/requests/${first.id}`);
      await reviewer.submit(`/requests/${first.id}/claim`);
      await reviewer.submit(`/requests/${first.id}/checks`, await checksForm(t, first.id));
      await reviewer.submit(`/requests/${first.id}/approve`);
      expect((await statusOf(t, first.id)).status).toBe('APPROVED');
      approved = first;
      const second = await submitReviewable(t, {
        subject,
        receivedAt: new Date(Date.now() - 2 * HOUR),
      });
      pending = second;
    });

    it('shows a reviewer the registry record, its websites, its email history and its requests newest first, numbers masked', async () => {
      const page = await (await as(liNa)).page(`/subjects/${subject.id}`);
      expect(page.status).toBe(200);
      const html = page.text;
      expect(html).toContain('<title>Filing subject 周杰');

      const record = text(regionOf(html, 'data-record'));
      expect(record).toContain(subject.name);
      expect(record).toContain(subject.filingNumber);
      expect(record).toContain('Individual');
      // The account email and the account now bound are those the approval set.
      expect(record).toContain(approved.newAccountEmail);
      // The resident ID is masked, never shown in full anywhere on the page.
      expect(record).toContain(maskIdentifier(subject.credentialNumber));
      expect(html).not.toContain(subject.credentialNumber);

      const websites = rowsOf(regionOf(html, 'data-websites'));
      expect(websites).toHaveLength(1);
      expect(websites[0]![0]).toBe(`${subject.filingNumber}-1`);
      expect(websites[0]![1]).toMatch(/^site-[a-z0-9]+\.example\.cn$/);

      const historyRegion = regionOf(html, 'data-email-history');
      const history = rowsOf(historyRegion);
      expect(history).toHaveLength(1);
      expect(history[0]![0]).toBe(subject.accountEmail);
      expect(history[0]![4]).toBe(`Replaced on approval of a request ${approved.reference}`);
      expect(linksOf(historyRegion)).toEqual([
        { href: `/requests/${approved.id}`, text: approved.reference },
      ]);

      const requestsRegion = regionOf(html, 'data-subject-requests');
      const requests = rowsOf(requestsRegion);
      expect(requests.map((row) => [row[0], row[1]])).toEqual([
        [pending.reference, 'Pending review'],
        [approved.reference, 'Approved'],
      ]);
      expect(linksOf(requestsRegion)).toEqual([
        { href: `/requests/${pending.id}`, text: pending.reference },
        { href: `/requests/${approved.id}`, text: approved.reference },
      ]);
    });

    it('reads in Chinese for a reader who asks for it', async () => {
      const page = await (await as(liNa, 'zh-CN')).page(`/subjects/${subject.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="zh-CN">');
      expect(page.text).toContain('<title>备案主体 周杰');
      for (const words of [
        '备案库记录',
        '主体证件号码',
        '账号邮箱变更记录',
        '申请审核通过后更换',
        '邮箱初始化申请',
        '待审核',
        '已通过',
        '个人',
      ])
        expect([words, page.text.includes(words)]).toEqual([words, true]);
      expect(page.text).not.toMatch(/Pending review|Account email history|Registry record/);
    });

    it('is open to auditors, refused to administrators, and 404 for a subject that does not exist', async () => {
      expect((await (await as(auditor)).page(`/subjects/${subject.id}`)).status).toBe(200);

      const refused = await (await as(admin)).page(`/subjects/${subject.id}`);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('Your role does not allow this page or action.');
      expect(refused.text).not.toContain(subject.filingNumber);

      const unknown = randomUUID();
      const missing = await (await as(liNa)).page(`/subjects/${unknown}`);
      expect(missing.status).toBe(404);
      expect(text(missing.text)).toContain(
        `There is no filing subject ${unknown} in the registry.`,
      );
      const malformed = await (await as(liNa)).page('/subjects/not-a-uuid');
      expect(malformed.status).toBe(404);
      expect(malformed.text).not.toContain('Validation failed');
    });
  });

  describe('risk flags that concern another record link to it', () => {
    async function flagLinksOf(session: WebSession, requestId: string) {
      const page = await session.page(`/requests/${requestId}`);
      expect(page.status).toBe(200);
      return [
        ...page.text.matchAll(/<span class="flag-links" data-flag-links>([\s\S]*?)<\/span>/g),
      ].map((match) => ({
        lead: text(match[1]!.replace(/<a[\s\S]*/, '').trim()),
        links: linksOf(match[1]!),
      }));
    }

    it('DOCUMENT_REUSED links to the request of another subject holding the same file', async () => {
      const seed = 7_000_000 + Math.floor(Math.random() * 1_000_000);
      const original = await submitFor(await individual('吴芳'), { seed });
      const reused = await submitFor(await individual('郑强'), { seed });
      expect((await statusOf(t, reused.id)).risk_flags).toContain('DOCUMENT_REUSED');
      expect(await flagLinksOf(await as(liNa), reused.id)).toContainEqual({
        lead: 'The same file is in:',
        links: [{ href: `/requests/${original.id}`, text: original.reference }],
      });
    });

    it('SUBJECT_MISMATCH and ACCOUNT_HOLDS_OTHER_SUBJECT link to the subject pages, for auditors too', async () => {
      const holder = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: '冯静',
        credentialNumber: residentId('330106', '19880808', 555),
        filingNumber: filingNumber(),
        aliyunAccountId: String(1_000_000_000_000 + Math.floor(Math.random() * 1e12)),
      });
      const subject = await individual('陈晨');
      const created = await submitFor(subject, {
        subjectName: '陈晨晨',
        aliyunAccountId: holder.aliyunAccountId!,
      });
      expect((await statusOf(t, created.id)).risk_flags).toEqual(
        expect.arrayContaining(['SUBJECT_MISMATCH', 'ACCOUNT_HOLDS_OTHER_SUBJECT']),
      );
      for (const viewer of [liNa, auditor]) {
        const links = await flagLinksOf(await as(viewer), created.id);
        expect(links).toContainEqual({
          lead: 'The registry record:',
          links: [{ href: `/subjects/${subject.id}`, text: `陈晨 ${subject.filingNumber}` }],
        });
        expect(links).toContainEqual({
          lead: 'The subject the account holds:',
          links: [{ href: `/subjects/${holder.id}`, text: `冯静 ${holder.filingNumber}` }],
        });
      }
      // The subject page of the account holder opens from the link.
      const page = await (await as(liNa)).page(`/subjects/${holder.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(holder.filingNumber);
    });
  });

  describe('the comparison view', () => {
    it('shows the ID card’s portrait side and the half-length photo from the audited document route; refused to administrators; 404 for a malformed id', async () => {
      const created = await submitReviewable(t);
      const documents: { id: string; kind: string }[] = await t.dataSource.query(
        `SELECT id, kind FROM request_documents WHERE request_id = $1 AND superseded_at IS NULL`,
        [created.id],
      );
      const idOf = (kind: string) => documents.find((document) => document.kind === kind)!.id;

      const workspace = await (await as(liNa)).page(`/requests/${created.id}`);
      expect(workspace.text).toContain(
        `<a href="/requests/${created.id}/compare" data-compare-link>Compare the ID card with the photo</a>`,
      );
      const page = await (await as(auditor)).page(`/requests/${created.id}/compare`);
      expect(page.status).toBe(200);
      const images = [
        ...page.text.matchAll(/<img class="compare-image" src="([^"]+)" alt="([^"]+)"/g),
      ];
      expect(images.map((image) => [image[1], text(image[2]!)])).toEqual([
        [
          `/requests/${created.id}/documents/${idOf('ID_FRONT')}`,
          `ID card, front of ${created.reference}`,
        ],
        [
          `/requests/${created.id}/documents/${idOf('HALF_LENGTH_PHOTO')}`,
          `Half-length photo holding the credential of ${created.reference}`,
        ],
      ]);
      // Buttons by name for each pane (shown once the script runs).
      expect(page.text).toContain('aria-label="Zoom in (ID card, front)"');
      expect(page.text).toContain(
        'aria-label="Rotate 90° to the right (Half-length photo holding the credential)"',
      );

      expect((await (await as(admin)).page(`/requests/${created.id}/compare`)).status).toBe(403);
      const malformed = await (await as(liNa)).page('/requests/not-a-uuid/compare');
      expect(malformed.status).toBe(404);
      expect(malformed.text).not.toContain('Validation failed');
      const chinese = await (await as(liNa, 'zh-CN')).page(`/requests/${created.id}/compare`);
      expect(chinese.text).toContain('身份证人像面与手持证件半身照比对');
    });
  });
});
