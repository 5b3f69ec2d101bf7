import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertRequest, type RequestSeed } from '../support/request-fixtures.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const HOUR = 3_600_000;

/** The references of the queue's rows, top to bottom. */
function referencesOf(html: string): string[] {
  return [...html.matchAll(/<a class="row-link" href="\/requests\/[0-9a-f-]+">([^<]+)<\/a>/g)].map(
    (match) => match[1]!,
  );
}

/** Tab label → count, as the tab strip shows them. */
function tabCountsOf(html: string): Record<string, string> {
  const strip = /<nav class="tabs"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return Object.fromEntries(
    [
      ...strip.matchAll(
        /<a href="[^"]*"[^>]*>([^<]+?)(?: <span class="tab-count">([^<]+)<\/span>)?<\/a>/g,
      ),
    ].map((match) => [match[1]!.trim(), match[2] ?? '']),
  );
}

/** What Handlebars escaped in attributes, back to text. */
const decode = (html: string): string =>
  html
    .replace(/&#x3D;/g, '=')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const nextHrefOf = (html: string): string | null => {
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  return href ? decode(href) : null;
};

describe('the queue', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let zhangWei: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;
  let reviewer: WebSession;
  const now = Date.now();
  const at = (hours: number): Date => new Date(now + hours * HOUR);
  const ids: Record<string, string> = {};

  async function seed(name: string, values: Omit<RequestSeed, 'reference'>): Promise<void> {
    ids[name] = await insertRequest(t.dataSource, { reference: name, ...values });
  }

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    [liNa, zhangWei, auditor, admin] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'REVIEWER', 'Zhang Wei'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
    ]);
    const pending = (hoursToDue: number) => ({
      receivedAt: at(-20),
      dueAt: at(hoursToDue),
      atRiskAt: at(hoursToDue - 4),
    });
    await seed('Q-PENDING-LATE', {
      ...pending(30),
      subjectName: '杭州锦程网络科技有限公司',
      subjectType: 'ORGANIZATION',
      credentialNumber: '91330106MA2B3C4D5E',
      province: '浙',
      riskFlags: ['RECENT_EMAIL_CHANGE'],
    });
    await seed('Q-PENDING-SOON', {
      ...pending(10),
      subjectName: '王芳',
      credentialNumber: '33010219900101123X',
      province: '京',
      filingNumber: '京ICP备2024000001号',
    });
    await seed('Q-PENDING-AT-RISK', {
      ...pending(2),
      subjectName: '李娜',
      credentialNumber: '11010519491231002X',
      province: '京',
    });
    await seed('Q-PENDING-BREACHED', {
      ...pending(-3),
      subjectName: '赵磊',
      credentialNumber: '440524188001010014',
      province: '粤',
      riskFlags: ['SUBJECT_MISMATCH'],
    });
    await seed('Q-MINE', {
      ...pending(20),
      status: 'IN_REVIEW',
      assigneeId: liNa.id,
      assigneeName: 'Li Na',
    });
    await seed('Q-THEIRS-AT-RISK', {
      ...pending(1),
      status: 'IN_REVIEW',
      assigneeId: zhangWei.id,
      assigneeName: 'Zhang Wei',
    });
    await seed('Q-SECOND', {
      ...pending(15),
      status: 'AWAITING_SECOND_APPROVAL',
      assigneeId: liNa.id,
      assigneeName: 'Li Na',
      subjectType: 'ORGANIZATION',
    });
    await seed('Q-WAITING', {
      ...pending(-50),
      status: 'AWAITING_APPLICANT',
      assigneeId: zhangWei.id,
      assigneeName: 'Zhang Wei',
    });
    await seed('Q-APPROVED', {
      receivedAt: at(-100),
      dueAt: at(-60),
      decision: { outcome: 'APPROVED', at: at(-70), byName: 'Li Na' },
      slaOutcome: 'MET',
    });
    reviewer = await signedIn(t.url, liNa.email, liNa.password);
  });
  afterAll(() => t?.close());

  describe('tabs', () => {
    it('opens on the unassigned requests, most urgent deadline first, with every tab counted', async () => {
      const page = await reviewer.page('/queue');
      expect(page.status).toBe(200);
      expect(referencesOf(page.text)).toEqual([
        'Q-PENDING-BREACHED',
        'Q-PENDING-AT-RISK',
        'Q-PENDING-SOON',
        'Q-PENDING-LATE',
      ]);
      expect(tabCountsOf(page.text)).toEqual({
        Unassigned: '4',
        Mine: '2',
        'At risk': '2',
        Breached: '1',
        'Second approval': '1',
        'Awaiting applicant': '1',
        'All requests': '',
      });
      expect(decode(page.text)).toMatch(
        /<a href="\/queue\?tab=unassigned" aria-current="page">Unassigned/,
      );
    });

    it('shows each slice in deadline order', async () => {
      const tab = async (name: string) =>
        referencesOf((await reviewer.page(`/queue?tab=${name}`)).text);
      expect(await tab('mine')).toEqual(['Q-SECOND', 'Q-MINE']);
      expect(await tab('at-risk')).toEqual(['Q-THEIRS-AT-RISK', 'Q-PENDING-AT-RISK']);
      expect(await tab('breached')).toEqual(['Q-PENDING-BREACHED']);
      expect(await tab('second-approval')).toEqual(['Q-SECOND']);
      expect(await tab('awaiting-applicant')).toEqual(['Q-WAITING']);
      expect(await tab('all')).toEqual([
        'Q-APPROVED',
        'Q-WAITING',
        'Q-PENDING-BREACHED',
        'Q-THEIRS-AT-RISK',
        'Q-PENDING-AT-RISK',
        'Q-PENDING-SOON',
        'Q-SECOND',
        'Q-MINE',
        'Q-PENDING-LATE',
      ]);
    });

    it('gives each row its deadline in business time and a coloured SLA badge', async () => {
      const html = (await reviewer.page('/queue?tab=all')).text;
      const row = (reference: string) =>
        new RegExp(`<tr data-request-id="${ids[reference]}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row('Q-PENDING-BREACHED')).toMatch(
        /<span class="badge badge-bad" data-sla-badge>Breached<\/span> <span class="sla-time" data-sla-time>overdue( by [^<]+)?<\/span>/,
      );
      expect(row('Q-PENDING-AT-RISK')).toMatch(
        /badge-warn" data-sla-badge>At risk<\/span> <span class="sla-time" data-sla-time>[^<]*left<\/span>/,
      );
      expect(row('Q-PENDING-LATE')).toMatch(/badge-ok" data-sla-badge>On track</);
      expect(row('Q-WAITING')).toMatch(/badge-neutral" data-sla-badge>Paused</);
      expect(row('Q-APPROVED')).toMatch(/badge-ok" data-sla-badge>Met</);
      expect(row('Q-PENDING-LATE')).toContain('<span class="chip">Recent email change</span>');
      expect(row('Q-PENDING-BREACHED')).toContain('Nobody');
      expect(row('Q-MINE')).toContain('Li Na');
    });

    it('offers Claim on unassigned rows to reviewers only', async () => {
      const html = (await reviewer.page('/queue?tab=all')).text;
      const claims = [...html.matchAll(/formaction="\/requests\/([0-9a-f-]+)\/claim"/g)].map(
        (m) => m[1],
      );
      expect(claims.sort()).toEqual(
        ['Q-PENDING-LATE', 'Q-PENDING-SOON', 'Q-PENDING-AT-RISK', 'Q-PENDING-BREACHED']
          .map((ref) => ids[ref])
          .sort(),
      );
      expect(html).toMatch(
        /<button type="submit" form="claim-form" formaction="[^"]+" class="button small primary">Claim<span class="visually-hidden"> Q-PENDING/,
      );
    });

    it('shows auditors every request read-only: no Mine tab and no Claim', async () => {
      const session = await signedIn(t.url, auditor.email, auditor.password);
      const page = await session.page('/queue');
      expect(page.status).toBe(200);
      expect(tabCountsOf(page.text)).not.toHaveProperty('Mine');
      expect(page.text).toMatch(/aria-current="page">All requests/);
      expect(referencesOf(page.text)).toHaveLength(9);
      expect(page.text).not.toContain('/claim');
      expect(page.text).not.toContain('claim-form');
    });

    it('refuses administrators', async () => {
      const session = await signedIn(t.url, admin.email, admin.password);
      expect((await session.page('/queue')).status).toBe(403);
      expect((await session.page(`/requests/${ids['Q-MINE']}`)).status).toBe(403);
    });
  });

  describe('filters and search', () => {
    const filtered = async (query: string) =>
      referencesOf((await reviewer.page(`/queue?${query}`)).text);

    it('narrows by subject type, province, risk flag and assignee', async () => {
      expect(await filtered('tab=all&subjectType=ORGANIZATION')).toEqual([
        'Q-SECOND',
        'Q-PENDING-LATE',
      ]);
      expect(await filtered(`tab=unassigned&province=${encodeURIComponent('京')}`)).toEqual([
        'Q-PENDING-AT-RISK',
        'Q-PENDING-SOON',
      ]);
      expect(await filtered('tab=all&riskFlag=SUBJECT_MISMATCH')).toEqual(['Q-PENDING-BREACHED']);
      expect(await filtered(`tab=all&assignee=${zhangWei.id}`)).toEqual([
        'Q-WAITING',
        'Q-THEIRS-AT-RISK',
      ]);
      expect(await filtered('tab=unassigned&assignee=none&subjectType=INDIVIDUAL')).toEqual([
        'Q-PENDING-BREACHED',
        'Q-PENDING-AT-RISK',
        'Q-PENDING-SOON',
      ]);
    });

    it('keeps the tab counts as the workload and says how many match the filters', async () => {
      const page = await reviewer.page(
        `/queue?tab=unassigned&province=${encodeURIComponent('京')}`,
      );
      expect(tabCountsOf(page.text).Unassigned).toBe('4');
      expect(page.text).toContain(
        '<p class="matching" role="status">2 requests match the filters.</p>',
      );
      expect(page.text).toMatch(/<option value="京" selected>京 Beijing<\/option>/);
    });

    it('searches by reference, filing number or subject name', async () => {
      expect(await filtered('tab=all&q=Q-SECOND')).toEqual(['Q-SECOND']);
      expect(await filtered(`tab=all&q=${encodeURIComponent('京ICP备2024000001')}`)).toEqual([
        'Q-PENDING-SOON',
      ]);
      expect(await filtered(`tab=all&q=${encodeURIComponent('锦程网络')}`)).toEqual([
        'Q-PENDING-LATE',
      ]);
      expect(await filtered(`tab=all&q=${encodeURIComponent('100%_')}`)).toEqual([]);
    });

    it('says which filter values it ignored instead of failing', async () => {
      const page = await reviewer.page(
        '/queue?tab=nowhere&subjectType=ROBOT&riskFlag=NOPE&assignee=someone',
      );
      expect(page.status).toBe(200);
      expect(page.text).toContain('There is no tab “nowhere”.');
      expect(page.text).toContain('“ROBOT” is not a subject type, so it was ignored.');
      expect(page.text).toContain('“NOPE” is not a risk flag, so it was ignored.');
      expect(page.text).toContain('“someone” is not a staff member, so it was ignored.');
      expect(referencesOf(page.text)).toHaveLength(4);
    });
  });

  describe('personal data', () => {
    it('masks ID numbers and credit codes in the queue and in search results', async () => {
      for (const path of ['/queue?tab=all', `/queue?tab=all&q=${encodeURIComponent('王芳')}`]) {
        const html = (await reviewer.page(path)).text;
        expect(html).not.toContain('33010219900101123X');
        expect(html).not.toContain('91330106MA2B3C4D5E');
        expect(html).toContain('330***********123X');
      }
      expect((await reviewer.page('/queue?tab=all')).text).toContain('913***********4D5E');
    });
  });

  describe('SLA badges refresh', () => {
    it('answers the badges of the requests asked for, as JSON', async () => {
      const response = await reviewer.agent
        .get(`/queue/sla-badges?ids=${ids['Q-PENDING-BREACHED']},${ids['Q-WAITING']},not-an-id`)
        .set('Accept', 'application/json');
      expect(response.status).toBe(200);
      expect(response.body.badges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: ids['Q-PENDING-BREACHED'],
            label: 'Breached',
            tone: 'bad',
          }),
          expect.objectContaining({
            id: ids['Q-WAITING'],
            label: 'Paused',
            tone: 'neutral',
            timeLeft: '',
          }),
        ]),
      );
      expect(response.body.badges).toHaveLength(2);
    });
  });

  describe('in Chinese', () => {
    it('shows a zh-CN browser the queue in Chinese: tabs, labels, badges, problems and counts', async () => {
      const zhou = await createStaff(t.app, 'REVIEWER', '周强');
      const session = await signedIn(t.url, zhou.email, zhou.password, 'zh-CN');
      const page = await session.page('/queue');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="zh-CN">');
      expect(page.text).toContain('<title>待办队列 · 待认领 · 备案账号审核台</title>');
      expect(tabCountsOf(page.text)).toEqual({
        待认领: '4',
        我的: '0',
        即将超时: '2',
        已超时: '1',
        待复核: '1',
        待申请人补正: '1',
        全部申请: '',
      });
      const html = (await session.page('/queue?tab=all')).text;
      const row = (reference: string) =>
        new RegExp(`<tr data-request-id="${ids[reference]}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
      expect(row('Q-PENDING-BREACHED')).toMatch(
        /<div class="sub">待审核<\/div>[\s\S]*<span class="badge badge-bad" data-sla-badge>已超时<\/span> <span class="sla-time" data-sla-time>已超时[^<]*<\/span>/,
      );
      expect(row('Q-PENDING-BREACHED')).toContain('未认领');
      expect(row('Q-PENDING-LATE')).toContain('单位<div class="sub">浙 浙江</div>');
      expect(row('Q-PENDING-LATE')).toContain('<span class="chip">近期更换过账号邮箱</span>');
      expect(row('Q-PENDING-LATE')).toMatch(/data-sla-time>剩余 [^<]+<\/span>/);
      expect(row('Q-SECOND')).toContain('待复核');
      expect(html).toContain('>认领<span class="visually-hidden">');
      expect(html).not.toMatch(/>(Claim|Nobody|Pending review|Breached|On track)</);

      const filtered = await session.page(
        `/queue?tab=unassigned&province=${encodeURIComponent('京')}&riskFlag=NOPE`,
      );
      expect(filtered.text).toContain('“NOPE”不是风险标记，已忽略。');
      expect(filtered.text).toContain(
        '<p class="matching" role="status">2 个申请符合筛选条件。</p>',
      );
      expect(filtered.text).toMatch(/<option value="京" selected>京 北京<\/option>/);
      expect((await session.page('/queue?tab=nowhere')).text).toContain('没有“nowhere”这个分类。');

      const badges = await session.agent
        .get(`/queue/sla-badges?ids=${ids['Q-PENDING-BREACHED']},${ids['Q-WAITING']}`)
        .set('Accept', 'application/json');
      expect(badges.body.badges).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            id: ids['Q-PENDING-BREACHED'],
            label: '已超时',
            timeLeft: expect.stringMatching(/^已超时/),
          }),
          expect.objectContaining({ id: ids['Q-WAITING'], label: '计时暂停', timeLeft: '' }),
        ]),
      );
    });
  });
});

