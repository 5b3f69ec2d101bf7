import request from 'supertest';
import type TestAgent from 'supertest/lib/agent.js';

/** Reads the hidden `_csrf` field of a page. */
export function csrfTokenOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error('no _csrf field on the page');
  return match[1]!;
}

/**
 * A cookie-keeping client of the staff portal. It reads pages in the language it is
 * given (its browser's `Accept-Language`): English unless a test asks for another.
 */
export class WebSession {
  readonly agent: TestAgent;
  private token: string | undefined;

  constructor(
    readonly baseUrl: string,
    /** null: the browser sends no `Accept-Language` at all. */
    readonly acceptLanguage: string | null = 'en',
  ) {
    this.agent = request.agent(baseUrl);
    if (acceptLanguage !== null) this.agent.set('Accept-Language', acceptLanguage);
  }

  /** Fetches a page and remembers its CSRF token for the next form. */
  async page(path: string) {
    const response = await this.agent.get(path);
    if (
      response.status === 200 &&
      typeof response.text === 'string' &&
      response.text.includes('name="_csrf"')
    ) {
      this.token = csrfTokenOf(response.text);
    }
    return response;
  }

  /** Submits a form as the browser would, with the CSRF token of the last page. */
  async submit(path: string, fields: Record<string, string | string[]> = {}) {
    if (!this.token) await this.page('/login');
    return this.agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: this.token! });
  }

  /** Submits a form from a page, as the browser would (with that page as the Referer). */
  async submitFrom(pagePath: string, path: string, fields: Record<string, string | string[]> = {}) {
    if (!this.token) await this.page('/login');
    return this.agent
      .post(path)
      .set('Referer', new URL(pagePath, this.baseUrl).href)
      .type('form')
      .send({ ...fields, _csrf: this.token! });
  }

  async signIn(email: string, password: string) {
    await this.page('/login');
    return this.submit('/login', { email, password });
  }

  /** The session cookie's value as the server set it last. */
  cookieValue(): string | undefined {
    const jar = (
      this.agent as unknown as {
        jar: { getCookie(name: string, access: unknown): { value: string } | undefined };
      }
    ).jar;
    return jar.getCookie('beian.sid', {
      domain: new URL(this.baseUrl).hostname,
      path: '/',
      secure: false,
      script: false,
    })?.value;
  }
}

export async function signedIn(
  baseUrl: string,
  email: string,
  password: string,
  acceptLanguage: string | null = 'en',
): Promise<WebSession> {
  const session = new WebSession(baseUrl, acceptLanguage);
  const response = await session.signIn(email, password);
  if (response.status !== 303) throw new Error(`sign-in failed for ${email}: ${response.status}`);
  return session;
}
