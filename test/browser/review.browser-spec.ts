import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import {
  authorizationLetter,
  individualDocuments,
  individualRequest,
  submitIntake,
} from '../support/intake.js';
import {
  flashes,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
  submit,
} from '../support/browser.js';
import { registerSubject } from '../support/registry.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';

const HOUR = 3_600_000;
/** A Wednesday, 10:00 in Shanghai: the deadlines below do not depend on when the tests run. */
const NOW = new Date('2026-12-02T02:00:00Z');

/** Elements the applicant's text would have created had it been parsed as markup. */
const injectedElements = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const dom = (
      globalThis as unknown as {
        document: {
          querySelectorAll(selector: string): { length: number };
          scripts: ArrayLike<{ textContent: string | null }>;
        };
      }
    ).document;
    return (
      dom.querySelectorAll('img[src="x"], img[onerror]').length +
      Array.from(dom.scripts).filter((script) => /alert\(/.test(script.textContent ?? '')).length
    );
  });

describe('reviewers in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let liNa: TestStaff;
  let zhangWei: TestStaff;
  let wangFang: TestStaff;
  let chenJie: TestStaff;
  let auditor: TestStaff;

  /** A request for a registered subject, received `hoursAgo` hours ago. */
  async function submitRequest(
    options: {
      type?: 'INDIVIDUAL' | 'ORGANIZATION';
      hoursAgo?: number;
      subjectName?: string;
      applicantName?: string;
    } = {},
  ): Promise<{ id: string; reference: string }> {
    const type = options.type ?? 'INDIVIDUAL';
    const individual = type === 'INDIVIDUAL';
    const subject = await registerSubject(t, {
      type,
      name: options.subjectName ?? (individual ? '周杰' : '宁波示例网络有限公司'),
      credentialNumber: individual
        ? residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800))
        : creditCode(),
      filingNumber: filingNumber(),
    });
    const body = individualRequest({
      receivedAt: new Date(
        t.clock!.now().getTime() - (options.hoursAgo ?? 0.1) * HOUR,
      ).toISOString(),
      subjectType: type,
      filingNumber: subject.filingNumber,
      subjectName: subject.name,
      credentialNumber: subject.credentialNumber,
      applicant: {
        name: options.applicantName ?? (individual ? subject.name : '钱七'),
        idNumber: individual ? subject.credentialNumber : residentId('330203', '19850505', 321),
        role: individual ? 'SUBJECT_ADMIN' : 'OTHER',
        phone: '13300133000',
      },
    });
    const files = individual
      ? individualDocuments()
      : [...individualDocuments(), await authorizationLetter()];
    const response = await submitIntake(t.url, body, files);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return { id: response.body.id, reference: response.body.reference };
  }

  async function claimFromWorkspace(page: Page, requestId: string): Promise<void> {
    await page.goto(`${t.url}/requests/${requestId}`);
    await submit(page, page.getByRole('button', { name: 'Claim', exact: true }));
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({ ownDatabase: true, clock: 'settable' }),
      launchBrowser(),
    ]);
    t.clock!.set(NOW);
    [liNa, zhangWei, wangFang, chenJie, auditor] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'REVIEWER', 'Zhang Wei'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Chen Jie'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('claims the most urgent request, views and checks every document, approves; a senior gives the second approval', async () => {
    const urgent = await submitRequest({ type: 'ORGANIZATION', hoursAgo: 30 });
    await submitRequest({ hoursAgo: 1 });
    await submitRequest({ hoursAgo: 2 });

    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await page.getByRole('link', { name: /^Unassigned/ }).click();
      await page.waitForURL(/tab=unassigned/);
      const first = page.locator('table.queue tbody tr').first();
      await expect(first.locator('a.row-link').textContent()).resolves.toBe(urgent.reference);
      await screenshot(page, 'review-queue');
      await submit(page, first.getByRole('button', { name: /^Claim/ }));
      expect(page.url()).toBe(`${t.url}/requests/${urgent.id}`);
      expect(await flashes(page)).toEqual(['You now hold this request.']);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('In review');

      // Every document is shown: the images loaded inline (and zoom), the PDF opens.
      const images = page.locator('img.document-image');
      await expect(images.count()).resolves.toBe(3);
      for (const image of await images.all()) {
        await expect(
          image.evaluate(
            (element) => (element as unknown as { naturalWidth: number }).naturalWidth,
          ),
        ).resolves.toBeGreaterThan(400);
      }
      // Large enough to read an ID card on the page itself, not only in the file: the ID
      // card images at least 400 px wide, the (portrait) half-length photo at least 500 px tall.
      for (const side of ['front', 'back']) {
        const box = await page
          .getByAltText(`ID card, ${side} of ${urgent.reference}`)
          .boundingBox();
        expect([side, (box?.width ?? 0) >= 400]).toEqual([side, true]);
      }
      const photo = await page
        .locator('img.document-image[alt^="Half-length photo"]')
        .boundingBox();
      expect(photo?.height ?? 0).toBeGreaterThanOrEqual(500);
      // The authorization letter is embedded, not only linked.
      const [letter] = await t.dataSource.query(
        `SELECT id FROM request_documents WHERE request_id = $1 AND kind = 'AUTHORIZATION_LETTER'`,
        [urgent.id],
      );
      const embedded = page.locator('object.document-pdf');
      await expect(embedded.count()).resolves.toBe(1);
      await expect(embedded.getAttribute('data')).resolves.toBe(
        `/requests/${urgent.id}/documents/${letter.id}`,
      );
      await expect(embedded.getAttribute('type')).resolves.toBe('application/pdf');
      const pdfBox = await embedded.boundingBox();
      expect(pdfBox?.width ?? 0).toBeGreaterThanOrEqual(400);
      expect(pdfBox?.height ?? 0).toBeGreaterThanOrEqual(400);
      const figure = page.locator('figure[data-zoomable]').first();
      await figure.locator('a[data-zoom]').click();
      await expect(figure.getAttribute('class')).resolves.toContain('zoomed');
      const pdfLink = page.getByRole('link', { name: 'Open the PDF' }).last();
      const pdf = await context.request.get(`${t.url}${await pdfLink.getAttribute('href')}`);
      expect(pdf.status()).toBe(200);
      expect(pdf.headers()['content-type']).toBe('application/pdf');
      const viewed: { kind: string }[] = await t.dataSource.query(
        `SELECT DISTINCT details->>'kind' AS kind FROM audit_events
          WHERE request_id = $1 AND action = 'document.viewed' ORDER BY 1`,
        [urgent.id],
      );
      expect(viewed.map((row) => row.kind)).toEqual([
        'AUTHORIZATION_LETTER',
        'HALF_LENGTH_PHOTO',
        'ID_BACK',
        'ID_FRONT',
      ]);

      // The approve button says why it is disabled until every check passes.
      const approve = page.getByRole('button', { name: 'Approve', exact: true });
      await expect(approve.isDisabled()).resolves.toBe(true);
      await expect(page.locator('#why-approve').textContent()).resolves.toContain('is not checked');

      const cards = page.locator('article.document-card');
      await expect(cards.count()).resolves.toBe(4);
      for (let index = 0; index < 4; index += 1) {
        const card = page.locator('article.document-card').nth(index);
        for (const label of [
          'Legible',
          'Authentic',
          'Valid, not expired',
          'Matches the application',
        ])
          await card.getByLabel(label).check();
        await submit(page, card.getByRole('button', { name: /^Record checks/ }));
        expect(await flashes(page)).toEqual(['The checks were recorded.']);
      }
      await expect(
        page.locator('.badge', { hasText: 'Passed all four checks' }).count(),
      ).resolves.toBe(4);
      await screenshot(page, 'review-workspace-checked');
      await submit(page, page.getByRole('button', { name: 'Approve', exact: true }));
      expect(await flashes(page)).toEqual([
        'Approved; it now needs a second approval by another senior reviewer.',
      ]);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe(
        'Awaiting second approval',
      );
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }

    const senior = await newPage(browser);
    try {
      await signInThroughPage(senior.page, t.url, wangFang.email, wangFang.password);
      await senior.page.getByRole('link', { name: /^Second approval/ }).click();
      await senior.page.getByRole('link', { name: urgent.reference }).click();
      await senior.page.waitForURL(`**/requests/${urgent.id}`);
      await submit(senior.page, senior.page.getByRole('button', { name: 'Second approval' }));
      expect(await flashes(senior.page)).toEqual([
        'Second approval given. The account email was replaced.',
      ]);
      await expect(senior.page.locator('[data-status]').textContent()).resolves.toBe('Approved');
      const timeline = await senior.page.locator('.timeline .event-sentence').allTextContents();
      const at = (sentence: string | RegExp): number =>
        timeline.findIndex((entry) =>
          typeof sentence === 'string' ? entry === sentence : sentence.test(entry),
        );
      // Every step, newest first; each look at the workspace is there too (document views).
      const steps = [
        /^Wang Fang replaced the filing account email of .+ in the registry$/,
        'Wang Fang gave the second approval — the account email was replaced',
        'Li Na approved — awaiting second approval',
        /^Li Na recorded document checks: /,
        'Li Na claimed the request',
        `The filing system (test-client) submitted request ${urgent.reference}`,
      ].map(at);
      expect(steps.every((index) => index >= 0)).toBe(true);
      expect([...steps].sort((a, b) => a - b)).toEqual(steps);
      expect(steps[0]).toBe(0);
      expect(steps[steps.length - 1]).toBe(timeline.length - 1);
      expect(
        timeline.filter((sentence) => sentence.startsWith('Li Na recorded document checks')),
      ).toHaveLength(4);
      expect(timeline.some((entry) => /^Li Na viewed .+ \(\d+ views\)$/.test(entry))).toBe(true);
      expect(timeline.some((entry) => entry.startsWith('Wang Fang viewed'))).toBe(true);
      await expect(
        senior.page.getByRole('button', { name: /Approve|Reject|Claim/ }).count(),
      ).resolves.toBe(0);
      await screenshot(senior.page, 'review-approved-timeline');
      expect(senior.dialogs).toEqual([]);
    } finally {
      await senior.context.close();
    }
  });

  it('rejects with two reasons, keeping what was typed when the first attempt is refused', async () => {
    const created = await submitRequest({ hoursAgo: 3 });
    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, zhangWei.email, zhangWei.password);
      await claimFromWorkspace(page, created.id);
      await page.getByLabel('A document is not clear enough to read').check();
      await page.getByLabel('Suspected fraud').check();
      await submit(page, page.getByRole('button', { name: 'Reject', exact: true }));
      expect(await flashes(page)).toEqual(['Write a message to the applicant.']);
      await expect(page.locator('.decision-form .field-error').textContent()).resolves.toBe(
        'Write a message to the applicant.',
      );
      await expect(page.getByLabel('Suspected fraud').isChecked()).resolves.toBe(true);
      await expect(
        page.getByLabel('A document is not clear enough to read').isChecked(),
      ).resolves.toBe(true);
      await expect(page.getByLabel('Other', { exact: true }).isChecked()).resolves.toBe(false);

      await page
        .getByLabel('Message to the applicant')
        .first()
        .fill('The photo of your ID card is too blurred to read.');
      await submit(page, page.getByRole('button', { name: 'Reject', exact: true }));
      expect(await flashes(page)).toEqual(['Rejected. The applicant will be told why.']);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('Rejected');
      await expect(page.locator('.decision-panel .reasons li').allTextContents()).resolves.toEqual([
        'A document is not clear enough to read',
        'Suspected fraud',
      ]);
      await expect(page.locator('.timeline .event-sentence').first().textContent()).resolves.toBe(
        'Zhang Wei rejected the request: A document is not clear enough to read; Suspected fraud',
      );
      await screenshot(page, 'review-rejected');
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('asks the applicant for information and finds the request under Awaiting applicant', async () => {
    const created = await submitRequest({ hoursAgo: 4 });
    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await claimFromWorkspace(page, created.id);
      await page.getByLabel('Half-length photo holding the credential').last().check();
      await page.getByRole('checkbox', { name: 'Applicant phone' }).check();
      await page
        .locator('#ask-message')
        .fill('The half-length photo is too dark; please take it again in daylight.');
      await submit(page, page.getByRole('button', { name: 'Request information' }));
      expect(await flashes(page)).toEqual([
        'The applicant was asked for more information; the request waits for them.',
      ]);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('Awaiting applicant');
      await expect(page.locator('.decision-panel').textContent()).resolves.toContain(
        'Documents: Half-length photo holding the credential',
      );
      await expect(page.locator('[data-asked-fields]').textContent()).resolves.toBe(
        'Fields: Applicant phone',
      );
      await page.getByRole('link', { name: 'Queue', exact: true }).first().click();
      await page.getByRole('link', { name: /^Awaiting applicant/ }).click();
      await page.waitForURL(/tab=awaiting-applicant/);
      await expect(page.locator('a.row-link').allTextContents()).resolves.toContain(
        created.reference,
      );
      await screenshot(page, 'review-awaiting-applicant');
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('lets one of two reviewers claiming at once win, and tells the other who did', async () => {
    const created = await submitRequest({ hoursAgo: 5 });
    const a = await newPage(browser);
    const b = await newPage(browser);
    try {
      await signInThroughPage(a.page, t.url, liNa.email, liNa.password);
      await signInThroughPage(b.page, t.url, zhangWei.email, zhangWei.password);
      await a.page.goto(`${t.url}/requests/${created.id}`);
      await b.page.goto(`${t.url}/requests/${created.id}`);
      await Promise.all([
        submit(a.page, a.page.getByRole('button', { name: 'Claim', exact: true })),
        submit(b.page, b.page.getByRole('button', { name: 'Claim', exact: true })),
      ]);
      const outcomes = [await flashes(a.page), await flashes(b.page)];
      const winner = outcomes[0]![0] === 'You now hold this request.' ? a : b;
      const loser = winner === a ? b : a;
      const winnerName = winner === a ? 'Li Na' : 'Zhang Wei';
      expect(await flashes(winner.page)).toEqual(['You now hold this request.']);
      expect(await flashes(loser.page)).toEqual([
        `${winnerName} claimed this request a moment ago.`,
      ]);
      // The loser's page shows the request as it is now.
      await expect(loser.page.locator('.head-facts').textContent()).resolves.toContain(
        `Held by ${winnerName}`,
      );
      await expect(
        loser.page.getByRole('button', { name: 'Claim', exact: true }).count(),
      ).resolves.toBe(0);
      await expect(
        loser.page
          .getByText(`${winnerName} holds this request: only they can record checks and decide.`)
          .count(),
      ).resolves.toBe(1);
      await screenshot(loser.page, 'review-claim-conflict');
      expect([...a.dialogs, ...b.dialogs]).toEqual([]);
    } finally {
      await a.context.close();
      await b.context.close();
    }
  });

  it('shows an auditor the request and its timeline without any decision form, and refuses a direct POST', async () => {
    const created = await submitRequest({ hoursAgo: 6 });
    const reviewer = await newPage(browser);
    try {
      await signInThroughPage(reviewer.page, t.url, chenJie.email, chenJie.password);
      await claimFromWorkspace(reviewer.page, created.id);
    } finally {
      await reviewer.context.close();
    }
    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, auditor.email, auditor.password);
      await page.goto(`${t.url}/requests/${created.id}`);
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        created.reference,
      );
      const timeline = await page.locator('.timeline .event-sentence').allTextContents();
      expect(timeline.filter((entry) => !entry.includes(' viewed '))).toEqual([
        'Chen Jie claimed the request',
        `The filing system (test-client) submitted request ${created.reference}`,
      ]);
      // Chen Jie's look before claiming, and after: three documents each time.
      expect(timeline.filter((entry) => entry.includes(' viewed '))).toEqual([
        expect.stringMatching(/^Chen Jie viewed .+ \(3 views\)$/),
        expect.stringMatching(/^Chen Jie viewed .+ \(3 views\)$/),
      ]);
      for (const name of [
        'Claim',
        'Release',
        'Approve',
        'Reject',
        'Request information',
        'Second approval',
        'Reassign',
      ])
        await expect(page.getByRole('button', { name, exact: true }).count()).resolves.toBe(0);
      await expect(page.locator('form[action^="/requests/"]').count()).resolves.toBe(0);
      await expect(
        page.getByText('You are signed in as an auditor: this page is read-only.').count(),
      ).resolves.toBe(1);
      await screenshot(page, 'review-auditor-workspace');

      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      for (const action of ['release', 'approve', 'reject']) {
        const refused = await context.request.post(`${t.url}/requests/${created.id}/${action}`, {
          form: { _csrf: token, reasons: 'OTHER', message: 'auditors cannot decide' },
          maxRedirects: 0,
        });
        expect(refused.status()).toBe(403);
      }
      const [row] = await t.dataSource.query(
        `SELECT status, assignee_name FROM initialization_requests WHERE id = $1`,
        [created.id],
      );
      expect(row).toEqual({ status: 'IN_REVIEW', assignee_name: 'Chen Jie' });
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows applicant-supplied markup as text in the queue, the workspace, the timeline and the audit search', async () => {
    const script = '<script>alert("subject")</script>';
    const attribute = '"><img src=x onerror=alert("applicant")>';
    const created = await submitRequest({
      hoursAgo: 40,
      subjectName: `示例 ${script} {{7*7}}`,
      applicantName: `钱七 ${attribute}`,
    });
    const message = `Rejected ${attribute} ${script} {{constructor.constructor('alert(1)')()}}`;
    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await page.goto(`${t.url}/queue?tab=unassigned`);
      await expect(page.locator('.subject-name').first().textContent()).resolves.toBe(
        `示例 ${script} {{7*7}}`,
      );
      await expect(
        page.locator('.subject-name').getByText(`示例 ${script} {{7*7}}`).first().isVisible(),
      ).resolves.toBe(true);
      await expect(injectedElements(page)).resolves.toBe(0);
      await screenshot(page, 'review-xss-queue');
      await claimFromWorkspace(page, created.id);
      await expect(page.locator('table.compare td').first().textContent()).resolves.toBe(
        `示例 ${script} {{7*7}}`,
      );
      await expect(page.locator('dl.applicant dd').first().textContent()).resolves.toBe(
        `钱七 ${attribute}`,
      );
      await page.getByLabel('Other', { exact: true }).check();
      await page.getByLabel('Message to the applicant').first().fill(message);
      await submit(page, page.getByRole('button', { name: 'Reject', exact: true }));
      await expect(page.locator('blockquote.message').textContent()).resolves.toBe(message);
      const details = page.locator('.timeline-event').first().locator('details');
      await details.locator('summary').click();
      await expect(details.locator('dd').allTextContents()).resolves.toContain(message);
      await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
      await expect(injectedElements(page)).resolves.toBe(0);
      await screenshot(page, 'review-xss-workspace');
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }

    const audit = await newPage(browser);
    try {
      await signInThroughPage(audit.page, t.url, auditor.email, auditor.password);
      await audit.page.goto(`${t.url}/audit?requestReference=${created.reference}`);
      await expect(audit.page.locator('.audit-events dd').allTextContents()).resolves.toContain(
        message,
      );
      await expect(
        audit.page.locator('.audit-events dd').getByText(message, { exact: true }).isVisible(),
      ).resolves.toBe(true);
      await expect(injectedElements(audit.page)).resolves.toBe(0);
      await screenshot(audit.page, 'review-xss-audit-search');
      await audit.page.goto(`${t.url}/requests/${created.id}`);
      await expect(audit.page.locator('table.compare td').first().textContent()).resolves.toBe(
        `示例 ${script} {{7*7}}`,
      );
      await expect(audit.page.locator('img[src="x"]').count()).resolves.toBe(0);
      await expect(injectedElements(audit.page)).resolves.toBe(0);
      await screenshot(audit.page, 'review-xss-audit');
      expect(audit.dialogs).toEqual([]);
    } finally {
      await audit.context.close();
    }
  });

  it('works without JavaScript: claims from the queue, checks every document and approves', async () => {
    const created = await submitRequest({ hoursAgo: 50 });
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      javaScriptEnabled: false,
    });
    const page = await context.newPage();
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await page.goto(`${t.url}/queue?tab=unassigned`);
      const row = page.locator(`tr[data-request-id="${created.id}"]`);
      await submit(page, row.getByRole('button', { name: /^Claim/ }));
      expect(page.url()).toBe(`${t.url}/requests/${created.id}`);
      // Without JavaScript the image is a plain link to the full-size file.
      await expect(page.locator('a[data-zoom]').first().getAttribute('href')).resolves.toMatch(
        new RegExp(`^/requests/${created.id}/documents/[0-9a-f-]{36}$`),
      );
      for (let index = 0; index < 3; index += 1) {
        const card = page.locator('article.document-card').nth(index);
        for (const label of [
          'Legible',
          'Authentic',
          'Valid, not expired',
          'Matches the application',
        ])
          await card.getByLabel(label).check();
        await submit(page, card.getByRole('button', { name: /^Record checks/ }));
      }
      await submit(page, page.getByRole('button', { name: 'Approve', exact: true }));
      expect(await flashes(page)).toEqual(['Approved. The account email was replaced.']);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('Approved');
      await screenshot(page, 'review-without-javascript');
    } finally {
      await context.close();
    }
  });

  it('moves through the queue with j, k and Enter, and refreshes the SLA badges every minute', async () => {
    for (const hoursAgo of [7, 8, 9]) await submitRequest({ hoursAgo });
    const { context, page, dialogs } = await newPage(browser);
    try {
      await page.clock.install();
      await signInThroughPage(page, t.url, zhangWei.email, zhangWei.password);
      await page.goto(`${t.url}/queue?tab=all`);
      const rows = page.locator('table.queue tbody tr');
      const second = await rows.nth(1).locator('a.row-link').textContent();
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('k');
      await expect(rows.nth(1).getAttribute('class')).resolves.toBe('selected');
      await expect(page.locator('tr.selected').count()).resolves.toBe(1);
      const navigated = page.waitForURL(/\/requests\//);
      await page.keyboard.press('Enter');
      await navigated;
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain(
        second!,
      );

      // Typing in the search box is not a shortcut.
      await page.goto(`${t.url}/queue?tab=unassigned`);
      await page.getByLabel('Search').fill('jk');
      await expect(page.locator('tr.selected').count()).resolves.toBe(0);

      const badge = page.locator('[data-sla-badge]').first();
      const before = await badge.textContent();
      expect(before).not.toBe('Breached');
      // Five days later on the server: every open request is past its deadline. That is past
      // the sign-in's absolute lifetime too, so sign in again from another tab of this browser
      // (the queue's tab keeps its page, and the refresh uses the new session cookie).
      t.clock!.advance(5 * 24 * HOUR);
      const tab = await context.newPage();
      await signInThroughPage(tab, t.url, zhangWei.email, zhangWei.password);
      await tab.close();
      const refreshed = page.waitForResponse((response) =>
        response.url().includes('/queue/sla-badges'),
      );
      await page.clock.fastForward(60_000);
      await refreshed;
      // desk.js rewrites the badges once it has read the answer: wait for that, not for a fixed time.
      await badge.filter({ hasText: /^Breached$/ }).waitFor({ timeout: 5_000 });
      await expect(badge.textContent()).resolves.toBe('Breached');
      await expect(badge.getAttribute('class')).resolves.toBe('badge badge-bad');
      await expect(page.locator('[data-sla-time]').first().textContent()).resolves.toMatch(
        /^overdue by /,
      );
      expect(dialogs).toEqual([]);
    } finally {
      t.clock!.set(NOW);
      await context.close();
    }
  });
});
