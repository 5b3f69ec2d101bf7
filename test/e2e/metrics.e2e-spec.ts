import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { insertRequest } from '../support/request-fixtures.js';
import { submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

const TOKEN = 'metrics-token-for-the-tests-0001';
const HOUR = 3_600_000;

/** One series of a scrape: `name{label="value",…}` with its labels sorted, and its value. */
type Scrape = Map<string, number>;

/** The Prometheus text format, read back into series (comments skipped). */
function parseScrape(text: string): Scrape {
  const series: Scrape = new Map();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${line}`);
    const labels = [...(match[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)]
      .map(([, name, value]) => `${name}="${value}"`)
      .sort();
    series.set(seriesKey(match[1]!, labels), Number(match[3]));
  }
  return series;
}

function seriesKey(name: string, labels: string[]): string {
  return labels.length ? `${name}{${labels.join(',')}}` : name;
}

/** The key of one series as `parseScrape` writes it. */
function series(name: string, labels: Record<string, string> = {}): string {
  return seriesKey(
    name,
    Object.entries(labels)
      .map(([key, value]) => `${key}="${value}"`)
      .sort(),
  );
}

async function scrape(t: TestApp): Promise<{ text: string; series: Scrape }> {
  const response = await request(t.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
  expect(response.status).toBe(200);
  return { text: response.text, series: parseScrape(response.text) };
}

/** A gauge's value; a missing series fails the test rather than reading as 0. */
function valueOf(scraped: Scrape, name: string, labels: Record<string, string> = {}): number {
  const key = series(name, labels);
  const value = scraped.get(key);
  if (value === undefined) throw new Error(`no series ${key} in the scrape`);
  return value;
}

function sumOf(scraped: Scrape, name: string): number {
  let sum = 0;
  for (const [key, value] of scraped) {
    if (key === name || key.startsWith(`${name}{`)) sum += value;
  }
  return sum;
}

/** Waits (at most 15 s) for the export the staff member asked for to be written. */
async function finished(t: TestApp, requestedBy: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await t.dataSource.query<{ status: string }[]>(
      `SELECT status FROM data_exports WHERE requested_by_id = $1`,
      [requestedBy],
    );
    if (rows[0]?.status === 'COMPLETED') return;
    if (Date.now() > deadline) throw new Error(`the export is still ${rows[0]?.status}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const OPEN_STATUSES = [
  'PENDING_REVIEW',
  'IN_REVIEW',
  'AWAITING_SECOND_APPROVAL',
  'AWAITING_APPLICANT',
];

describe('GET /metrics without METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is off: 404 like any unknown path, with or without a bearer token', async () => {
    expect((await request(t.url).get('/metrics')).status).toBe(404);
    const withToken = await request(t.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(withToken.status).toBe(404);
    expect(withToken.text).not.toContain('process_cpu');
  });
});

// First: a bull client that never reached Redis lingers a moment after its app closed.
describe('GET /metrics with Redis down', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: { REDIS_URL: 'redis://127.0.0.1:1', METRICS_TOKEN: TOKEN, METRICS_CACHE_SECONDS: '0' },
    });
  });
  afterAll(() => t.close());

  it('still answers, leaving out the queue depths and counting the failed read', async () => {
    const { series: scraped } = await scrape(t);
    expect([...scraped.keys()].some((key) => key.startsWith('beian_queue_jobs'))).toBe(false);
    expect(
      valueOf(scraped, 'beian_metrics_read_failures_total', { metric: 'beian_queue_jobs' }),
    ).toBeGreaterThanOrEqual(2);
    expect(
      valueOf(scraped, 'beian_requests_open', { status: 'PENDING_REVIEW' }),
    ).toBeGreaterThanOrEqual(0);
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let t: TestApp;
  beforeAll(async () => {
    // A database of its own, so every count below is this file's alone.
    t = await startTestApp({
      ownDatabase: true,
      env: { METRICS_TOKEN: TOKEN, METRICS_CACHE_SECONDS: '0' },
    });
  });
  afterAll(() => t.close());

  it('answers 401 naming the scheme without a token, 403 with a wrong one, in plain words', async () => {
    const none = await request(t.url).get('/metrics');
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(none.headers['content-type']).toMatch(/^text\/plain/);
    expect(none.text).toContain('Authorization: Bearer <METRICS_TOKEN>');
    expect(none.text).not.toContain('process_cpu');

    const inChinese = await request(t.url).get('/metrics').set('Accept-Language', 'zh-CN');
    expect(inChinese.status).toBe(401);
    expect(inChinese.text).toContain('监控指标令牌');

    const notBearer = await request(t.url).get('/metrics').set('Authorization', `Basic ${TOKEN}`);
    expect(notBearer.status).toBe(401);

    for (const wrong of [`${TOKEN.slice(0, -1)}2`, 'short', `${TOKEN}${TOKEN}`]) {
      const refused = await request(t.url).get('/metrics').set('Authorization', `Bearer ${wrong}`);
      expect(refused.status).toBe(403);
      expect(refused.text).toContain('The metrics token is not valid.');
      expect(refused.text).not.toContain('process_cpu');
    }
  });

  it('answers the bearer of the token with no session, no CSRF token and no cookie set', async () => {
    const response = await request(t.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('has no place in the intake API’s OpenAPI document', async () => {
    const document = await request(t.url).get('/api/openapi.json');
    expect(document.status).toBe(200);
    expect(
      Object.keys(document.body.paths as object).some((path) => path.includes('metrics')),
    ).toBe(false);
  });

  it('reports the process, the requests, the outbox, the queues, the exports and the audit chain', async () => {
    const { series: scraped, text } = await scrape(t);
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_heap_size_used_bytes',
      'nodejs_eventloop_lag_seconds',
    ]) {
      expect(sumOf(scraped, name)).toBeGreaterThan(0);
    }
    for (const status of OPEN_STATUSES) {
      expect(valueOf(scraped, 'beian_requests_open', { status })).toBeGreaterThanOrEqual(0);
    }
    expect(valueOf(scraped, 'beian_requests_at_risk')).toBeGreaterThanOrEqual(0);
    expect(valueOf(scraped, 'beian_requests_breached')).toBeGreaterThanOrEqual(0);
    for (const status of ['PENDING', 'SENDING', 'FAILED', 'ABANDONED']) {
      expect(valueOf(scraped, 'beian_outbox_messages', { status })).toBeGreaterThanOrEqual(0);
    }
    expect(scraped.has(series('beian_outbox_messages', { status: 'SENT' }))).toBe(false);
    for (const queue of ['exports', 'notifications']) {
      for (const state of ['waiting', 'active', 'delayed', 'failed', 'completed']) {
        expect(valueOf(scraped, 'beian_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
    }
    for (const status of ['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REMOVED']) {
      expect(valueOf(scraped, 'beian_export_jobs', { status })).toBeGreaterThanOrEqual(0);
    }
    expect(text).toContain('# TYPE beian_http_request_duration_seconds histogram');
    expect(text).toContain('# HELP beian_requests_open ');
  });

  it('counts a submitted request among the open ones at the next scrape, and its audit events in the chain', async () => {
    const before = (await scrape(t)).series;
    await submitReviewable(t);
    const after = (await scrape(t)).series;
    expect(valueOf(after, 'beian_requests_open', { status: 'PENDING_REVIEW' })).toBe(
      valueOf(before, 'beian_requests_open', { status: 'PENDING_REVIEW' }) + 1,
    );
    const events = await t.dataSource.query<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM audit_events`,
    );
    expect(valueOf(after, 'beian_audit_chain_length')).toBe(events[0]!.count);
    expect(valueOf(after, 'beian_audit_chain_length')).toBeGreaterThan(
      valueOf(before, 'beian_audit_chain_length'),
    );
  });

  it('counts requests past their at-risk line and past their deadline as the queue does', async () => {
    const before = (await scrape(t)).series;
    const now = Date.now();
    const seed = (status: string, atRiskInHours: number, dueInHours: number) =>
      insertRequest(t.dataSource, {
        reference: `M-${randomUUID().slice(0, 8)}`,
        receivedAt: new Date(now - 48 * HOUR),
        status,
        atRiskAt: new Date(now + atRiskInHours * HOUR),
        dueAt: new Date(now + dueInHours * HOUR),
      });
    await seed('IN_REVIEW', -1, 3); // at risk
    await seed('PENDING_REVIEW', -6, -2); // breached
    await seed('AWAITING_SECOND_APPROVAL', -8, -4); // breached
    await seed('PENDING_REVIEW', 20, 24); // in time
    await seed('AWAITING_APPLICANT', -8, -4); // the clock is stopped: neither
    const after = (await scrape(t)).series;
    expect(valueOf(after, 'beian_requests_at_risk')).toBe(
      valueOf(before, 'beian_requests_at_risk') + 1,
    );
    expect(valueOf(after, 'beian_requests_breached')).toBe(
      valueOf(before, 'beian_requests_breached') + 2,
    );
    expect(valueOf(after, 'beian_requests_open', { status: 'AWAITING_APPLICANT' })).toBe(
      valueOf(before, 'beian_requests_open', { status: 'AWAITING_APPLICANT' }) + 1,
    );
  });

  it('counts an export requested by an auditor, and mail not delivered by status', async () => {
    const before = (await scrape(t)).series;
    const auditor = await createStaff(t.app, 'AUDITOR');
    const session = await signedIn(t.url, auditor.email, auditor.password);
    await session.page('/exports');
    const day = new Date().toISOString().slice(0, 10);
    const requested = await session.submit('/exports', {
      dataset: 'audit-events',
      format: 'CSV',
      from: day,
      to: day,
    });
    expect(requested.status).toBe(303);
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
         last_error, created_at, next_attempt_at)
       VALUES ($1, 'test', 'someone@example.cn', 'a test mail', 'text', 'FAILED', 6,
         'refused', now(), now())`,
      [randomUUID()],
    );
    const during = (await scrape(t)).series;
    expect(sumOf(during, 'beian_export_jobs')).toBe(sumOf(before, 'beian_export_jobs') + 1);
    // The worker writes it; once it has, the scrape counts it as completed.
    await finished(t, auditor.id);
    const after = (await scrape(t)).series;
    expect(valueOf(after, 'beian_export_jobs', { status: 'COMPLETED' })).toBe(
      valueOf(before, 'beian_export_jobs', { status: 'COMPLETED' }) + 1,
    );
    expect(valueOf(after, 'beian_outbox_messages', { status: 'FAILED' })).toBe(
      valueOf(before, 'beian_outbox_messages', { status: 'FAILED' }) + 1,
    );
  });

  it('times requests by route pattern and status, never by the URL itself', async () => {
    const id = randomUUID();
    const unknown = `/no-such-page-${randomUUID()}`;
    expect((await request(t.url).get(`/requests/${id}`)).status).toBe(303);
    expect((await request(t.url).get(unknown)).status).toBe(404);
    expect((await request(t.url).get('/health')).status).toBe(200);
    const { series: scraped, text } = await scrape(t);
    expect(text).not.toContain(id);
    expect(text).not.toContain(unknown);
    const count = (route: string, status: string) =>
      valueOf(scraped, 'beian_http_request_duration_seconds_count', {
        method: 'GET',
        route,
        status_code: status,
      });
    expect(count('/requests/:id', '303')).toBeGreaterThanOrEqual(1);
    expect(count('(unmatched)', '404')).toBeGreaterThanOrEqual(1);
    expect(count('/health', '200')).toBeGreaterThanOrEqual(1);
    expect(count('/metrics', '200')).toBeGreaterThanOrEqual(1);
    // The intake of the tests above, under its pattern too.
    expect(
      valueOf(scraped, 'beian_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/api/v1/initialization-requests',
        status_code: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('reads the counts again only once METRICS_CACHE_SECONDS have passed', async () => {
    const cached = await startTestApp({
      env: {
        DATABASE_URL: t.config.DATABASE_URL,
        METRICS_TOKEN: TOKEN,
        METRICS_CACHE_SECONDS: '60',
      },
    });
    try {
      const first = (await scrape(cached)).series;
      await submitReviewable(t);
      const fresh = (await scrape(t)).series;
      const again = (await scrape(cached)).series;
      const pending = (scraped: Scrape) =>
        valueOf(scraped, 'beian_requests_open', { status: 'PENDING_REVIEW' });
      expect(pending(fresh)).toBe(pending(first) + 1);
      expect(pending(again)).toBe(pending(first));
    } finally {
      await cached.close();
    }
  });
});
