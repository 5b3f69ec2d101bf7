import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import {
  flashes,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
  submit,
} from '../support/browser.js';
import { createStaff, startTestApp, type TestApp } from '../support/test-app.js';

describe('an admin resets a reviewer’s password in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the admin issues a set-password link on /admin/users; the reviewer opens it, sets a new password and signs in with it', async () => {
    const admin = await createStaff(t.app, 'ADMIN', 'Liu Yang');
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    const newPassword = 'velvet-harbour-compass-42';
    const asAdmin = await newPage(browser);
    const asReviewer = await newPage(browser);
    const inChinese = await newPage(browser, 'zh-CN');
    try {
      // The reviewer is signed in somewhere before the reset.
      await signInThroughPage(asReviewer.page, t.url, reviewer.email, reviewer.password);
      expect(new URL(asReviewer.page.url()).pathname).toBe('/queue');

      const admins = asAdmin.page;
      await signInThroughPage(admins, t.url, admin.email, admin.password);
      const row = admins.getByRole('row').filter({ hasText: reviewer.email });
      await row.getByRole('link', { name: 'Reset password' }).click();
      await admins.waitForURL(`${t.url}/admin/users/${reviewer.id}/password-reset`);
      await expect(admins.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Reset password',
      );
      await submit(
        admins,
        admins.getByRole('button', { name: 'Reset the password and issue a link' }),
      );
      await expect(admins.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Set-password link issued',
      );
      const link = await admins.getByLabel('Set-password link').inputValue();
      expect(link).toMatch(/^https:\/\/desk\.beian-desk\.test\/password\/[A-Za-z0-9_-]{43}$/);
      await screenshot(admins, 'password-reset-issued');

      // From that moment the reviewer's session is over.
      await asReviewer.page.goto(`${t.url}/queue`);
      expect(new URL(asReviewer.page.url()).pathname).toBe('/login');

      // The link as the desk's public address names it, opened on this test's server.
      const path = new URL(link).pathname;
      await inChinese.page.goto(`${t.url}${path}`);
      await expect(inChinese.page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        '设置新密码',
      );

      const reviewers = asReviewer.page;
      await reviewers.goto(`${t.url}${path}`);
      await expect(reviewers.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
        'Set a new password',
      );
      // A weak password first: refused beside the field, in words.
      await reviewers.getByLabel('New password', { exact: true }).fill('password1234');
      await reviewers.getByLabel('New password again').fill('password1234');
      await submit(reviewers, reviewers.getByRole('button', { name: 'Set password' }));
      await expect(reviewers.locator('#new-password-errors').textContent()).resolves.toContain(
        'The password is too easy to guess',
      );
      await screenshot(reviewers, 'password-reset-refused');

      await reviewers.getByLabel('New password', { exact: true }).fill(newPassword);
      await reviewers.getByLabel('New password again').fill(newPassword);
      await submit(reviewers, reviewers.getByRole('button', { name: 'Set password' }));
      expect(new URL(reviewers.url()).pathname).toBe('/login');
      expect(await flashes(reviewers)).toContain('Your new password is set. Sign in with it.');

      await signInThroughPage(reviewers, t.url, reviewer.email, newPassword);
      expect(new URL(reviewers.url()).pathname).toBe('/queue');
      await expect(reviewers.locator('.who').textContent()).resolves.toContain('Li Na');

      // The link worked once.
      await inChinese.page.goto(`${t.url}${path}`);
      await expect(inChinese.page.locator('[data-refusal]').textContent()).resolves.toBe(
        '此设置密码链接已被使用。',
      );
    } finally {
      await Promise.all([
        asAdmin.context.close(),
        asReviewer.context.close(),
        inChinese.context.close(),
      ]);
    }
  });
});
