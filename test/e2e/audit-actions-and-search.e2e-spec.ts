import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import type { YearArrangement } from '@lib/business-calendar';
import { AUDIT_TRAIL_READER } from '../../src/audit/application/ports/audit-trail.reader.js';
import type { AuditEventFilters } from '../../src/audit/domain/export-filters.js';
import type { PostgresAuditTrailReader } from '../../src/audit/infrastructure/postgres/postgres-audit-trail.reader.js';
import { ChangeStaffRoleCommand } from '../../src/identity/application/commands/change-staff-role/change-staff-role.command.js';
import { DeactivateStaffMemberCommand } from '../../src/identity/application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { AUDIT_ACTIONS } from '../../src/shared/domain/audit-actions.js';
import type { StaffActor } from '../../src/shared/domain/actor.js';
import { SaveCalendarYearCommand } from '../../src/sla/application/commands/save-calendar-year/save-calendar-year.command.js';
import { appendAuditEvents, decodeEntities } from '../support/audit-fixtures.js';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import { registerSubject, type TestSubject } from '../support/registry.js';
import { insertRequest } from '../support/request-fixtures.js';
import { submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const run = randomBytes(3).toString('hex');

/** The events table of an /audit page (the search form names every action's code in its values). */
const eventsTable = (html: string): string =>
  decodeEntities(/<table class="data audit-events">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '');
/** The timeline of a request's workspace. */
const timelineOf = (html: string): string =>
  decodeEntities(/<section class="panel timeline-panel"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '');
/** The sequence numbers of the events a page of /audit shows, in order. */
const seqsOn = (html: string): number[] =>
  [...html.matchAll(/<tr id="event-(\d+)" data-seq/g)].map((match) => Number(match[1]));
const olderLink = (html: string): string | null => {
  const href = /<a href="([^"]+)" rel="next">/.exec(html)?.[1];
  return href ? decodeEntities(href) : null;
};

