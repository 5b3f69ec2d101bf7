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
  foreignWords,
  launchBrowser,
  newPage,
  screenshot,
  signInThroughPage,
  submit,
} from '../support/browser.js';
import { registerSubject } from '../support/registry.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';

const HOUR = 3_600_000;
/** A Wednesday, 10:00 in Shanghai. */
const NOW = new Date('2026-12-02T02:00:00Z');

/**
 * Latin words on a Chinese page that are not codes, references or format names: what a
 * reviewer would take for untranslated English.
 */
const CODES_AND_NAMES = new Set([
  ...['ICP', 'ID', 'GB', 'PDF', 'JPEG', 'PNG', 'CSV', 'Excel', 'XLSX', 'UTF', 'SHA', 'HTTP'],
  ...['UTC', 'KB', 'MB', 'SMTP', 'URL', 'PERCENTILE', 'INC'],
]);
async function englishOn(page: Page): Promise<string[]> {
  return (await foreignWords(page)).filter(
    (word) =>
      !CODES_AND_NAMES.has(word) &&
      !/^(INIT|BD)$/.test(word) && // request references: INIT-2026-000123
      !/^[YMD]+(-[YMD]+)*$/.test(word) && // the date pattern a form asks for: YYYY-MM-DD
      !/^[a-z_-]+$/.test(word), // parts of action codes shown beside their words: request.claimed
  );
}

/** A filing number's province prefix (a code: the queue's province filter shows them). */
const PROVINCE = /^[京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝蜀黔滇藏陕陇青宁新]$/;

