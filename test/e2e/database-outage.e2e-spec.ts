import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import {
  startEmbeddedPostgres,
  type EmbeddedPostgresHandle,
} from '../../libs/local-services/src/embedded-postgres.js';
import { runMigrations } from '../../src/shared/infrastructure/database/migrate.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

/** The heading and first paragraph of an error page, as text. */
function errorPageOf(html: string): { title: string; text: string } {
  const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
  const text = /<section class="error-page">[\s\S]*?<p[^>]*>([^<]*)<\/p>/.exec(html)?.[1] ?? '';
  return { title: title.trim(), text: text.trim() };
}

/** Every file under a folder (the documents the app left on disk). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
}

const ENGLISH_PAGE = {
  title: 'Unavailable',
  text: 'The desk cannot reach its database just now. Nothing was changed; try again in a minute.',
};
const CHINESE_PAGE = {
  title: '服务不可用',
  text: '审核台暂时无法连接数据库。没有做任何更改，请一分钟后重试。',
};

/**
 * PostgreSQL of this test's own (never the run's shared server), stopped and started
 * again under a running app: while it is down the desk answers 503 with Retry-After
 * (pages in words, problem+json to the API), and it recovers without a restart.
 */
describe('while PostgreSQL is down', () => {
  const clusterDir = path.join(os.tmpdir(), `beian-outage-pg-${randomBytes(4).toString('hex')}`);
  let postgres: EmbeddedPostgresHandle;
  let documentDir: string;
  let t: TestApp;
  let liNa: TestStaff;
  let english: WebSession;
  let chinese: WebSession;
  let requestId: string;

  beforeAll(async () => {
    postgres = await startEmbeddedPostgres({
      dataDir: clusterDir,
      persistent: true,
      settings: { fsync: 'off', synchronous_commit: 'off' },
    });
    await postgres.createDatabase('outage');
    await runMigrations(postgres.urlFor('outage'));
    documentDir = await mkdtemp(path.join(os.tmpdir(), 'beian-outage-documents-'));
    t = await startTestApp({
      env: { DATABASE_URL: postgres.urlFor('outage'), DOCUMENT_DIR: documentDir },
    });
    liNa = await createStaff(t.app, 'REVIEWER', 'Li Na');
    english = await signedIn(t.url, liNa.email, liNa.password, 'en');
    chinese = await signedIn(t.url, liNa.email, liNa.password, 'zh-CN');
    const submitted = await submitIntake(t.url, individualRequest(), individualDocuments());
    expect(submitted.status).toBe(201);
    requestId = submitted.body.id as string;
    // Before the outage: the pages work.
    expect((await english.page('/queue')).status).toBe(200);
    expect((await chinese.page(`/requests/${requestId}`)).status).toBe(200);
    await postgres.stop();
  });

  afterAll(async () => {
    await t?.close().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    await rm(clusterDir, { recursive: true, force: true });
    if (documentDir) await rm(documentDir, { recursive: true, force: true });
  });

  it('a page answers 503 with Retry-After and says so in the reader’s language', async () => {
    const queue = await english.page('/queue');
    expect(queue.status).toBe(503);
    expect(queue.headers['retry-after']).toBe('30');
    expect(queue.headers['content-type']).toMatch(/^text\/html/);
    expect(errorPageOf(queue.text)).toEqual(ENGLISH_PAGE);

    const workspace = await chinese.page(`/requests/${requestId}`);
    expect(workspace.status).toBe(503);
    expect(workspace.headers['retry-after']).toBe('30');
    expect(errorPageOf(workspace.text)).toEqual(CHINESE_PAGE);
    expect(workspace.text).toContain('<html lang="zh-CN">');
  });

  it('a form sent during the outage answers the same page, not a 500', async () => {
    const claim = await english.submit(`/requests/${requestId}/claim`);
    expect(claim.status).toBe(503);
    expect(claim.headers['retry-after']).toBe('30');
    expect(errorPageOf(claim.text)).toEqual(ENGLISH_PAGE);
  });

  it('the sign-in page answers 503 rather than a form whose session cannot be kept', async () => {
    for (const [language, page] of [
      ['zh-CN,zh;q=0.9', CHINESE_PAGE],
      ['en-GB,en;q=0.8', ENGLISH_PAGE],
    ] as const) {
      const signIn = await new WebSession(t.url, language).page('/login');
      expect(signIn.status).toBe(503);
      expect(signIn.headers['retry-after']).toBe('30');
      expect(errorPageOf(signIn.text)).toEqual(page);
      expect(signIn.text).not.toContain('name="password"');
    }
  });

  it('the intake answers 503 problem+json with Retry-After and keeps no document', async () => {
    const before = await filesUnder(documentDir);
    const response = await submitIntake(t.url, individualRequest(), individualDocuments());
    expect(response.status).toBe(503);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(response.text)).toEqual({
      type: 'https://beian-desk.invalid/problems/database-unavailable',
      title: 'Service Unavailable',
      status: 503,
      detail:
        'The desk’s database is not answering. Nothing was stored; send the request again after Retry-After seconds.',
      code: 'database.unavailable',
      instance: '/api/v1/initialization-requests',
    });
    expect(await filesUnder(documentDir)).toEqual(before);

    const inChinese = await submitIntake(t.url, individualRequest(), individualDocuments()).set(
      'Accept-Language',
      'zh-CN',
    );
    expect(inChinese.status).toBe(503);
    expect(JSON.parse(inChinese.text)).toMatchObject({
      title: '服务不可用',
      code: 'database.unavailable',
    });
  });

  it('/health answers 503 naming the database, with Retry-After', async () => {
    const health = await request(t.url).get('/health');
    expect(health.status).toBe(503);
    expect(health.headers['retry-after']).toBe('30');
    expect(health.body.details.database.status).toBe('down');
    expect(health.body.details.redis.status).toBe('up');
  });

  it('logs the outage as a warning, never as a failed request', () => {
    const messages = t.logs.map((line) => line.msg);
    expect(messages).toContain('database unavailable');
    expect(messages).not.toContain('request failed');
  });

  describe('once PostgreSQL is back (the same app, no restart)', () => {
    beforeAll(async () => {
      postgres = await startEmbeddedPostgres({
        dataDir: clusterDir,
        persistent: true,
        port: postgres.port,
        settings: { fsync: 'off', synchronous_commit: 'off' },
      });
    });

    it('the pages answer again, in the sessions signed in before the outage', async () => {
      const queue = await english.page('/queue');
      expect(queue.status).toBe(200);
      expect(queue.headers['retry-after']).toBeUndefined();
      expect((await chinese.page(`/requests/${requestId}`)).status).toBe(200);
      const claim = await english.submit(`/requests/${requestId}/claim`);
      expect(claim.status).toBe(303);
      expect(claim.headers.location).toBe(`/requests/${requestId}`);
    });

    it('the sign-in page answers and signing in works', async () => {
      const visitor = new WebSession(t.url);
      expect((await visitor.page('/login')).status).toBe(200);
      const signIn = await visitor.submit('/login', { email: liNa.email, password: liNa.password });
      expect(signIn.status).toBe(303);
      expect((await visitor.page('/queue')).status).toBe(200);
    });

    it('the intake stores a request again', async () => {
      const response = await submitIntake(t.url, individualRequest(), individualDocuments());
      expect(response.status).toBe(201);
      const stored: unknown[] = await t.dataSource.query(
        'SELECT id FROM initialization_requests WHERE id = $1',
        [response.body.id],
      );
      expect(stored).toHaveLength(1);
    });

    it('/health answers 200', async () => {
      const health = await request(t.url).get('/health');
      expect(health.status).toBe(200);
      expect(health.body.details.database.status).toBe('up');
    });
  });
});
