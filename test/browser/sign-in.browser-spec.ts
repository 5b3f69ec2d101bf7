import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import type { StaffRole } from '../../src/shared/domain/staff-role.js';
import { launchBrowser, newPage, screenshot, signInThroughPage } from '../support/browser.js';
import { createStaff, startTestApp, type TestApp } from '../support/test-app.js';

const LANDING: Record<StaffRole, { path: string; heading: string; label: string }> = {
  REVIEWER: { path: '/queue', heading: 'Queue', label: 'Reviewer' },
  SENIOR_REVIEWER: { path: '/queue', heading: 'Queue', label: 'Senior reviewer' },
  AUDITOR: { path: '/audit', heading: 'Audit trail', label: 'Auditor' },
  ADMIN: { path: '/admin/users', heading: 'Staff accounts', label: 'Administrator' },
};

/** The main navigation of each role, exactly: what is not listed must not be there. */
const NAVIGATION: Record<StaffRole, [label: string, href: string][]> = {
  REVIEWER: [['Queue', '/queue']],
  SENIOR_REVIEWER: [['Queue', '/queue']],
  // Auditors read requests (read-only queue and workspace) besides their own pages.
  AUDITOR: [
    ['Requests', '/queue'],
    ['Audit', '/audit'],
    ['Exports', '/exports'],
    ['Reports', '/reports'],
  ],
  ADMIN: [
    ['Staff', '/admin/users'],
    ['Calendar', '/admin/calendar'],
    ['Mail', '/admin/mail'],
  ],
};

describe('signing in and out in a browser', () => {
  let t: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  for (const role of Object.keys(LANDING) as StaffRole[]) {
    it(`a ${role.toLowerCase().replace('_', ' ')} signs in, lands on a working page, and signs out`, async () => {
      const staff = await createStaff(t.app, role);
      const { context, page } = await newPage(browser);
      try {
        await signInThroughPage(page, t.url, staff.email, staff.password);
        expect(new URL(page.url()).pathname).toBe(LANDING[role].path);
        await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
          LANDING[role].heading,
        );
        const header = page.locator('.who');
        await expect(header.textContent()).resolves.toContain(staff.name);
        await expect(header.textContent()).resolves.toContain(LANDING[role].label);
        await screenshot(page, `sign-in-${role.toLowerCase()}`);

        // The navigation of this role and no other; the current page is marked, and every link opens.
        const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
        const shown: [string, string][] = [];
        for (const link of await links.all())
          shown.push([(await link.textContent())!.trim(), (await link.getAttribute('href'))!]);
        expect(shown).toEqual(NAVIGATION[role]);
        await expect(
          page.locator('nav.site-nav a[aria-current="page"]').getAttribute('href'),
        ).resolves.toBe(LANDING[role].path);
        for (const [, href] of NAVIGATION[role]) {
          const opened = await page.request.get(`${t.url}${href}`, { maxRedirects: 0 });
          expect([href, opened.status()]).toEqual([href, 200]);
        }

        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(`${t.url}/login`);
        await page.goto(`${t.url}${LANDING[role].path}`);
        expect(new URL(page.url()).pathname).toBe('/login');
      } finally {
        await context.close();
      }
    });
  }

  it('shows a wrong password in words on the sign-in page', async () => {
    const staff = await createStaff(t.app, 'REVIEWER');
    const { context, page } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, staff.email, 'not-the-password');
      await expect(page.getByRole('alert').textContent()).resolves.toContain(
        'The email or password is not correct.',
      );
      await expect(page.getByLabel('Email').inputValue()).resolves.toBe(staff.email);
    } finally {
      await context.close();
    }
  });
});
