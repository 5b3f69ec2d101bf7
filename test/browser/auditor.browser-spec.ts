import { randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { DateTime } from 'luxon';
import { appendAuditEvents } from '../support/audit-fixtures.js';
import { launchBrowser, newPage, screenshot, signInThroughPage } from '../support/browser.js';
import { insertRequest } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';

const EVENTS = 30_000;

describe('an auditor in a browser', () => {
  let t: TestApp;
  let browser: Browser;
  let auditor: TestStaff;
  const seeder = `Browser seeder ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    auditor = await createStaff(t.app, 'AUDITOR', 'Chen Jing');
    const now = Date.now();
    await appendAuditEvents(
      t.dataSource,
      Array.from({ length: EVENTS }, (_, index) => ({
        occurredAt: new Date(now - (EVENTS - index)),
        actorType: 'STAFF',
        actorId: null,
        actorRole: 'REVIEWER',
        actorName: seeder,
        action: index % 2 ? 'request.claimed' : 'request.released',
        requestId: null,
        subjectId: null,
        details: { index, note: '浏览器测试' },
        ip: '10.9.9.9',
      })),
    );
    const reviewers = ['Li Na', 'Wang Fang', 'Zhao Lei'];
    const reasons = [
      ['DOCUMENT_UNCLEAR'],
      ['INFO_MISMATCH', 'DOCUMENT_UNCLEAR'],
      ['SUSPECTED_FRAUD'],
    ];
    for (let index = 0; index < 30; index += 1) {
      const day = DateTime.fromISO('2025-06-02', { zone: 'Asia/Shanghai' }).plus({
        days: index % 12,
      });
      const received = day.set({ hour: 9 + (index % 8) });
      const rejected = index % 4 === 0;
      await insertRequest(t.dataSource, {
        reference: `BRW-${index}-${randomUUID().slice(0, 4)}`,
        receivedAt: received.toJSDate(),
        decision:
          index % 7 === 6
            ? null
            : {
                outcome: rejected ? 'REJECTED' : 'APPROVED',
                at: received.plus({ hours: 5 + (index % 30) }).toJSDate(),
                byName: reviewers[index % 3]!,
                reasons: rejected ? reasons[index % 3] : [],
              },
        slaOutcome: index % 7 === 6 ? null : index % 5 === 0 ? 'MISSED' : 'MET',
      });
    }
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('starts an export, watches its progress bar reach 100% and downloads the file', async () => {
    const { context, page } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, auditor.email, auditor.password);
      await page.getByRole('link', { name: 'Exports' }).click();
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Exports');
      await page.getByLabel('What').selectOption('audit-events');
      await page.getByLabel('Format').selectOption('CSV');
      await page.getByLabel('Actor').fill(seeder);
      await page.getByRole('button', { name: 'Export' }).click();
      await page.waitForURL(/\/exports/);
      await expect(page.getByText('The export is queued').textContent()).resolves.toContain(
        'queued',
      );

      const row = page.locator('tr[data-export-id]').first();
      const progress = row.locator('progress');
      const seen: string[] = [];
      // The page refreshes itself (desk.js): no reload from the test.
      const deadline = Date.now() + 60_000;
      while (seen[seen.length - 1] !== '100' && Date.now() < deadline) {
        const value =
          (await progress.getAttribute('value', { timeout: 1000 }).catch(() => null)) ?? 'none';
        if (seen[seen.length - 1] !== value) seen.push(value);
        await page.waitForTimeout(100);
      }
      expect(seen[seen.length - 1]).toBe('100');
      // It was still working when the page first showed it.
      expect(seen[0]).not.toBe('100');
      await expect(row.getAttribute('data-status')).resolves.toBe('COMPLETED');
      await screenshot(page, 'auditor-exports');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        row.getByRole('link', { name: 'Download' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^audit-events_.*\.csv$/);
      const bytes = await readFile(await download.path());
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = bytes.toString('utf8').trimEnd().split('\r\n');
      // The header, the rows, the column codes, the summary.
      expect(lines).toHaveLength(EVENTS + 3);
      expect(lines[lines.length - 2]).toMatch(/^Column codes,seq=Seq,/);
      expect(lines[lines.length - 1]).toContain(`Rows: ${EVENTS}`);
    } finally {
      await context.close();
    }
  });

  it('searches the audit trail and reads the reports’ charts', async () => {
    const { context, page } = await newPage(browser);
    try {
      await signInThroughPage(page, t.url, auditor.email, auditor.password);
      await page.getByLabel('Actor').fill(seeder);
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(page.locator('tr[data-seq]').count()).resolves.toBe(50);
      await expect(page.locator('.event-sentence').first().textContent()).resolves.toMatch(
        new RegExp(`^${seeder} (claimed|released) the request`),
      );
      await screenshot(page, 'auditor-audit-trail');

      await page.getByRole('link', { name: 'Reports' }).click();
      await page.getByLabel('From', { exact: true }).fill('2025-06-02');
      await page.getByLabel('To', { exact: true }).fill('2025-06-15');
      await page.getByRole('button', { name: 'Show' }).click();
      await page.waitForURL(/from=2025-06-02/);
      const charts = page.locator('svg.chart[role="img"]');
      await expect(charts.count()).resolves.toBe(5);
      for (let index = 0; index < 5; index += 1) {
        const box = await charts.nth(index).boundingBox();
        expect(box?.width).toBeGreaterThan(300);
      }
      await expect(
        page.locator('#chart-throughput rect.chart-bar').count(),
      ).resolves.toBeGreaterThan(10);
      // 2025-06-02 is the Dragon Boat Festival day off: nine business days in the range.
      await expect(page.locator('#report-days tbody tr').count()).resolves.toBe(9);
      await screenshot(page, 'auditor-reports');
    } finally {
      await context.close();
    }
  });
});
