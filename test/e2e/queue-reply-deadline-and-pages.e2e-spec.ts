import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The references of the queue's rows, top to bottom. */
const referencesOf = (html: string): string[] =>
  [...html.matchAll(/<a class="row-link" href="\/requests\/[0-9a-f-]+">([^<]+)<\/a>/g)].map(
    (match) => match[1]!,
  );

/** What Handlebars escaped in attributes, back to text. */
const decode = (html: string): string =>
  html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const linkOf = (html: string, rel: 'next' | 'prev'): string | null => {
  const href = new RegExp(`<a href="([^"]+)" rel="${rel}">`).exec(html)?.[1];
  return href ? decode(href) : null;
};

/** The table's column headers, as read. */
const headersOf = (html: string): string[] =>
  [
    ...(/<thead>[\s\S]*?<\/thead>/.exec(html)?.[0] ?? '').matchAll(
      /<th scope="col"[^>]*>([\s\S]*?)<\/th>/g,
    ),
  ].map((match) =>
    match[1]!
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** Each row's reference with the instants (ms) its deadline cell shows. */
const deadlineCellsOf = (html: string): { reference: string; times: number[] }[] =>
  [...html.matchAll(/<tr data-request-id="[^"]+">([\s\S]*?)<\/tr>/g)].map((match) => {
    const cells = [...match[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1]!);
    return {
      reference: /<a class="row-link"[^>]*>([^<]+)<\/a>/.exec(cells[0]!)![1]!,
      times: [...cells[4]!.matchAll(/<time datetime="([^"]+)"/g)].map((time) =>
        Date.parse(time[1]!),
      ),
    };
  });

/**
 * Walks a tab forward with its Next links, then back from the last page with its Previous
 * links: each page back must be the page that was seen going forward.
 */
async function walkThereAndBack(
  session: WebSession,
  start: string,
): Promise<{ forward: string[][]; back: string[][]; firstPage: string }> {
  const forward: string[][] = [];
  let path: string | null = start;
  let lastPath = start;
  let firstPage = '';
  while (path) {
    const page = await session.page(path);
    expect(page.status).toBe(200);
    if (forward.length === 0) {
      firstPage = page.text;
      expect(linkOf(page.text, 'prev')).toBeNull();
    } else {
      expect(linkOf(page.text, 'prev')).toMatch(/[?&]before=(\d+|none)\.[0-9a-f-]{36}$/);
    }
    forward.push(referencesOf(page.text));
    lastPath = path;
    path = linkOf(page.text, 'next');
    if (forward.length > 10) throw new Error('the pages never end');
  }
  const last = await session.page(lastPath);
  const back: string[][] = [referencesOf(last.text)];
  path = linkOf(last.text, 'prev');
  while (path) {
    const page = await session.page(path);
    expect(page.status).toBe(200);
    back.unshift(referencesOf(page.text));
    expect(linkOf(page.text, 'next')).not.toBeNull();
    path = linkOf(page.text, 'prev');
    if (back.length > 10) throw new Error('the pages never end');
  }
  return { forward, back, firstPage };
}

