import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Locator, Page } from 'playwright-core';
import { filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import {
  foreignWords,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
} from '../support/browser.js';
import { registerSubject, type TestSubject } from '../support/registry.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';

const HOUR = 3_600_000;
/** A Wednesday, 10:00 in Shanghai. */
const NOW = new Date('2026-12-02T02:00:00Z');

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** What the browser shows of an element: its computed transform and its box on the page. */
async function shownOf(
  image: Locator,
): Promise<{ transform: string; width: number; height: number }> {
  const transform = await image.evaluate(
    (element) =>
      (
        globalThis as unknown as { getComputedStyle(e: unknown): { transform: string } }
      ).getComputedStyle(element).transform,
  );
  const box = await image.boundingBox();
  return { transform, width: box?.width ?? 0, height: box?.height ?? 0 };
}

/** Whether the image has loaded and the viewer has laid it out. */
async function viewerReady(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const dom = (globalThis as unknown as { document: any }).document; // eslint-disable-line @typescript-eslint/no-explicit-any
    const images = [...dom.querySelectorAll('.viewer-ready img.compare-image')];
    return images.length === 2 && images.every((image) => image.complete && image.style.transform);
  });
}

describe('comparing the ID card with the photo, and following risk flags', () => {
  let t: TestApp;
  let browser: Browser;
  let liNa: TestStaff;

  function individual(): Promise<TestSubject> {
    return registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '周杰',
      credentialNumber: residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800)),
      filingNumber: filingNumber(),
    });
  }

  async function submitFor(
    subject: TestSubject,
    hoursAgo: number,
  ): Promise<{ id: string; reference: string; files: Map<string, Buffer> }> {
    const files = individualDocuments();
    const body = individualRequest({
      receivedAt: new Date(t.clock!.now().getTime() - hoursAgo * HOUR).toISOString(),
      filingNumber: subject.filingNumber,
      subjectName: subject.name,
      credentialNumber: subject.credentialNumber,
      applicant: {
        name: subject.name,
        idNumber: subject.credentialNumber,
        role: 'SUBJECT_ADMIN',
        phone: '13300133000',
      },
    });
    const response = await submitIntake(t.url, body, files);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return {
      id: response.body.id,
      reference: response.body.reference,
      files: new Map(files.map((file) => [file.field, file.content])),
    };
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({ ownDatabase: true, clock: 'settable' }),
      launchBrowser(),
    ]);
    t.clock!.set(NOW);
    liNa = await createStaff(t.app, 'REVIEWER', 'Li Na');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('zooms and rotates each image by keyboard at 1920 × 1080, panes at least 900 px wide, the stored file unchanged', async () => {
    const created = await submitFor(await individual(), 1);
    const uploaded = sha256(created.files.get('ID_FRONT')!);
    const { context, page, dialogs } = await newPage(browser);
    try {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await page.goto(`${t.url}/requests/${created.id}`);
      await page.getByRole('link', { name: 'Compare the ID card with the photo' }).click();
      await page.waitForURL(`**/requests/${created.id}/compare`);
      await viewerReady(page);

      // Side by side, each pane at least 900 px wide.
      const panes = page.locator('section.compare-pane');
      await expect(panes.count()).resolves.toBe(2);
      const boxes = await Promise.all((await panes.all()).map((pane) => pane.boundingBox()));
      for (const box of boxes) expect(box!.width).toBeGreaterThanOrEqual(900);
      expect(boxes[1]!.x).toBeGreaterThan(boxes[0]!.x + 900);
      expect(Math.abs(boxes[1]!.y - boxes[0]!.y)).toBeLessThan(2);
      await screenshot(page, 'compare-1920');

      const front = page.locator('#pane-ID_FRONT');
      const image = front.locator('img.compare-image');
      const before = await shownOf(image);
      expect(before.transform).toMatch(/^matrix\(/);

      // Zoom in by keyboard to 200%: Tab reaches the button, Enter and Space press it.
      const zoomIn = page.getByRole('button', { name: 'Zoom in (ID card, front)' });
      await zoomIn.focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press(' ');
      await page.keyboard.press('Enter');
      await expect(front.locator('[data-viewer-zoom]').textContent()).resolves.toBe('200%');
      const zoomed = await shownOf(image);
      expect(zoomed.transform).not.toBe(before.transform);
      expect(zoomed.width / before.width).toBeCloseTo(2, 1);
      expect(zoomed.height / before.height).toBeCloseTo(2, 1);
      // The pane itself keeps its width; the zoomed image scrolls inside it.
      expect((await front.boundingBox())!.width).toBeCloseTo(boxes[0]!.width, 0);
      const stage = front.locator('[data-viewer-stage]');
      const scroll = await stage.evaluate((element) => {
        const e = element as unknown as { scrollWidth: number; clientWidth: number };
        return { scrollWidth: e.scrollWidth, clientWidth: e.clientWidth };
      });
      expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);

      // Zoom goes further than 200% too.
      await page.keyboard.press('Enter');
      await expect(front.locator('[data-viewer-zoom]').textContent()).resolves.toBe('250%');

      // Rotate right by keyboard (Tab to the next buttons), then by the image's own keys.
      await page.keyboard.press('Tab'); // rotate left
      await page.keyboard.press('Tab'); // rotate right
      await expect(page.locator(':focus').getAttribute('aria-label')).resolves.toBe(
        'Rotate 90° to the right (ID card, front)',
      );
      const unturned = await shownOf(image);
      await page.keyboard.press('Enter');
      await expect(front.locator('[data-viewer-rotation]').textContent()).resolves.toBe('90°');
      const turned = await shownOf(image);
      expect(turned.transform).not.toBe(unturned.transform);
      // A quarter turn: the box's sides change places (the turned image is fitted anew).
      expect(turned.width / turned.height).toBeCloseTo(unturned.height / unturned.width, 1);
      // matrix(a, b, c, d, …) of a quarter turn clockwise: a ≈ 0, b > 0.
      const [a, b] = /^matrix\(([^,]+), ([^,]+)/.exec(turned.transform)!.slice(1).map(Number);
      expect(Math.abs(a!)).toBeLessThan(1e-6);
      expect(b!).toBeGreaterThan(0);
      await screenshot(page, 'compare-zoomed-rotated');

      await stage.focus();
      await page.keyboard.press('Shift+R');
      await expect(front.locator('[data-viewer-rotation]').textContent()).resolves.toBe('0°');
      await page.keyboard.press('0');
      await expect(front.locator('[data-viewer-zoom]').textContent()).resolves.toBe('100%');
      expect((await shownOf(image)).transform).toBe(before.transform);

      // The other pane was never touched.
      await expect(
        page.locator('#pane-HALF_LENGTH_PHOTO [data-viewer-zoom]').textContent(),
      ).resolves.toBe('100%');

      // The stored file is the uploaded one: in the database and as the document route serves it.
      const [stored] = await t.dataSource.query(
        `SELECT id, sha256 FROM request_documents WHERE request_id = $1 AND kind = 'ID_FRONT'`,
        [created.id],
      );
      expect(stored.sha256.trim()).toBe(uploaded);
      const src = await image.getAttribute('src');
      expect(src).toBe(`/requests/${created.id}/documents/${stored.id}`);
      const served = await context.request.get(`${t.url}${src}`);
      expect(served.status()).toBe(200);
      expect(sha256(await served.body())).toBe(uploaded);
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads in Chinese, with no English words', async () => {
    const created = await submitFor(await individual(), 2);
    const { context, page } = await newPage(browser, 'zh-CN');
    try {
      await page.setViewportSize({ width: 1920, height: 1080 });
      await signInThroughPage(page, t.url, liNa.email, liNa.password, 'zh-CN');
      await page.goto(`${t.url}/requests/${created.id}/compare`);
      await viewerReady(page);
      await page.getByRole('button', { name: '放大身份证人像面' }).click();
      await expect(page.locator('#pane-ID_FRONT [data-viewer-zoom]').textContent()).resolves.toBe(
        '125%',
      );
      expect((await foreignWords(page)).filter((word) => !/^(ID|INIT|ICP)$/.test(word))).toEqual(
        [],
      );
      await screenshot(page, 'compare-zh-CN');
    } finally {
      await context.close();
    }
  });

  it('a DUPLICATE_OPEN_REQUEST flag links to the other open request, which opens on a click', async () => {
    const subject = await individual();
    const first = await submitFor(subject, 3);
    const second = await submitFor(subject, 1);
    const [row] = await t.dataSource.query(
      `SELECT risk_flags FROM initialization_requests WHERE id = $1`,
      [second.id],
    );
    expect(row.risk_flags).toContain('DUPLICATE_OPEN_REQUEST');
    const { context, page, dialogs } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password);
      await page.goto(`${t.url}/requests/${second.id}`);
      const flag = page.locator('.flag-list li', { hasText: 'Duplicate open request' });
      await expect(flag.locator('[data-flag-links]').textContent()).resolves.toBe(
        `The other open request: ${first.reference}`,
      );
      await screenshot(page, 'workspace-flag-links');
      await flag.getByRole('link', { name: first.reference }).click();
      await page.waitForURL(`${t.url}/requests/${first.id}`);
      await expect(page.locator('h1 span[translate="no"]').first().textContent()).resolves.toBe(
        first.reference,
      );
      // The subject's page lists both, newest first.
      await page.goto(`${t.url}/subjects/${subject.id}`);
      await expect(
        page.locator('[data-subject-requests] tbody a').allTextContents(),
      ).resolves.toEqual([second.reference, first.reference]);
      await screenshot(page, 'subject-page');
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
