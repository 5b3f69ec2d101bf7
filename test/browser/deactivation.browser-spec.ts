import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  flashes,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
  submit,
} from '../support/browser.js';
import { individualDocuments } from '../support/intake.js';
import { statusOf, submitReviewable, type ReviewableRequest } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

describe('an admin deactivates a reviewer who holds requests', () => {
  let t: TestApp;
  let browser: Browser;
  let admin: TestStaff;
  let liNa: TestStaff;
  let wangFang: TestStaff;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ ownDatabase: true }), launchBrowser()]);
    [admin, liNa, wangFang] = await Promise.all([
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /** The references in one tab of the queue, as a reviewer sees them. */
  async function referencesIn(page: Page, tab: RegExp): Promise<string[]> {
    await page.goto(`${t.url}/queue`);
    await page.getByRole('link', { name: tab }).click();
    await page.waitForLoadState('domcontentloaded');
    return page.locator('table.queue tbody tr a.row-link').allTextContents();
  }

  it('releases both: the one in review is in Unassigned at once, the one awaiting the applicant when they answer', async () => {
    // Li Na holds two requests: one she is reviewing, one she sent back for a clearer photo.
    const inReview: ReviewableRequest = await submitReviewable(t);
    const awaiting: ReviewableRequest = await submitReviewable(t);
    const reviewer = await signedIn(t.url, liNa.email, liNa.password);
    await reviewer.page('/queue');
    for (const held of [inReview, awaiting])
      expect((await reviewer.submit(`/requests/${held.id}/claim`)).status).toBe(303);
    expect(
      (
        await reviewer.submit(`/requests/${awaiting.id}/request-info`, {
          documents: ['HALF_LENGTH_PHOTO'],
          fields: '',
          message: 'The photo holding the ID card is too dark.',
        })
      ).status,
    ).toBe(303);

    const senior = await newPage(browser);
    const adminPage = await newPage(browser);
    try {
      await signInThroughPage(senior.page, t.url, wangFang.email, wangFang.password);
      expect(await referencesIn(senior.page, /^Unassigned/)).toEqual([]);

      // The admin opens Li Na's deactivation from the staff list and sees what she holds.
      const page = adminPage.page;
      await signInThroughPage(page, t.url, admin.email, admin.password);
      await page.goto(`${t.url}/admin/users`);
      await page
        .locator('tr', { hasText: liNa.email })
        .getByRole('link', { name: 'Deactivate' })
        .click();
      await page.waitForURL(`${t.url}/admin/users/${liNa.id}/deactivate`);
      await expect(page.locator('h1').textContent()).resolves.toContain('Li Na');
      const held = page.locator('tr[data-held-request]');
      await expect(held.count()).resolves.toBe(2);
      await expect(held.filter({ hasText: inReview.reference }).textContent()).resolves.toContain(
        'In review',
      );
      await expect(held.filter({ hasText: awaiting.reference }).textContent()).resolves.toContain(
        'Awaiting applicant',
      );
      await expect(page.getByLabel(/^Release them/).isChecked()).resolves.toBe(true);
      await screenshot(page, 'deactivation-held-work');
      await submit(
        page,
        page.locator('form[action$="/deactivate"]').getByRole('button', { name: 'Deactivate' }),
      );
      expect(page.url()).toBe(`${t.url}/admin/users`);
      expect(await flashes(page)).toEqual([
        'Li Na was deactivated. The 2 requests they held were released.',
      ]);

      // The request in review is in Unassigned at once, for anyone to claim.
      expect(await referencesIn(senior.page, /^Unassigned/)).toEqual([inReview.reference]);
      // The other still waits for the applicant, held by nobody.
      expect(await referencesIn(senior.page, /^Awaiting applicant/)).toContain(awaiting.reference);
      expect(await statusOf(t, awaiting.id)).toMatchObject({
        status: 'AWAITING_APPLICANT',
        assignee_id: null,
      });

      // The applicant sends the clearer photo: it comes to Unassigned, not to Li Na.
      const photo = individualDocuments().find((file) => file.field === 'HALF_LENGTH_PHOTO')!;
      const answered = await request(t.url)
        .post(`/api/v1/initialization-requests/${awaiting.id}/resubmissions`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
        .attach(photo.field, photo.content, {
          filename: photo.filename,
          contentType: photo.contentType ?? 'image/jpeg',
        });
      expect(answered.status).toBe(200);
      expect((await referencesIn(senior.page, /^Unassigned/)).sort()).toEqual(
        [inReview.reference, awaiting.reference].sort(),
      );
      await screenshot(senior.page, 'deactivation-unassigned');

      // Li Na can no longer sign in.
      const gone = await newPage(browser);
      try {
        await signInThroughPage(gone.page, t.url, liNa.email, liNa.password);
        expect(gone.page.url()).toContain('/login');
      } finally {
        await gone.context.close();
      }
      expect(senior.dialogs).toEqual([]);
      expect(adminPage.dialogs).toEqual([]);
    } finally {
      await senior.context.close();
      await adminPage.context.close();
    }
  });
});