describe('the desk in Simplified Chinese', () => {
  let t: TestApp;
  let browser: Browser;
  let liNa: TestStaff;
  let wangFang: TestStaff;
  let zhaoMin: TestStaff;
  let liuYang: TestStaff;
  let organization: Submitted;

  interface Submitted {
    id: string;
    reference: string;
    subjectName: string;
    applicantName: string;
    filingNumber: string;
  }

  async function submitOrganization(hoursAgo: number): Promise<Submitted> {
    const subject = await registerSubject(t, {
      type: 'ORGANIZATION',
      name: '宁波示例网络有限公司',
      credentialNumber: creditCode(),
      filingNumber: filingNumber(),
    });
    const body = individualRequest({
      receivedAt: new Date(t.clock!.now().getTime() - hoursAgo * HOUR).toISOString(),
      subjectType: 'ORGANIZATION',
      filingNumber: subject.filingNumber,
      subjectName: subject.name,
      credentialNumber: subject.credentialNumber,
      applicant: {
        name: '钱七',
        idNumber: residentId('330203', '19850505', 321),
        role: 'OTHER',
        phone: '13300133000',
      },
    });
    const response = await submitIntake(t.url, body, [
      ...individualDocuments(),
      await authorizationLetter(),
    ]);
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return {
      id: response.body.id,
      reference: response.body.reference,
      subjectName: subject.name,
      applicantName: '钱七',
      filingNumber: subject.filingNumber,
    };
  }

  beforeAll(async () => {
    [t, browser] = await Promise.all([
      startTestApp({ ownDatabase: true, clock: 'settable' }),
      launchBrowser(),
    ]);
    t.clock!.set(NOW);
    [liNa, wangFang, zhaoMin, liuYang] = await Promise.all([
      createStaff(t.app, 'REVIEWER', '李娜'),
      createStaff(t.app, 'SENIOR_REVIEWER', '王芳'),
      createStaff(t.app, 'AUDITOR', '赵敏'),
      createStaff(t.app, 'ADMIN', '刘洋'),
    ]);
    organization = await submitOrganization(30);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a reviewer claims, checks and approves in Chinese; a senior gives the second approval', async () => {
    const { context, page, dialogs } = await newPage(browser, 'zh-CN');
    try {
      await signInThroughPage(page, t.url, liNa.email, liNa.password, 'zh-CN');
      await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('待办队列');
      await page.getByRole('link', { name: /^待认领/ }).click();
      await page.waitForURL(/tab=unassigned/);
      const row = page.locator('table.queue tbody tr', { hasText: organization.reference });
      await screenshot(page, 'zh-review-queue');
      await submit(page, row.getByRole('button', { name: /^认领/ }));
      expect(page.url()).toBe(`${t.url}/requests/${organization.id}`);
      expect(await flashes(page)).toEqual(['您已认领该申请。']);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('审核中');

      const approve = page.getByRole('button', { name: '通过', exact: true });
      await expect(approve.isDisabled()).resolves.toBe(true);
      const cards = page.locator('article.document-card');
      await expect(cards.count()).resolves.toBe(4);
      for (let index = 0; index < 4; index += 1) {
        const card = cards.nth(index);
        for (const label of ['清晰可辨', '真实', '有效，未过期', '与申请信息一致'])
          await card.getByLabel(label, { exact: true }).check();
        await submit(page, card.getByRole('button', { name: /^记录检查结果/ }));
        expect(await flashes(page)).toEqual(['检查结果已记录。']);
      }
      await screenshot(page, 'zh-review-workspace-checked');
      await submit(page, page.getByRole('button', { name: '通过', exact: true }));
      expect(await flashes(page)).toEqual(['已通过；还需另一位高级审核员复核通过。']);
      await expect(page.locator('[data-status]').textContent()).resolves.toBe('待复核');
      expect(dialogs).toEqual([]);
    } finally {
      await context.close();
    }

    const senior = await newPage(browser, 'zh-CN');
    try {
      await signInThroughPage(senior.page, t.url, wangFang.email, wangFang.password, 'zh-CN');
      await senior.page.getByRole('link', { name: /^待复核/ }).click();
      await senior.page.getByRole('link', { name: organization.reference }).click();
      await senior.page.waitForURL(`**/requests/${organization.id}`);
      await submit(senior.page, senior.page.getByRole('button', { name: '复核通过' }));
      expect(await flashes(senior.page)).toEqual(['已复核通过。备案账号邮箱已替换。']);
      await expect(senior.page.locator('[data-status]').textContent()).resolves.toBe('已通过');
      const timeline = await senior.page.locator('.timeline .event-sentence').allTextContents();
      expect(timeline).toContain('李娜 认领了该申请');
      await screenshot(senior.page, 'zh-review-approved-timeline');
      expect(senior.dialogs).toEqual([]);
    } finally {
      await senior.context.close();
    }
  });

  it('an auditor searches the trail, verifies the chain, exports and reads the reports in Chinese', async () => {
    const { context, page } = await newPage(browser, 'zh-CN');
    try {
      await signInThroughPage(page, t.url, zhaoMin.email, zhaoMin.password, 'zh-CN');
      await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('审计日志');
      await page.getByLabel('操作人').fill('李娜');
      await page.getByRole('button', { name: '搜索' }).click();
      await expect(page.locator('.event-sentence').first().textContent()).resolves.toMatch(
        /^李娜 /,
      );
      await screenshot(page, 'zh-auditor-audit-trail');

      await page.getByRole('link', { name: '校验哈希链' }).click();
      await expect(page.getByText('审计日志完整').count()).resolves.toBeGreaterThan(0);
      await screenshot(page, 'zh-auditor-verify');

      await page.getByRole('link', { name: '导出', exact: true }).click();
      await page.getByLabel('导出内容').selectOption('requests');
      await page.getByLabel('格式').selectOption('XLSX');
      await page.getByLabel('开始日期').fill('2026-11-01');
      await page.getByLabel('结束日期').fill('2026-12-31');
      await submit(page, page.getByRole('button', { name: '导出', exact: true }));
      const row = page.locator('tr[data-export-id]').first();
      const deadline = Date.now() + 60_000;
      while ((await row.getAttribute('data-status')) !== 'COMPLETED' && Date.now() < deadline) {
        await page.waitForTimeout(200);
        await page.reload();
      }
      await expect(row.getAttribute('data-status')).resolves.toBe('COMPLETED');
      await expect(row.getByRole('link', { name: '下载' }).count()).resolves.toBe(1);
      await screenshot(page, 'zh-auditor-exports');

      await page.getByRole('link', { name: '报表' }).click();
      await page.getByLabel('开始日期', { exact: true }).fill('2026-11-23');
      await page.getByLabel('结束日期', { exact: true }).fill('2026-12-04');
      await page.getByRole('button', { name: '查看' }).click();
      await page.waitForURL(/from=2026-11-23/);
      await expect(page.locator('svg.chart[role="img"]').count()).resolves.toBe(5);
      await screenshot(page, 'zh-auditor-reports');
    } finally {
      await context.close();
    }
  });

  it('shows no English word on the desk’s pages in Chinese, and no Chinese in English, apart from data and codes', async () => {
    const pages: { staff: TestStaff; paths: string[] }[] = [
      { staff: liNa, paths: ['/queue', '/queue?tab=all', `/requests/${organization.id}`] },
      { staff: zhaoMin, paths: ['/audit', '/audit/verify', '/exports', '/reports'] },
      { staff: liuYang, paths: ['/admin/calendar', '/admin/users', '/admin/mail'] },
    ];
    /** What this test put in: staff names, the subject, its applicant and filing number. */
    const data = [
      ...[liNa, wangFang, zhaoMin, liuYang].map((staff) => staff.name),
      ...[organization.subjectName, organization.applicantName, organization.filingNumber],
    ];
    const found: Record<string, string[]> = {};
    for (const language of ['zh-CN', 'en-US'] as const) {
      for (const { staff, paths } of pages) {
        const { context, page } = await newPage(browser, language);
        try {
          await signInThroughPage(
            page,
            t.url,
            staff.email,
            staff.password,
            language === 'zh-CN' ? 'zh-CN' : 'en',
          );
          for (const path of paths) {
            await page.goto(`${t.url}${path}`);
            await expect(page.locator('html').getAttribute('lang')).resolves.toBe(
              language === 'zh-CN' ? 'zh-CN' : 'en',
            );
            // Data may be Chinese on an English page (names inside a timeline sentence too).
            const words =
              language === 'zh-CN'
                ? await englishOn(page)
                : (await foreignWords(page)).filter(
                    (word) => !data.some((value) => value.includes(word)) && !PROVINCE.test(word),
                  );
            if (words.length) found[`${language} ${path}`] = words;
            if (language === 'zh-CN')
              await screenshot(
                page,
                path.startsWith('/requests/')
                  ? 'zh-page-workspace'
                  : `zh-page${path.replace(/[^a-z]+/g, '-').replace(/-$/, '')}`,
              );
          }
        } finally {
          await context.close();
        }
      }
    }
    expect(found).toEqual({});
  });
});