/** No code and no JSON where a person reads: the sentences and the details. */
function expectWords(table: string, codes: string[]): void {
  for (const code of codes) expect(table).not.toContain(code);
  expect(table).not.toMatch(/\{"|\[\{|":/);
}

/** A unique name of two Chinese characters, for the whole-name search. */
const twoCharacterName = (): string =>
  String.fromCodePoint(0x4e00 + (randomBytes(2).readUInt16BE() % 0x5000)) +
  String.fromCodePoint(0x4e00 + (randomBytes(2).readUInt16BE() % 0x5000));

describe('an audit trail every action speaks in', () => {
  let t: TestApp;
  let admin: TestStaff;
  let adminActor: StaffActor;
  let auditor: TestStaff;
  let english: WebSession;
  let chinese: WebSession;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await createStaff(t.app, 'ADMIN', `Liu Yang ${run}`);
    adminActor = { kind: 'STAFF', id: admin.id, role: 'ADMIN', name: admin.name };
    auditor = await createStaff(t.app, 'AUDITOR', `Zhao Min ${run}`);
    english = await signedIn(t.url, auditor.email, auditor.password);
    chinese = await signedIn(t.url, auditor.email, auditor.password, 'zh-CN');
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('calendar edits and staff actions in words', () => {
    it('shows a calendar edit as the year and the days added and removed, on the trail and the timeline, in both locales', async () => {
      const source = `国务院办公厅关于2033年部分节假日安排的通知 (${run})`;
      const first: YearArrangement = {
        year: 2033,
        source,
        daysOff: [{ from: '2033-10-01', to: '2033-10-07', name: 'National Day' }],
        makeUpWorkdays: [
          { date: '2033-09-25', name: 'National Day' },
          { date: '2033-10-08', name: 'National Day' },
        ],
      };
      const commands = t.app.get(CommandBus);
      await commands.execute(new SaveCalendarYearCommand(adminActor, first, '10.0.0.1'));
      // An open request whose deadline falls on the day the change makes a day off.
      const reference = `CAL-${run}`;
      const requestId = await insertRequest(t.dataSource, {
        reference,
        receivedAt: new Date('2033-09-20T01:00:00Z'),
        dueAt: new Date('2033-09-22T01:00:00Z'),
      });
      try {
        await commands.execute(
          new SaveCalendarYearCommand(
            adminActor,
            {
              ...first,
              daysOff: [
                { from: '2033-09-21', to: '2033-09-21', name: 'Mid-Autumn Festival' },
                ...first.daysOff,
              ],
              makeUpWorkdays: [{ date: '2033-10-08', name: 'National Day' }],
            },
            '10.0.0.1',
          ),
        );

        const trail = eventsTable(
          (await english.page('/audit?action=calendar.&actor=' + encodeURIComponent(admin.name)))
            .text,
        );
        expect(trail).toContain(
          `${admin.name} changed the business calendar of 2033: days off added: 2033-09-21 (Mid-Autumn Festival); make-up workdays removed: 2033-09-25 (National Day); 1 open deadline and 0 reply deadlines moved`,
        );
        expect(trail).toContain(
          `${admin.name} added the business calendar of 2033: 7 days off, 2 make-up workdays`,
        );
        // The details in words: the days, not the arrangement's JSON.
        expect(trail).toContain('<dt>Days off added</dt><dd>2033-09-21 (Mid-Autumn Festival)</dd>');
        expect(trail).toContain(
          '<dt>Days off</dt><dd>2033-09-21 (Mid-Autumn Festival); 2033-10-01 to 2033-10-07 (National Day)</dd>',
        );
        expect(trail).toContain('<dt>Open deadlines moved</dt><dd translate="no">1</dd>');
        expectWords(trail, ['calendar.year_changed', 'calendar.year_added', 'MAKE_UP_WORKDAY']);

        const zhTrail = eventsTable(
          (await chinese.page('/audit?action=calendar.&actor=' + encodeURIComponent(admin.name)))
            .text,
        );
        expect(zhTrail).toContain(
          `${admin.name} 修改了 2033 年的工作日历：新增休息日 2033-09-21（Mid-Autumn Festival）；取消调休上班日 2033-09-25（National Day）；移动了 1 个办理期限和 0 个答复期限`,
        );
        expect(zhTrail).toContain('<dt>新增休息日</dt>');
        expect(zhTrail).toContain('<span class="badge badge-neutral">修改日历年度</span>');
        expectWords(zhTrail, ['calendar.year_changed', 'calendar.year_added']);

        // The request's timeline says its deadline moved, from when to when.
        const timeline = timelineOf((await english.page(`/requests/${requestId}`)).text);
        expect(timeline).toMatch(
          /The deadline moved from [A-Z][a-z]{2} \d+, 2033, \d\d:\d\d to [A-Z][a-z]{2} \d+, 2033, \d\d:\d\d after a change to the business calendar/,
        );
        expectWords(timeline, ['request.deadline_rescheduled']);
        const zhTimeline = timelineOf((await chinese.page(`/requests/${requestId}`)).text);
        expect(zhTimeline).toMatch(/业务日历变更后，办理期限由 2033.+ 改为 2033.+/);
      } finally {
        // Out of every other test's queue.
        await t.dataSource.query(
          `UPDATE initialization_requests SET status = 'WITHDRAWN' WHERE id = $1`,
          [requestId],
        );
      }
    });

    it('shows a role change and a deactivation that gives back held work, on the trail and the timeline, in both locales', async () => {
      const reviewer = await createStaff(t.app, 'REVIEWER', `Li Na ${run}`);
      const created = await submitReviewable(t);
      const reviewing = await signedIn(t.url, reviewer.email, reviewer.password);
      await reviewing.page(`/requests/${created.id}`);
      expect((await reviewing.submit(`/requests/${created.id}/claim`)).status).toBe(303);
      const commands = t.app.get(CommandBus);
      await commands.execute(
        new ChangeStaffRoleCommand(adminActor, reviewer.id, 'SENIOR_REVIEWER', '10.0.0.2'),
      );
      await commands.execute(new DeactivateStaffMemberCommand(adminActor, reviewer.id, '10.0.0.2'));

      const trail = eventsTable(
        (await english.page('/audit?action=staff.&actor=' + encodeURIComponent(admin.name))).text,
      );
      expect(trail).toContain(
        `${admin.name} changed the role of ${reviewer.email} from Reviewer to Senior reviewer`,
      );
      expect(trail).toContain(
        `${admin.name} deactivated the account ${reviewer.email}; the requests it held went back to the queue: ${created.reference} (Pending review)`,
      );
      expect(trail).toContain('<dt>Requests given back</dt><dd>');
      expectWords(trail, ['staff.role_changed', 'staff.deactivated', 'SENIOR_REVIEWER']);
      const zhTrail = eventsTable(
        (await chinese.page('/audit?action=staff.&actor=' + encodeURIComponent(admin.name))).text,
      );
      expect(zhTrail).toContain(`${admin.name} 将 ${reviewer.email} 的角色从审核员改为高级审核员`);
      expect(zhTrail).toContain(
        `${admin.name} 停用了账号 ${reviewer.email}，其持有的申请已退回待办队列：${created.reference}（待审核）`,
      );
      expectWords(zhTrail, ['staff.role_changed', 'staff.deactivated']);

      const timeline = timelineOf((await english.page(`/requests/${created.id}`)).text);
      expect(timeline).toContain(
        `${admin.name} released the request held by ${reviewer.name} to the queue, as their account was deactivated`,
      );
      expect(timeline).toContain('<dt>Because</dt><dd>the holder’s account was deactivated</dd>');
      expect(timeline).toContain('<dt>State</dt><dd>Pending review</dd>');
      expectWords(timeline, ['holder-deactivated', 'PENDING_REVIEW', 'request.released']);
      const zhTimeline = timelineOf((await chinese.page(`/requests/${created.id}`)).text);
      expect(zhTimeline).toContain(
        `${admin.name} 释放了 ${reviewer.name} 持有的该申请，退回待办队列（其账号已停用）`,
      );
    });
  });

  describe('the Action filter', () => {
    const optgroups = (html: string) =>
      [
        ...html.matchAll(/<optgroup label="([^"]+)" data-group="(\w+)">([\s\S]*?)<\/optgroup>/g),
      ].map(([, label, group, body]) => ({
        label: decodeEntities(label!),
        group: group!,
        options: [...body!.matchAll(/<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g)].map(
          ([, value, selected, text]) => ({ value, selected: !!selected, text }),
        ),
      }));

    it('lists every action in its group, in the reader’s language, each group with its “any”', async () => {
      const groups = optgroups((await english.page('/audit?action=staff.')).text);
      expect(groups.map(({ group }) => group)).toEqual(Object.keys(AUDIT_ACTIONS));
      expect(groups.map(({ label }) => label)).toEqual([
        'Requests',
        'Documents',
        'Filing registry',
        'Staff accounts',
        'Business calendar',
        'Exports',
        'Mail',
        'Audit trail',
      ]);
      for (const { group, options } of groups) {
        const actions = AUDIT_ACTIONS[group as keyof typeof AUDIT_ACTIONS] as readonly string[];
        expect(options.map(({ value }) => value)).toEqual([
          `${actions[0]!.split('.')[0]}.`,
          ...actions,
        ]);
        // Every option in words, never its code.
        for (const { value, text } of options) {
          expect(text).not.toBe(value);
          expect(text).not.toMatch(/^[a-z]+\.[a-z_]*$/);
        }
      }
      const staff = groups.find(({ group }) => group === 'staff')!;
      expect(staff.options[0]).toEqual({
        value: 'staff.',
        selected: true,
        text: 'Any staff account action',
      });
      expect(staff.options).toContainEqual({
        value: 'staff.password_reset_issued',
        selected: false,
        text: 'Set-password link issued',
      });
      const calendar = groups.find(({ group }) => group === 'calendar')!;
      expect(calendar.options).toContainEqual({
        value: 'calendar.year_changed',
        selected: false,
        text: 'Calendar year changed',
      });

      const zhGroups = optgroups((await chinese.page('/audit?action=calendar.year_changed')).text);
      expect(zhGroups.map(({ label }) => label)).toEqual([
        '申请',
        '材料',
        '备案主体',
        '工作人员账号',
        '工作日历',
        '导出',
        '邮件',
        '审计日志',
      ]);
      expect(zhGroups.find(({ group }) => group === 'calendar')!.options).toContainEqual({
        value: 'calendar.year_changed',
        selected: true,
        text: '修改日历年度',
      });
      expect(zhGroups.find(({ group }) => group === 'mail')!.options).toEqual([
        { value: 'mail.', selected: false, text: '全部邮件操作' },
        { value: 'mail.resent', selected: false, text: '重发邮件' },
      ]);
    });
  });

  describe('searching by subject name, credential number and reference', () => {
    let organization: TestSubject;
    let person: TestSubject;
    let longer: TestSubject;
    let requestReference: string;
    let requestId: string;
    const shortName = twoCharacterName();

    beforeAll(async () => {
      organization = await registerSubject(t, {
        type: 'ORGANIZATION',
        name: `审计检索${run}科技有限公司`,
        credentialNumber: creditCode(),
        filingNumber: filingNumber(),
      });
      const submitted = await submitReviewable(t, { subject: organization });
      requestReference = submitted.reference;
      requestId = submitted.id;
      person = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: shortName,
        credentialNumber: residentId('330106', '19880808', 100 + Math.floor(Math.random() * 800)),
        filingNumber: filingNumber(),
      });
      // A longer name that holds the short one: a whole-name search does not find it.
      longer = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: `${shortName}伦`,
        credentialNumber: residentId('330106', '19880809', 100 + Math.floor(Math.random() * 800)),
        filingNumber: filingNumber(),
      });
      // Sixty more events of the organization's request, for the pages.
      await appendAuditEvents(
        t.dataSource,
        Array.from({ length: 60 }, (_, index) => ({
          occurredAt: new Date(),
          actorType: 'STAFF',
          actorId: randomUUID(),
          actorRole: 'REVIEWER',
          actorName: `Reviewer ${run}`,
          action: 'request.note_added',
          requestId,
          subjectId: organization.id,
          details: { note: `note ${index}` },
          ip: '10.0.0.3',
        })),
      );
      // Another request with a credential number that shares all but its end.
      await insertRequest(t.dataSource, {
        reference: `OTHER-${run}`,
        receivedAt: new Date(),
        status: 'WITHDRAWN',
        subjectName: `另一家${run}公司`,
        credentialNumber: `${organization.credentialNumber.slice(0, 14)}0000`,
      });
    });

    it('finds a subject’s events by part of its name, keyset-paged', async () => {
      const path = `/audit?subjectName=${encodeURIComponent(`检索${run}科技`)}`;
      const page = await english.page(path);
      expect(page.status).toBe(200);
      const seqs = seqsOn(page.text);
      expect(seqs).toHaveLength(50);
      const table = eventsTable(page.text);
      expect(table).toContain(`Reviewer ${run} added an internal note: “note 59”`);
      expect(page.text).toContain(`value="检索${run}科技"`);
      const older = olderLink(page.text)!;
      expect(older).toContain(`subjectName=${encodeURIComponent(`检索${run}科技`)}`);
      const next = await english.page(older);
      const more = seqsOn(next.text);
      // The rest: the other notes, the submission and the registration.
      expect(more.length).toBeGreaterThanOrEqual(12);
      expect(Math.max(...more)).toBeLessThan(Math.min(...seqs));
      const rest = eventsTable(next.text);
      expect(rest).toContain(`submitted request ${requestReference}`);
      expect(rest).toContain(`registered the filing subject ${organization.filingNumber}`);
      expect(rest).not.toContain(`OTHER-${run}`);
      // Back to the newer page.
      const newer = /<a href="([^"]+)" rel="prev">/.exec(next.text)?.[1];
      expect(seqsOn((await english.page(decodeEntities(newer!))).text)).toEqual(seqs);
    });

    it('finds a short name only in full', async () => {
      const page = await english.page(`/audit?subjectName=${encodeURIComponent(shortName)}`);
      const table = eventsTable(page.text);
      expect(table).toContain(`registered the filing subject ${person.filingNumber}`);
      expect(table).not.toContain(longer.filingNumber);
      const part = await english.page(`/audit?subjectName=${encodeURIComponent(`${shortName}伦`)}`);
      expect(eventsTable(part.text)).toContain(longer.filingNumber);
    });

    it('finds a subject’s events by its whole credential number, shown masked and never in a link', async () => {
      const number = organization.credentialNumber;
      const masked = `${number.slice(0, 3)}${'*'.repeat(11)}${number.slice(-4)}`;
      // Typed as people type it: lower case, with spaces.
      const typed = `${number.slice(0, 6)} ${number.slice(6).toLowerCase()}`;
      const answer = await english.page(`/audit?credentialNumber=${encodeURIComponent(typed)}`);
      expect(answer.status).toBe(303);
      const location = answer.headers.location as string;
      expect(location).toMatch(/^\/audit\?credential=[A-Za-z0-9_-]+$/);
      expect(location.toUpperCase()).not.toContain(number.slice(2, 12));

      const page = await english.page(location);
      expect(page.status).toBe(200);
      expect(seqsOn(page.text)).toHaveLength(50);
      expect(page.text).not.toContain(number);
      expect(page.text).not.toContain(number.slice(0, 12));
      expect(page.text).toContain(`Credential number ${masked}`);
      expect(page.text).toContain(`placeholder="${masked}"`);
      const older = olderLink(page.text)!;
      expect(older).toContain('credential=');
      expect(older).not.toContain(number.slice(0, 12));
      const rest = eventsTable((await english.page(older)).text);
      expect(rest).toContain(`submitted request ${requestReference}`);
      expect(rest).not.toContain(`OTHER-${run}`);

      // Only the whole number matches: a part of it finds nothing.
      const partial = await english.page(
        `/audit?credentialNumber=${encodeURIComponent(number.slice(0, 12))}`,
      );
      const shown = await english.page(partial.headers.location as string);
      expect(seqsOn(shown.text)).toEqual([]);
      expect(shown.text).toContain('No events match this search.');
      const zh = await chinese.page(location);
      expect(zh.text).toContain(`证件号码 ${masked}`);

      // A sealed number that no longer opens says so, and searches nothing by it.
      const broken = await english.page(
        '/audit?credential=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      );
      expect(broken.text).toContain(
        'The credential number of this search can no longer be read; type the number again.',
      );
    });

    it('finds a request’s events by its reference', async () => {
      const page = await english.page(`/audit?requestReference=${requestReference}`);
      const seqs = seqsOn(page.text);
      expect(seqs).toHaveLength(50);
      expect(eventsTable(page.text)).not.toContain('registered the filing subject');
    });

    it('finds one reviewer’s events over a few days as over a long range, keyset-paged', async () => {
      const day = (offset: number): string =>
        new Date(Date.now() + offset * 86_400_000).toLocaleDateString('en-CA', {
          timeZone: 'Asia/Shanghai',
        });
      const actor = encodeURIComponent(`eviewer ${run}`);
      // Up to 31 days the page is sorted out of that actor's rows of the range; a longer range
      // (or none) is read newest first: the two ways give the same pages.
      const short = `/audit?actor=${actor}&from=${day(-2)}&to=${day(1)}`;
      const long = `/audit?actor=${actor}&from=${day(-90)}&to=${day(1)}`;
      const first = await english.page(short);
      const seqs = seqsOn(first.text);
      expect(seqs).toHaveLength(50);
      expect(seqsOn((await english.page(long)).text)).toEqual(seqs);
      const older = await english.page(olderLink(first.text)!);
      const rest = seqsOn(older.text);
      expect(rest).toHaveLength(10);
      expect(Math.max(...rest)).toBeLessThan(Math.min(...seqs));
      expect(eventsTable(older.text)).toContain(`Reviewer ${run} added an internal note: “note 0”`);
      // One action over a few days reads the same way, and gives the same page as over months.
      const action = (from: string) => `/audit?action=request.note_added&from=${from}&to=${day(1)}`;
      const notes = seqsOn((await english.page(action(day(-2)))).text);
      expect(notes).toEqual(expect.arrayContaining(seqs.slice(0, 10)));
      expect(seqsOn((await english.page(action(day(-90)))).text)).toEqual(notes);
      // Nobody else's events, and none outside the range.
      expect(eventsTable(first.text)).not.toContain('registered the filing subject');
      expect(
        seqsOn((await english.page(`/audit?actor=${actor}&from=${day(-9)}&to=${day(-3)}`)).text),
      ).toEqual([]);
    });

    describe('each search reads through indexes', () => {
      const reader = () => t.app.get<PostgresAuditTrailReader>(AUDIT_TRAIL_READER);

      interface PlanNode {
        'Node Type': string;
        'Relation Name'?: string;
        'Index Name'?: string;
        'Index Cond'?: string;
        Plans?: PlanNode[];
      }
      const nodesOf = (plan: PlanNode): PlanNode[] => [
        plan,
        ...(plan.Plans ?? []).flatMap(nodesOf),
      ];

      /**
       * EXPLAIN of the statement the page runs. The test database is small, so the planner
       * is told that reading a whole table costs more than anything (as it does with a
       * million events): no Seq Scan, and no plain Index Scan either (on a small table
       * the planner otherwise reads a whole primary key with a filter instead of a
       * trigram index, which is only ever read through a bitmap). A table no index can
       * serve still shows a Seq Scan.
       */
      async function planOf(filters: AuditEventFilters, cursor: { before?: number } = {}) {
        const statement = reader().searchStatement({ ...filters, ...cursor, limit: 50 });
        return t.dataSource.transaction(async (manager) => {
          await manager.query('SET LOCAL enable_seqscan = off');
          await manager.query('SET LOCAL enable_indexscan = off');
          const rows: { 'QUERY PLAN': { Plan: PlanNode }[] }[] = await manager.query(
            `EXPLAIN (FORMAT JSON) ${statement.text}`,
            statement.values,
          );
          return nodesOf(rows[0]!['QUERY PLAN'][0]!.Plan);
        });
      }
      const indexesOf = (nodes: PlanNode[]) =>
        new Set(nodes.map((node) => node['Index Name']).filter(Boolean));

      it.each([
        [
          'a part of a subject name',
          () => ({ subjectName: `检索${run}科技` }),
          ['initialization_requests_subject_name_trgm_idx', 'filing_subjects_name_trgm_idx'],
        ],
        [
          'a short subject name in full',
          () => ({ subjectName: shortName }),
          ['initialization_requests_subject_name_idx', 'filing_subjects_name_idx'],
        ],
        [
          'a credential number',
          () => ({ credentialNumber: organization.credentialNumber }),
          [
            'initialization_requests_credential_number_idx',
            'filing_subjects_credential_number_idx',
          ],
        ],
        [
          'a request reference',
          () => ({ requestReference }),
          ['initialization_requests_reference_key'],
        ],
        [
          'a filing number',
          () => ({ subject: organization.filingNumber }),
          ['initialization_requests_filing_number_idx', 'filing_subjects_filing_number_key'],
        ],
      ])('by %s', async (_, filters, lookups) => {
        for (const cursor of [{}, { before: 1_000_000_000 }]) {
          const nodes = await planOf(filters(), cursor);
          expect(nodes.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
          // Nor an index read from end to end (a scan with a filter and no condition).
          expect(
            nodes.filter(
              (node) =>
                ['Index Scan', 'Index Only Scan'].includes(node['Node Type']) &&
                !node['Index Cond'],
            ),
          ).toEqual([]);
          const indexes = indexesOf(nodes);
          // On a small table the planner may reach the registry's subjects by key from the
          // requests it found instead of through their own index: bounded either way.
          const subjectsByKey = nodes.some(
            (node) => node['Index Name'] === 'filing_subjects_pkey' && node['Index Cond'],
          );
          for (const index of lookups)
            if (!(subjectsByKey && index.startsWith('filing_subjects_')))
              expect(indexes).toContain(index);
          // The events are found per request and per subject, not by walking the trail.
          expect(indexes).toContain('audit_events_request_idx');
          if (!('requestReference' in filters()))
            expect(indexes).toContain('audit_events_subject_idx');
        }
      });
    });
  });
});
