import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { WebSession } from '../support/web-session.js';

/** The `lang` of a page's `<html>`. */
const langOf = (html: string): string | undefined => /<html lang="([^"]+)"/.exec(html)?.[1];

describe('the language a page speaks', () => {
  let t: TestApp;
  let other: TestApp;

  beforeAll(async () => {
    [t, other] = await Promise.all([startTestApp(), startTestApp()]);
  });
  afterAll(async () => {
    await Promise.all([t.close(), other.close()]);
  });

  const savedLocale = async (staff: TestStaff): Promise<string | null> => {
    const [row] = await t.dataSource.query<{ locale: string | null }[]>(
      `SELECT locale FROM staff_members WHERE id = $1`,
      [staff.id],
    );
    return row!.locale;
  };

  it.each([
    ['zh-CN', 'zh-CN', '登录'],
    ['zh-TW,zh;q=0.9', 'zh-CN', '登录'],
    ['en-US,en;q=0.9', 'en', 'Sign in'],
    ['fr, en;q=0.8, zh;q=0.5', 'en', 'Sign in'],
    ['fr, zh-CN;q=0.9, en;q=0.8', 'zh-CN', '登录'],
    ['en;q=0.5, zh-CN;q=0.9', 'zh-CN', '登录'],
    ['fr-FR, de', 'zh-CN', '登录'],
    [null, 'zh-CN', '登录'],
  ])(
    'with no choice made, Accept-Language %p gives %s (its first zh* or en* in q-order, else the default)',
    async (header, lang, words) => {
      const page = await new WebSession(t.url, header).page('/login');
      expect(page.status).toBe(200);
      expect(langOf(page.text)).toBe(lang);
      expect(page.text).toContain(words);
    },
  );

  it('falls back to the deployment’s DEFAULT_LOCALE when the browser asks for neither language', async () => {
    const english = await startTestApp({ env: { DEFAULT_LOCALE: 'en' } });
    try {
      expect(langOf((await new WebSession(english.url, 'fr').page('/login')).text)).toBe('en');
      expect(langOf((await new WebSession(english.url, null).page('/login')).text)).toBe('en');
      expect(langOf((await new WebSession(english.url, 'zh-CN').page('/login')).text)).toBe(
        'zh-CN',
      );
    } finally {
      await english.close();
    }
  });

  it('keeps a choice made on the sign-in page in a cookie, and saves it on an account that has none', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const browser = new WebSession(t.url, 'zh-CN');
    expect(langOf((await browser.page('/login')).text)).toBe('zh-CN');
    const switched = await browser.submitFrom('/login', '/locale', { locale: 'en' });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/login');
    const signInPage = await browser.page('/login');
    expect(langOf(signInPage.text)).toBe('en');
    expect(signInPage.text).toContain('Sign in');

    await browser.submit('/login', { email: reviewer.email, password: reviewer.password });
    expect(langOf((await browser.page('/queue')).text)).toBe('en');
    expect(await savedLocale(reviewer)).toBe('en');

    // Another browser asking for Chinese: the account's choice follows the person.
    const elsewhere = new WebSession(other.url, 'zh-CN');
    await elsewhere.signIn(reviewer.email, reviewer.password);
    const queue = await elsewhere.page('/queue');
    expect(langOf(queue.text)).toBe('en');
  });

  it('lets the account’s saved choice win over the sign-in page’s cookie', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const first = new WebSession(t.url, 'en');
    await first.signIn(reviewer.email, reviewer.password);
    await first.page('/queue');
    await first.submitFrom('/queue', '/locale', { locale: 'zh-CN' });
    expect(await savedLocale(reviewer)).toBe('zh-CN');

    const browser = new WebSession(t.url, 'en');
    await browser.page('/login');
    await browser.submitFrom('/login', '/locale', { locale: 'en' });
    await browser.submit('/login', { email: reviewer.email, password: reviewer.password });
    const queue = await browser.page('/queue');
    expect(langOf(queue.text)).toBe('zh-CN');
    expect(queue.text).toContain('退出');
    expect(await savedLocale(reviewer)).toBe('zh-CN');
    // And the sign-in page now speaks the account's language too.
    await browser.submit('/logout');
    expect(langOf((await browser.page('/login')).text)).toBe('zh-CN');
  });

  it('saves the header’s switch on the account: it survives signing out and in, and reaches another instance', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const browser = new WebSession(t.url, 'zh-CN');
    await browser.signIn(reviewer.email, reviewer.password);
    const queue = await browser.page('/queue');
    expect(langOf(queue.text)).toBe('zh-CN');
    expect(queue.text).toMatch(
      /<button[^>]*name="locale" value="en" lang="en"[^>]*>English<\/button>/,
    );

    const switched = await browser.submitFrom('/queue?tab=mine', '/locale', { locale: 'en' });
    expect(switched.status).toBe(303);
    expect(switched.headers.location).toBe('/queue?tab=mine');
    const english = await browser.page('/queue?tab=mine');
    expect(langOf(english.text)).toBe('en');
    expect(english.text).toContain('Sign out');
    expect(english.text).toMatch(/<button[^>]*value="zh-CN" lang="zh-CN"[^>]*>简体中文<\/button>/);

    await browser.submit('/logout');
    const again = new WebSession(t.url, 'zh-CN');
    await again.signIn(reviewer.email, reviewer.password);
    expect(langOf((await again.page('/queue')).text)).toBe('en');

    const onOther = new WebSession(other.url, 'zh-CN');
    await onOther.signIn(reviewer.email, reviewer.password);
    expect(langOf((await onOther.page('/queue')).text)).toBe('en');

    // Switching back is seen by the other instance's next page of the same session too.
    await onOther.submitFrom('/queue', '/locale', { locale: 'zh-CN' });
    expect(langOf((await again.page('/queue')).text)).toBe('zh-CN');
  });

  it('ignores a language the desk does not speak', async () => {
    const browser = new WebSession(t.url, 'en');
    await browser.page('/login');
    const response = await browser.submitFrom('/login', '/locale', { locale: 'fr' });
    expect(response.status).toBe(303);
    expect(langOf((await browser.page('/login')).text)).toBe('en');
  });

  it('shows error pages in the reader’s language', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const chinese = new WebSession(t.url, 'zh-CN');
    await chinese.signIn(reviewer.email, reviewer.password);
    const forbidden = await chinese.page('/admin/users');
    expect(forbidden.status).toBe(403);
    expect(langOf(forbidden.text)).toBe('zh-CN');
    expect(forbidden.text).toContain('无权操作');
    const english = new WebSession(t.url, 'en');
    await english.signIn(reviewer.email, reviewer.password);
    const page = await english.page('/admin/users');
    expect(page.text).toContain('Not allowed');
  });
});