describe('queue pages', () => {
  let t: TestApp;
  let session: WebSession;

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    // 130 requests, deadlines in threes (ties are broken by id), plus two without a deadline.
    const base = Date.now() + 48 * HOUR;
    await t.dataSource.query(
      `INSERT INTO initialization_requests (
         id, reference, external_id, intake_client, received_at, subject_type, filing_number,
         subject_filing_number, province, subject_name, credential_number, applicant_name,
         applicant_id_number, applicant_role, applicant_phone, new_account_email, aliyun_account_id,
         risk_flags, status, clock_started_at, due_at, at_risk_at, version, created_at, updated_at)
       SELECT gen_random_uuid(), 'PAGE-' || lpad(g::text, 4, '0'), 'page-' || g, 'test-client', now(),
              'INDIVIDUAL', '浙ICP备12345678号', '浙ICP备12345678号', '浙', '分页' || g,
              '33010219900101123X', '分页', '33010219900101123X', 'SUBJECT_ADMIN', '13800000000',
              'p@example.cn', 'acct-' || g, '{}', 'PENDING_REVIEW', now(),
              CASE WHEN g > 130 THEN NULL ELSE to_timestamp(($1::bigint + (g / 3) * 60000) / 1000.0) END,
              NULL, 1, now(), now()
         FROM generate_series(1, 132) AS g`,
      [base],
    );
    // 1,005 more, far later, for the capped count.
    await t.dataSource.query(
      `INSERT INTO initialization_requests (
         id, reference, external_id, intake_client, received_at, subject_type, filing_number,
         subject_filing_number, province, subject_name, credential_number, applicant_name,
         applicant_id_number, applicant_role, applicant_phone, new_account_email, aliyun_account_id,
         risk_flags, status, clock_started_at, due_at, version, created_at, updated_at)
       SELECT gen_random_uuid(), 'BULK-' || g, 'bulk-' || g, 'test-client', now(), 'INDIVIDUAL',
              '浙ICP备12345678号', '浙ICP备12345678号', '浙', '批量', '33010219900101123X', '批量',
              '33010219900101123X', 'SUBJECT_ADMIN', '13800000000', 'b@example.cn', 'bulk-' || g, '{}',
              'AWAITING_APPLICANT', now(), now() + interval '30 days', 1, now(), now()
         FROM generate_series(1, 1005) AS g`,
    );
    session = await signedIn(t.url, reviewer.email, reviewer.password);
  });
  afterAll(() => t?.close());

  it('walks every request once, in deadline then id order, page after page', async () => {
    const expected: string[] = (
      await t.dataSource.query(
        `SELECT reference FROM initialization_requests WHERE status = 'PENDING_REVIEW'
          ORDER BY due_at NULLS LAST, id`,
      )
    ).map((row: { reference: string }) => row.reference);
    const seen: string[] = [];
    let path: string | null = '/queue?tab=unassigned';
    let pages = 0;
    while (path) {
      const page = await session.page(path);
      expect(page.status).toBe(200);
      const references = referencesOf(page.text);
      expect(references.length).toBeLessThanOrEqual(50);
      seen.push(...references);
      path = nextHrefOf(page.text);
      if (path) expect(path).toMatch(/^\/queue\?tab=unassigned&after=(\d+|none)\.[0-9a-f-]{36}$/);
      pages += 1;
      if (pages > 5) throw new Error('the pages never end');
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(expected);
    expect(new Set(seen).size).toBe(132);
    expect(
      seen.slice(-2).every((reference) => ['PAGE-0131', 'PAGE-0132'].includes(reference)),
    ).toBe(true);
  });

  it('keeps the filters across pages and offers the first page back', async () => {
    const first = await session.page(`/queue?tab=unassigned&province=${encodeURIComponent('浙')}`);
    const next = nextHrefOf(first.text)!;
    expect(next).toContain(`province=${encodeURIComponent('浙')}`);
    const second = await session.page(next);
    expect(decode(second.text)).toMatch(
      /<a href="\/queue\?tab=unassigned&province=%E6%B5%99">← First page<\/a>/,
    );
  });

  it('stops counting a tab at a thousand', async () => {
    const page = await session.page('/queue');
    expect(page.text).toMatch(/Awaiting applicant <span class="tab-count">1,000\+<\/span>/);
    expect(page.text).toMatch(/Unassigned <span class="tab-count">132<\/span>/);
  });

  it('starts from the first page when the cursor is not one', async () => {
    const first = referencesOf((await session.page('/queue?tab=unassigned')).text);
    const page = await session.page(`/queue?tab=unassigned&after=${randomUUID()}`);
    expect(referencesOf(page.text)).toEqual(first);
  });
});

