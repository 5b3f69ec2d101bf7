import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
} from '../support/browser.js';
import { checksForm, submitReviewable, type ReviewableRequest } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

/** An iPhone 12–15's CSS width. */
const PHONE = { width: 390, height: 844 };

/** How far the page itself scrolls sideways: the document wider than the window. */
const sidewaysScroll = (page: Page): Promise<{ scrollWidth: number; innerWidth: number }> =>
  page.evaluate(() => {
    const window = globalThis as unknown as {
      innerWidth: number;
      document: { documentElement: { scrollWidth: number } };
    };
    return {
      scrollWidth: window.document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    };
  });

/** Visible, and inside the window from left to right (no sideways scroll needed to reach it). */
async function reachable(locator: Locator, width: number): Promise<boolean> {
  if (!(await locator.isVisible())) return false;
  const box = await locator.boundingBox();
  return box !== null && box.x >= 0 && box.x + box.width <= width && box.width > 0;
}

describe('the desk on a phone and on paper', () => {
  let t: TestApp;
  let browser: Browser;
  let liNa: TestStaff;
  let auditor: TestStaff;
  let approved: ReviewableRequest;
  let flagged: ReviewableRequest;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    [liNa, auditor] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
    ]);
    // An organization approved once (four eyes: waiting for a senior), and a second open
    // request for the same subject, flagged as a duplicate and held by Li Na.
    approved = await submitReviewable(t, { type: 'ORGANIZATION' });
    const session = await signedIn(t.url, liNa.email, liNa.password);
    await session.page('/queue');
    await session.submit(`/requests/${approved.id}/claim`);
    await session.submit(`/requests/${approved.id}/checks`, await checksForm(t, approved.id));
    await session.submit(`/requests/${approved.id}/approve`);
    flagged = await submitReviewable(t, { subject: approved.subject });
    await session.submit(`/requests/${flagged.id}/claim`);
    // Two requests waiting to be claimed: the queue's table has rows.
    await Promise.all([submitReviewable(t), submitReviewable(t, { type: 'ORGANIZATION' })]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function phonePage(
    staff: TestStaff,
    locale: 'en-US' | 'zh-CN' = 'en-US',
  ): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await newPage(browser, locale);
    await page.setViewportSize(PHONE);
    await signInThroughPage(
      page,
      t.url,
      staff.email,
      staff.password,
      locale === 'zh-CN' ? 'zh-CN' : 'en',
    );
    return { context, page };
  }

  it.each([
    ['en-US', 'Queue', 'English', '简体中文', 'Sign out'],
    ['zh-CN', '待办队列', 'English', '简体中文', '退出'],
  ] as const)(
    'the queue and the workspace at 390 px (%s): no sideways scroll of the page, the header within reach',
    async (locale, queue, english, chinese, signOut) => {
      const { context, page } = await phonePage(liNa, locale);
      for (const [name, path] of [
        ['queue', '/queue'],
        ['workspace', `/requests/${flagged.id}`],
        ['workspace-approved', `/requests/${approved.id}`],
      ] as const) {
        await page.goto(`${t.url}${path}`);
        await screenshot(page, `mobile-${name}-${locale}`);
        const { scrollWidth, innerWidth } = await sidewaysScroll(page);
        expect({ name, scrollWidth }).toEqual({
          name,
          scrollWidth: Math.min(scrollWidth, innerWidth),
        });
        if (name === 'queue') {
          // The table is there, and scrolls inside its own box if it must.
          const table = page.locator('table.queue');
          expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(2);
          const box = (await table.boundingBox())!;
          expect(box.x + box.width).toBeLessThanOrEqual(innerWidth);
        }
        const header = page.locator('header.site-header');
        expect(
          await reachable(header.getByRole('link', { name: queue, exact: true }), innerWidth),
        ).toBe(true);
        expect(await reachable(header.getByRole('button', { name: signOut }), innerWidth)).toBe(
          true,
        );
        for (const language of [english, chinese])
          expect(await reachable(header.getByRole('button', { name: language }), innerWidth)).toBe(
            true,
          );
      }
      await context.close();
    },
  );

  it("the auditor's header (four links) and workspace fit at 390 px", async () => {
    const { context, page } = await phonePage(auditor);
    await page.goto(`${t.url}/requests/${approved.id}`);
    await screenshot(page, 'mobile-workspace-auditor');
    const { scrollWidth, innerWidth } = await sidewaysScroll(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    const header = page.locator('header.site-header');
    for (const name of ['Requests', 'Audit', 'Exports', 'Reports'])
      expect(await reachable(header.getByRole('link', { name, exact: true }), innerWidth)).toBe(
        true,
      );
    expect(await reachable(header.getByRole('button', { name: 'Sign out' }), innerWidth)).toBe(
      true,
    );
    await context.close();
  });

  it('printing a workspace keeps the application, registry, flags, decision and timeline, and leaves out the forms', async () => {
    const { context, page } = await newPage(browser);
    await signInThroughPage(page, t.url, liNa.email, liNa.password);
    await page.goto(`${t.url}/requests/${flagged.id}`);
    // On screen: the forms are there.
    await expect(page.getByRole('button', { name: 'Reject' }).isVisible()).resolves.toBe(true);

    // Paper: A4's width in CSS pixels.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-workspace');
    for (const heading of [/^Application and registry/, /^Risk flags$/, /^Decision$/, /^Timeline$/])
      expect(await page.getByRole('heading', { name: heading }).isVisible()).toBe(true);
    expect(await page.getByText(approved.subject.credentialNumber).first().isVisible()).toBe(true);
    expect(await page.locator('.flag-list li').first().isVisible()).toBe(true);
    expect(await page.locator('.timeline-event .event-sentence').first().isVisible()).toBe(true);
    // No form, no button, no navigation, no language switch.
    for (const name of ['Reject', 'Request information', 'Release', 'Approve', 'Record checks'])
      expect(await page.getByRole('button', { name }).first().isVisible()).toBe(false);
    expect(await page.locator('form:visible').count()).toBe(0);
    expect(await page.locator('button:visible, textarea:visible, select:visible').count()).toBe(0);
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.language-switch').isVisible()).toBe(false);

    await page.goto(`${t.url}/requests/${approved.id}`);
    await screenshot(page, 'print-workspace-decided');
    expect(await page.locator('.decision-panel .sub').first().isVisible()).toBe(true);
    expect(await page.locator('form:visible').count()).toBe(0);
    const pdf = await page.pdf({
      format: 'A4',
      path: path.join(ARTIFACTS_DIR, 'print-workspace.pdf'),
    });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await context.close();
  });
});
