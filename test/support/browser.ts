import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Locator,
  type Page,
} from 'playwright-core';
import { projectRoot } from '../../src/shared/infrastructure/project-root.js';

export const ARTIFACTS_DIR = path.join(projectRoot(), 'test', 'artifacts');

/** Debian's Chromium, headless, never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * A page in its own context (its own cookies) that fails the test on any dialog. The
 * browser asks for `locale` (its `Accept-Language`): English unless a test reads Chinese.
 */
export async function newPage(
  browser: Browser,
  locale: 'en-US' | 'zh-CN' = 'en-US',
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { context, page, dialogs };
}

/** The sign-in form's words in each language the tests read. */
const SIGN_IN_WORDS = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  'zh-CN': { email: '邮箱', password: '密码', submit: '登录' },
};

export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  language: keyof typeof SIGN_IN_WORDS = 'en',
): Promise<void> {
  const words = SIGN_IN_WORDS[language];
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(words.email).fill(email);
  await page.getByLabel(words.password).fill(password);
  await page.getByRole('button', { name: words.submit }).click();
  await page.waitForLoadState('domcontentloaded');
}

/**
 * The words a page shows in a language other than its own: its visible text and the
 * worded attributes (title, alt, aria-label, placeholder), leaving out what is not the
 * desk's words — elements marked `translate="no"` (applicant data, names, references)
 * and elements in another language on purpose (the language switch's "English").
 * Latin words for a Chinese page, Chinese characters for an English one.
 */
export async function foreignWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const dom = (globalThis as unknown as { document: any }).document; // eslint-disable-line @typescript-eslint/no-explicit-any
    const lang: string = dom.documentElement.lang;
    const body = dom.body.cloneNode(true);
    for (const element of body.querySelectorAll('[translate="no"], script, style, kbd'))
      element.remove();
    for (const element of body.querySelectorAll('[lang]'))
      if (element.getAttribute('lang') !== lang) element.remove();
    // Each text node apart, so words of neighbouring elements do not run together.
    const walker = dom.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: string[] = [dom.title];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue);
    for (const element of body.querySelectorAll('[title], [alt], [aria-label], [placeholder]'))
      for (const name of ['title', 'alt', 'aria-label', 'placeholder'])
        if (element.hasAttribute(name)) texts.push(element.getAttribute(name));
    const all = texts.join(' ');
    const words =
      lang === 'zh-CN'
        ? (all.match(/[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/g) ?? []).filter((word) => word.length > 1)
        : (all.match(/[\u3400-\u9fff]+/g) ?? []);
    return [...new Set(words)];
  });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Clicks a form's button and waits for the page the server answers with (303 → GET). */
export async function submit(page: Page, button: Locator): Promise<void> {
  const navigated = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await button.click();
  await navigated;
  await page.waitForLoadState('domcontentloaded');
}

/** The flash messages the page shows. */
export const flashes = (page: Page): Promise<string[]> => page.locator('.flash').allTextContents();