describe('the Awaiting applicant tab and the queue’s pages', () => {
  let t: TestApp;
  let reviewer: TestStaff;
  let session: WebSession;
  const base = Date.now() + 72 * HOUR;

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    const insert = (select: string, parameters: unknown[]) =>
      t.dataSource.query(
        `INSERT INTO initialization_requests (
           id, reference, external_id, intake_client, received_at, subject_type, filing_number,
           subject_filing_number, province, subject_name, credential_number, applicant_name,
           applicant_id_number, applicant_role, applicant_phone, new_account_email, aliyun_account_id,
           risk_flags, status, assignee_id, assignee_name, clock_started_at, due_at, at_risk_at,
           expires_at, version, created_at, updated_at)
         ${select}`,
        parameters,
      );
    // 120 waiting for the applicant: reply deadlines in threes (ties broken by id), their
    // paused due dates in the opposite order, so the two orders cannot be mistaken.
    await insert(
      `SELECT gen_random_uuid(), 'WAIT-' || lpad(g::text, 4, '0'), 'wait-' || g, 'test-client',
              now(), 'INDIVIDUAL', '浙ICP备12345678号', '浙ICP备12345678号', '浙', '补正' || g,
              '33010219900101123X', '补正', '33010219900101123X', 'SUBJECT_ADMIN', '13800000000',
              'w@example.cn', 'wait-' || g, '{}', 'AWAITING_APPLICANT', $2::uuid, 'Li Na', now(),
              to_timestamp(($1::bigint - g * 60000) / 1000.0), NULL,
              to_timestamp(($1::bigint + 86400000 + (g / 3) * 60000) / 1000.0), 1, now(), now()
         FROM generate_series(1, 120) AS g`,
      [base, reviewer.id],
    );
    // 100 unassigned with deadlines in fours, and 3 without one (last, in id order).
    await insert(
      `SELECT gen_random_uuid(), 'OPEN-' || lpad(g::text, 4, '0'), 'open-' || g, 'test-client',
              now(), 'INDIVIDUAL', '浙ICP备12345678号', '浙ICP备12345678号',
              CASE WHEN g % 2 = 0 THEN '浙' ELSE '京' END, '待审' || g,
              '33010219900101123X', '待审', '33010219900101123X', 'SUBJECT_ADMIN', '13800000000',
              'o@example.cn', 'open-' || g, '{}', 'PENDING_REVIEW', NULL, NULL, now(),
              CASE WHEN g > 100 THEN NULL ELSE to_timestamp(($1::bigint + (g / 4) * 60000) / 1000.0) END,
              NULL, NULL, 1, now(), now()
         FROM generate_series(1, 103) AS g`,
      [base],
    );
    session = await signedIn(t.url, reviewer.email, reviewer.password);
  });
  afterAll(() => t?.close());

  it('shows the Awaiting applicant tab by reply deadline, the request expiring first on top', async () => {
    const expected: { reference: string; expires_at: Date; due_at: Date }[] =
      await t.dataSource.query(
        `SELECT reference, expires_at, due_at FROM initialization_requests
          WHERE status = 'AWAITING_APPLICANT' ORDER BY expires_at, id LIMIT 50`,
      );
    const page = await session.page('/queue?tab=awaiting-applicant');
    expect(page.status).toBe(200);
    expect(page.text).toContain(
      'Sorted by reply deadline: the request that expires unanswered first is at the top.',
    );
    expect(headersOf(page.text)).toContain('Reply deadline (expires unanswered)');
    expect(headersOf(page.text)).not.toContain('Due (business time)');
    expect(referencesOf(page.text)).toEqual(expected.map((row) => row.reference));
    // Each row shows when it expires unanswered, not its paused due date.
    expect(deadlineCellsOf(page.text)).toEqual(
      expected.map((row) => ({ reference: row.reference, times: [row.expires_at.getTime()] })),
    );
    // The paused due dates run the other way: the top of the page is due last.
    expect(expected[0]!.due_at.getTime()).toBeGreaterThan(
      expected[expected.length - 1]!.due_at.getTime(),
    );

    // Other tabs keep the deadline.
    const unassigned = await session.page('/queue?tab=unassigned');
    expect(headersOf(unassigned.text)).toContain('Due (business time)');
    expect(headersOf(unassigned.text)).not.toContain('Reply deadline (expires unanswered)');

    const chinese = await signedIn(t.url, reviewer.email, reviewer.password, 'zh-CN');
    const zh = await chinese.page('/queue?tab=awaiting-applicant');
    expect(headersOf(zh.text)).toContain('补正截止时间 （逾期未答复即过期）');
  });

  it('walks the Awaiting applicant tab there and back with Next and Previous, in reply-deadline order', async () => {
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT reference FROM initialization_requests WHERE status = 'AWAITING_APPLICANT'
          ORDER BY expires_at, id`,
      )
    ).map((row: { reference: string }) => row.reference);
    const { forward, back, firstPage } = await walkThereAndBack(
      session,
      '/queue?tab=awaiting-applicant',
    );
    expect(forward.map((page) => page.length)).toEqual([50, 50, 20]);
    expect(forward.flat()).toEqual(expected);
    expect(back).toEqual(forward);
    expect(firstPage).not.toContain('First page');
  });

  it('walks the Unassigned tab there and back across the requests without a deadline', async () => {
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT reference FROM initialization_requests WHERE status = 'PENDING_REVIEW'
          ORDER BY due_at NULLS LAST, id`,
      )
    ).map((row: { reference: string }) => row.reference);
    const { forward, back } = await walkThereAndBack(session, '/queue?tab=unassigned');
    // The third page holds only the three without a deadline: its Previous link starts there.
    expect(forward.map((page) => page.length)).toEqual([50, 50, 3]);
    expect(forward[2]!.every((reference) => Number(reference.slice(5)) > 100)).toBe(true);
    expect(forward.flat()).toEqual(expected);
    expect(back).toEqual(forward);
  });

  it('keeps the filters on the Previous link and offers the first page from the second', async () => {
    const province = encodeURIComponent('浙');
    const first = await session.page(`/queue?tab=unassigned&province=${province}`);
    expect(referencesOf(first.text)).toHaveLength(50);
    const second = await session.page(linkOf(first.text, 'next')!);
    const previous = linkOf(second.text, 'prev')!;
    expect(previous).toContain(`province=${province}`);
    expect(decode(second.text)).toContain(
      `<a href="/queue?tab=unassigned&province=${province}">← First page</a>`,
    );
    const back = await session.page(previous);
    expect(referencesOf(back.text)).toEqual(referencesOf(first.text));
    expect(linkOf(back.text, 'prev')).toBeNull();
    expect(linkOf(back.text, 'next')).toBe(linkOf(first.text, 'next'));
  });

  it('starts from the first page when a Previous cursor is not one, or leads back past the start', async () => {
    const first = referencesOf((await session.page('/queue?tab=awaiting-applicant')).text);
    const garbled = await session.page(`/queue?tab=awaiting-applicant&before=${randomUUID()}`);
    expect(referencesOf(garbled.text)).toEqual(first);
    // Before the very first request there is nothing: the first page, whole.
    const beforeAll = await session.page(`/queue?tab=awaiting-applicant&before=0.${randomUUID()}`);
    expect(referencesOf(beforeAll.text)).toEqual(first);
    expect(linkOf(beforeAll.text, 'prev')).toBeNull();
  });
});