describe('tab counts on a busy instance', () => {
  let t: TestApp;
  let session: WebSession;
  const now = Date.now();
  const pending = (reference: string, province = '京') =>
    insertRequest(t.dataSource, {
      reference,
      receivedAt: new Date(now - 2 * HOUR),
      dueAt: new Date(now + 30 * HOUR),
      atRiskAt: new Date(now + 26 * HOUR),
      province,
    });

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true, env: { QUEUE_COUNTS_CACHE_SECONDS: '60' } });
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    await pending('C-FIRST');
    session = await signedIn(t.url, reviewer.email, reviewer.password);
  });
  afterAll(() => t?.close());

  it('reuses the tab counts for QUEUE_COUNTS_CACHE_SECONDS, but lists afresh and counts matches that fit on a page', async () => {
    expect(tabCountsOf((await session.page('/queue')).text).Unassigned).toBe('1');
    await pending('C-SECOND');
    const page = await session.page('/queue');
    // The tab strip is the count of a moment ago; the rows are read now.
    expect(tabCountsOf(page.text).Unassigned).toBe('1');
    expect(referencesOf(page.text).sort()).toEqual(['C-FIRST', 'C-SECOND']);
    // Under a filter the current tab's matches are counted on the spot.
    const filtered = await session.page(
      `/queue?tab=unassigned&province=${encodeURIComponent('京')}&assignee=none`,
    );
    expect(filtered.text).toContain(
      '<p class="matching" role="status">2 requests match the filters.</p>',
    );
  });

  it('reuses the count of a filter’s matches beyond the first page for QUEUE_COUNTS_CACHE_SECONDS', async () => {
    for (let index = 0; index < 51; index += 1) await pending(`C-SH-${index}`, '沪');
    const path = `/queue?tab=unassigned&province=${encodeURIComponent('沪')}`;
    const matching = /<p class="matching" role="status">([^<]*)<\/p>/;
    expect(matching.exec((await session.page(path)).text)?.[1]).toBe(
      '51 requests match the filters.',
    );
    await pending('C-SH-LATE', '沪');
    const again = await session.page(path);
    expect(matching.exec(again.text)?.[1]).toBe('51 requests match the filters.');
    // The rows are read now: 52 of them, 50 here and 2 on the next page.
    expect(referencesOf(again.text)).toHaveLength(50);
    expect(referencesOf((await session.page(nextHrefOf(again.text)!)).text)).toHaveLength(2);
  });
});
