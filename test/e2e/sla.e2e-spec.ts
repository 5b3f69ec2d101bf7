import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import {
  BusinessCalendar,
  CHINA_OFFICIAL_ARRANGEMENTS,
  daysOfBlock,
  type YearArrangement,
} from '@lib/business-calendar';
import { DeactivateStaffMemberCommand } from '../../src/identity/application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { BusinessCalendarSource } from '../../src/sla/application/business-calendar-source.js';
import {
  CALENDAR_REPOSITORY,
  type CalendarRepository,
} from '../../src/sla/application/ports/calendar-repository.js';
import { RunSlaWatchCommand } from '../../src/sla/application/commands/run-sla-watch/run-sla-watch.command.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { saveArrangement } from '../support/calendar-admin.js';
import { registerSubject } from '../support/registry.js';
import { createStaff, startTestApp, TEST_INTAKE_TOKEN, type TestApp } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

/** Shanghai wall-clock time as an instant. */
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

/** A year's special days by kind, whatever the names and blocks they are written in. */
const specialDays = (arrangement: YearArrangement) => ({
  daysOff: arrangement.daysOff.flatMap((block) => daysOfBlock(block)).sort(),
  makeUpWorkdays: arrangement.makeUpWorkdays.map((day) => day.date).sort(),
});

/** An arrangement as the admin form's text. */
const asForm = (arrangement: YearArrangement) => ({
  year: String(arrangement.year),
  source: arrangement.source,
  daysOff: arrangement.daysOff
    .map((block) => `${block.from}..${block.to} ${block.name}`)
    .join('\n'),
  makeUpWorkdays: arrangement.makeUpWorkdays.map((day) => `${day.date} ${day.name}`).join('\n'),
});

describe('business-day deadlines and the SLA watch', () => {
  const clock = new SettableClock(shanghai('2026-11-23T10:00:00'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, ownDatabase: true });
  });
  afterAll(() => t.close());

  /** A request the public system received at `receivedAt`, reaching the desk at `arrivesAt`. */
  async function submitAt(receivedAt: Date, overrides = {}, arrivesAt = receivedAt) {
    clock.set(arrivesAt);
    const id = residentId('330106', '19880808', 100 + Math.floor(Math.random() * 800));
    const subject = await registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '赵敏',
      credentialNumber: id,
      filingNumber: filingNumber(),
    });
    const body = individualRequest({
      receivedAt: receivedAt.toISOString(),
      filingNumber: subject.filingNumber,
      subjectName: '赵敏',
      credentialNumber: id,
      applicant: { name: '赵敏', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13500135000' },
      ...overrides,
    });
    const response = await submitIntake(t.url, body, individualDocuments());
    expect(response.status).toBe(201);
    return response.body as { id: string; reference: string; dueAt: string };
  }

  const status = async (id: string) =>
    (
      await request(t.url)
        .get(`/api/v1/initialization-requests/${id}`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
    ).body;

  it('loads from the migrated database exactly the official 2024–2026 arrangements the library ships: 251, 248 and 248 business days', async () => {
    const stored = await t.app.get<CalendarRepository>(CALENDAR_REPOSITORY).loadArrangements();
    expect(stored.map((arrangement) => arrangement.year)).toEqual([2024, 2025, 2026]);
    for (const official of CHINA_OFFICIAL_ARRANGEMENTS) {
      const inDatabase = stored.find((arrangement) => arrangement.year === official.year)!;
      expect(specialDays(inDatabase)).toEqual(specialDays(official));
      // The same notice: its title and the date it was issued.
      const [, title, issued] = /^(\S+) \((\d{4}-\d{2}-\d{2})\)$/.exec(official.source)!;
      expect(inDatabase.source).toContain(title!);
      expect(inDatabase.source).toContain(issued!);
    }
    const fromDatabase = await t.app.get(BusinessCalendarSource).current();
    const fromLibrary = new BusinessCalendar(CHINA_OFFICIAL_ARRANGEMENTS);
    expect([2024, 2025, 2026].map((year) => fromDatabase.businessDaysInYear(year))).toEqual([
      251, 248, 248,
    ]);
    for (
      let day = new Date('2023-12-01');
      day < new Date('2027-01-01');
      day.setUTCDate(day.getUTCDate() + 1)
    ) {
      const iso = day.toISOString().slice(0, 10);
      expect([iso, fromDatabase.isBusinessDay(iso)]).toEqual([iso, fromLibrary.isBusinessDay(iso)]);
    }
  });

  it('gives a request received Friday 2025-09-26 19:00 the deadline of the official calendar: Tuesday 09-30 18:00', async () => {
    // After hours on Friday: the clock starts 09:00 on the next business day, Sunday 09-28 (a make-up working day).
    const created = await submitAt(shanghai('2025-09-26T19:00:00'));
    expect(new Date(created.dueAt)).toEqual(shanghai('2025-09-30T18:00:00'));
  });

  it('gives a request received on 2026-02-13 the deadline across the Spring Festival: 02-24 18:00 (during the day) or 02-25 (after hours)', async () => {
    const daytime = await submitAt(shanghai('2026-02-13T10:00:00'));
    expect(new Date(daytime.dueAt)).toEqual(shanghai('2026-02-24T18:00:00'));
    const evening = await submitAt(shanghai('2026-02-13T19:00:00'));
    expect(new Date(evening.dueAt)).toEqual(shanghai('2026-02-25T18:00:00'));
  });

  it('drives a request through at risk and breach by moving the clock, escalates, and records MISSED on the decision', async () => {
    const senior = await createStaff(t.app, 'SENIOR_REVIEWER', 'Sun Li');
    const created = await submitAt(shanghai('2026-11-23T10:00:00')); // Monday
    expect(new Date(created.dueAt)).toEqual(shanghai('2026-11-25T18:00:00'));
    const mails = async (kind: string): Promise<string[]> =>
      (
        await t.dataSource.query(
          `SELECT recipient FROM outbox_messages WHERE request_id = $1 AND kind = $2`,
          [created.id, kind],
        )
      ).map((row: { recipient: string }) => row.recipient);
    const watch = () => t.app.get(CommandBus).execute(new RunSlaWatchCommand());
    const flags = async () =>
      (
        await t.dataSource.query(
          `SELECT action FROM audit_events WHERE request_id = $1 AND action LIKE 'request.sla_%' ORDER BY seq`,
          [created.id],
        )
      ).map((row: { action: string }) => row.action);

    clock.set(shanghai('2026-11-25T13:59:00'));
    await watch();
    expect(await flags()).toEqual([]);
    expect(await status(created.id)).toMatchObject({
      slaState: 'ON_TRACK',
      businessMinutesRemaining: 241,
    });

    clock.set(shanghai('2026-11-25T14:00:00')); // four business hours left
    await watch();
    await watch();
    expect(await flags()).toEqual(['request.sla_at_risk']);
    expect(await status(created.id)).toMatchObject({
      slaState: 'AT_RISK',
      businessMinutesRemaining: 240,
    });
    // Nobody holds it, so the seniors are told (once each, however often the watch runs).
    const atRisk = await mails('sla.at_risk');
    expect(atRisk).toContain(senior.email);
    expect(new Set(atRisk).size).toBe(atRisk.length);

    clock.set(shanghai('2026-11-25T18:00:00'));
    await watch();
    await watch();
    expect(await flags()).toEqual(['request.sla_at_risk', 'request.sla_breached']);
    expect(await status(created.id)).toMatchObject({
      slaState: 'BREACHED',
      businessMinutesRemaining: 0,
    });
    const escalated = await mails('sla.breached');
    expect(escalated).toContain(senior.email);
    expect(escalated.sort()).toEqual(atRisk.sort());

    clock.set(shanghai('2026-11-26T10:00:00'));
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    await session.page('/queue');
    await session.submit(`/requests/${created.id}/claim`);
    await session.submit(`/requests/${created.id}/reject`, {
      reasons: ['DOCUMENT_UNCLEAR'],
      message: 'The photo is too dark to read.',
    });
    expect(await status(created.id)).toMatchObject({
      status: 'REJECTED',
      slaState: 'MISSED',
      businessMinutesRemaining: null,
    });
  });

  it('flags each request exactly once, however many instances run the watch at the same moment', async () => {
    await createStaff(t.app, 'SENIOR_REVIEWER');
    const requests = [];
    for (let index = 0; index < 12; index += 1)
      requests.push(await submitAt(shanghai('2026-11-23T10:00:00')));
    const instances = await Promise.all(
      [1, 2, 3].map(() => startTestApp({ clock, env: { DATABASE_URL: t.config.DATABASE_URL } })),
    );
    try {
      const everyInstanceTwice = () =>
        Promise.all(
          instances.flatMap((instance) =>
            [1, 2].map(() => instance.app.get(CommandBus).execute(new RunSlaWatchCommand())),
          ),
        );
      clock.set(shanghai('2026-11-25T15:00:00')); // at risk: three business hours left
      await everyInstanceTwice();
      clock.set(shanghai('2026-11-26T09:00:00')); // breached
      await everyInstanceTwice();
      const rows: { request_id: string; action: string; n: number }[] = await t.dataSource.query(
        `SELECT request_id, action, count(*)::int AS n FROM audit_events
         WHERE request_id = ANY($1) AND action LIKE 'request.sla_%' GROUP BY request_id, action`,
        [requests.map((created) => created.id)],
      );
      expect(rows).toHaveLength(requests.length * 2);
      expect(rows.every((row) => row.n === 1)).toBe(true);
      // One notice set per flag: nobody holds them, so each active senior once per request and kind.
      const [{ seniors }] = await t.dataSource.query(
        `SELECT count(*)::int AS seniors FROM staff_members WHERE role = 'SENIOR_REVIEWER' AND active`,
      );
      expect(seniors).toBeGreaterThan(0);
      const notices: { request_id: string; kind: string; n: number; recipients: number }[] =
        await t.dataSource.query(
          `SELECT request_id, kind, count(*)::int AS n, count(DISTINCT recipient)::int AS recipients
           FROM outbox_messages WHERE request_id = ANY($1) AND kind LIKE 'sla.%' GROUP BY request_id, kind`,
          [requests.map((created) => created.id)],
        );
      expect(notices).toHaveLength(requests.length * 2);
      expect(new Set(notices.map((row) => row.kind))).toEqual(
        new Set(['sla.at_risk', 'sla.breached']),
      );
      expect(notices.every((row) => row.n === seniors && row.recipients === seniors)).toBe(true);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
  });

  it('gives a request that arrives already past its due time one breach notice, not an at-risk notice as well', async () => {
    const senior = await createStaff(t.app, 'SENIOR_REVIEWER', 'Qian Hui');
    // Received Monday 10:00, due Wednesday 18:00; the public system hands it over on Friday.
    const created = await submitAt(
      shanghai('2026-11-23T10:00:00'),
      {},
      shanghai('2026-11-27T10:00:00'),
    );
    expect(new Date(created.dueAt)).toEqual(shanghai('2026-11-25T18:00:00'));
    await t.app.get(CommandBus).execute(new RunSlaWatchCommand());
    await t.app.get(CommandBus).execute(new RunSlaWatchCommand());

    const actions = (
      await t.dataSource.query(
        `SELECT action FROM audit_events WHERE request_id = $1 AND action LIKE 'request.sla_%' ORDER BY seq`,
        [created.id],
      )
    ).map((row: { action: string }) => row.action);
    expect(actions).toEqual(['request.sla_breached']);
    const notices: { kind: string; recipient: string }[] = await t.dataSource.query(
      `SELECT kind, recipient FROM outbox_messages WHERE request_id = $1 AND kind LIKE 'sla.%'`,
      [created.id],
    );
    expect(notices.map((notice) => notice.kind)).not.toContain('sla.at_risk');
    expect(notices.filter((notice) => notice.recipient === senior.email)).toEqual([
      { kind: 'sla.breached', recipient: senior.email },
    ]);
    expect(await status(created.id)).toMatchObject({ slaState: 'BREACHED' });
  });

  it('tells the reviewer holding a request when it is at risk, and escalates its breach to the holder and every active senior', async () => {
    const created = await submitAt(shanghai('2026-11-23T10:00:00')); // Monday, due Wednesday 18:00
    const holder = await createStaff(t.app, 'REVIEWER');
    const senior = await createStaff(t.app, 'SENIOR_REVIEWER');
    const retired = await createStaff(t.app, 'SENIOR_REVIEWER');
    await t.app
      .get(CommandBus)
      .execute(new DeactivateStaffMemberCommand(systemActor('test'), retired.id));
    const session = await signedIn(t.url, holder.email, holder.password);
    await session.page('/queue');
    await session.submit(`/requests/${created.id}/claim`);
    const mails = async (kind: string): Promise<string[]> =>
      (
        await t.dataSource.query(
          `SELECT recipient FROM outbox_messages WHERE request_id = $1 AND kind = $2`,
          [created.id, kind],
        )
      )
        .map((row: { recipient: string }) => row.recipient)
        .sort();
    const watch = () => t.app.get(CommandBus).execute(new RunSlaWatchCommand());

    clock.set(shanghai('2026-11-25T14:00:00'));
    await watch();
    await watch();
    expect(await mails('sla.at_risk')).toEqual([holder.email]);
    expect(await mails('sla.breached')).toEqual([]);

    clock.set(shanghai('2026-11-25T18:00:00'));
    await watch();
    await watch();
    const activeSeniors: string[] = (
      await t.dataSource.query(
        `SELECT email FROM staff_members WHERE role = 'SENIOR_REVIEWER' AND active`,
      )
    ).map((row: { email: string }) => row.email);
    expect(activeSeniors).toContain(senior.email);
    expect(activeSeniors).not.toContain(retired.email);
    expect(await mails('sla.breached')).toEqual([holder.email, ...activeSeniors].sort());
    expect(await mails('sla.at_risk')).toEqual([holder.email]);
  });

  it('pauses the clock while waiting for the applicant, gives a resubmission a new deadline, and expires an unanswered request after 15 business days', async () => {
    const created = await submitAt(shanghai('2026-11-23T10:00:00'));
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    await session.page('/queue');
    await session.submit(`/requests/${created.id}/claim`);
    clock.set(shanghai('2026-11-23T11:00:00'));
    await session.submit(`/requests/${created.id}/request-info`, {
      documents: ['ID_BACK'],
      message: 'The back of the ID is cut off.',
    });
    const waiting = await status(created.id);
    expect(waiting).toMatchObject({ status: 'AWAITING_APPLICANT', slaState: 'PAUSED' });
    // 15 business days after Monday 11-23: Monday 12-14, 18:00.
    expect(new Date(waiting.informationRequest.expiresAt)).toEqual(shanghai('2026-12-14T18:00:00'));

    clock.set(shanghai('2026-12-14T17:59:00'));
    await t.app.get(CommandBus).execute(new RunSlaWatchCommand());
    expect((await status(created.id)).status).toBe('AWAITING_APPLICANT');

    clock.set(shanghai('2026-12-14T18:00:00'));
    await t.app.get(CommandBus).execute(new RunSlaWatchCommand());
    expect((await status(created.id)).status).toBe('EXPIRED');
    const [event] = await t.dataSource.query(
      `SELECT actor_name FROM audit_events WHERE request_id = $1 AND action = 'request.expired'`,
      [created.id],
    );
    expect(event.actor_name).toBe('sla-watch');
    const [{ new_account_email: applicantEmail }] = await t.dataSource.query(
      `SELECT new_account_email FROM initialization_requests WHERE id = $1`,
      [created.id],
    );
    expect(
      await t.dataSource.query(
        `SELECT recipient FROM outbox_messages WHERE request_id = $1 AND kind = 'request.expired'`,
        [created.id],
      ),
    ).toEqual([{ recipient: applicantEmail }]);

    const answered = await submitAt(shanghai('2026-11-23T10:00:00'));
    await session.submit(`/requests/${answered.id}/claim`);
    await session.submit(`/requests/${answered.id}/request-info`, {
      documents: ['ID_BACK'],
      message: 'Blurred.',
    });
    clock.set(shanghai('2026-11-27T16:00:00')); // Friday
    const resubmitted = await request(t.url)
      .post(`/api/v1/initialization-requests/${answered.id}/resubmissions`)
      .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
      .attach('ID_BACK', individualDocuments(991)[1]!.content, 'back.jpg');
    expect(resubmitted.status).toBe(200);
    expect(resubmitted.body).toEqual({
      id: answered.id,
      status: 'IN_REVIEW',
      dueAt: shanghai('2026-12-01T18:00:00').toISOString(),
    });
  });

  describe('the calendar admin page', () => {
    it('warns every signed-in user while next year has no arrangement, and an admin adds it, moving open deadlines', async () => {
      clock.set(shanghai('2026-12-31T10:00:00'));
      const admin = await createStaff(t.app, 'ADMIN', 'Liu Yang');
      const reviewer = await createStaff(t.app, 'REVIEWER');
      const reviewerSession = await signedIn(t.url, reviewer.email, reviewer.password);
      expect((await reviewerSession.page('/queue')).text).toContain(
        'No official working calendar is loaded for 2027',
      );

      // Received on New Year's Eve: on the Monday-to-Friday fallback, Friday 2027-01-01 counts.
      const created = await submitAt(shanghai('2026-12-31T10:00:00'));
      expect(new Date(created.dueAt)).toEqual(shanghai('2027-01-04T18:00:00'));

      const session = await signedIn(t.url, admin.email, admin.password);
      const page = await session.page('/admin/calendar?year=2027');
      expect(page.status).toBe(200);
      expect(page.text).toContain('No official arrangement is loaded for 2027');

      const refused = await session.submit('/admin/calendar', {
        year: '2027',
        source: 'test notice',
        daysOff: '2027-01-01..2027-01-01 New Year',
        makeUpWorkdays: '2027-01-05 Not a weekend',
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain(
        'make-up workday 2027-01-05 (Not a weekend) is not a Saturday or Sunday',
      );
      expect(
        await t.dataSource.query(`SELECT 1 FROM business_calendar_years WHERE year = 2027`),
      ).toHaveLength(0);

      const saved = await saveArrangement(session, {
        year: '2027',
        source: '国务院办公厅关于2027年部分节假日安排的通知 (test)',
        daysOff: "2027-01-01..2027-01-01 New Year's Day",
        makeUpWorkdays: '',
      });
      expect(saved.status).toBe(303);
      const after = await session.page('/admin/calendar?year=2027');
      expect(after.text).toContain('Saved the 2027 arrangement.');
      expect(after.text).toMatch(/class="day-day-off" title="2027-01-01: New Year(&#x27;|')s Day"/);
      expect(new Date((await status(created.id)).dueAt)).toEqual(shanghai('2027-01-05T18:00:00'));
      const [audited] = await t.dataSource.query(
        `SELECT actor_id, details FROM audit_events WHERE action = 'calendar.year_added' ORDER BY seq DESC LIMIT 1`,
      );
      expect(audited).toMatchObject({ actor_id: admin.id, details: { year: 2027 } });
      expect((await reviewerSession.page('/queue')).text).not.toContain(
        'No official working calendar is loaded for 2027',
      );
      await t.dataSource.query(`DELETE FROM business_calendar_years WHERE year = 2027`);
      t.app.get(BusinessCalendarSource).invalidate();
    });

    it('speaks Chinese to a Chinese browser: month and weekday names, the legend, the banner and a refused form', async () => {
      clock.set(shanghai('2026-12-31T10:00:00'));
      const admin = await createStaff(t.app, 'ADMIN', '陈静');
      const session = await signedIn(t.url, admin.email, admin.password, 'zh-CN');
      const page = await session.page('/admin/calendar?year=2027');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="zh-CN">');
      expect(page.text).toContain('<h1>2027 年工作日历</h1>');
      expect(page.text).toContain('尚未载入 2027 年的官方工作日历');
      expect(page.text).toContain('尚未载入 2027 年的官方安排');
      expect(page.text).toContain('<caption>一月</caption>');
      expect(page.text).toContain('<caption>十二月</caption>');
      expect(page.text).toContain('<th scope="col" abbr="星期一">周一</th>');
      expect(page.text).toContain('<th scope="col" abbr="星期日">周日</th>');
      expect(page.text).toContain('title="2027-01-04：工作日"');
      expect(page.text).toContain('title="2027-01-02：周末"');
      for (const legend of ['工作日', '周末', '法定休息日', '调休上班日'])
        expect(page.text).toContain(`</span> ${legend}</li>`);
      for (const english of ['January', 'Working day', 'Weekend', 'Mon<', 'Business calendar'])
        expect(page.text).not.toContain(english);

      const refused = await session.submit('/admin/calendar', {
        year: '2027',
        source: ' ',
        daysOff: '2027-01-01 元旦\nsoon',
        makeUpWorkdays: '',
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain('安排未保存。请更正以下问题后再查看：');
      expect(refused.text).toContain('<li>请填写该安排所依据的国务院办公厅通知。</li>');
      expect(refused.text).toContain(
        '<li>法定休息日第 2 行（“soon”）不符合“YYYY-MM-DD..YYYY-MM-DD 名称”的格式。</li>',
      );
      expect(
        await t.dataSource.query(`SELECT 1 FROM business_calendar_years WHERE year = 2027`),
      ).toHaveLength(0);
    });

    it('saves a 2027 arrangement that moves days of December 2026, and they take effect at once', async () => {
      const admin = await createStaff(t.app, 'ADMIN');
      // Before: December 2026 as the 2026 notice left it, 2027 Monday to Friday.
      const friday = await submitAt(shanghai('2026-12-25T19:00:00'));
      expect(new Date(friday.dueAt)).toEqual(shanghai('2026-12-30T18:00:00'));
      const wednesday = await submitAt(shanghai('2026-12-30T10:00:00'));
      expect(new Date(wednesday.dueAt)).toEqual(shanghai('2027-01-01T18:00:00'));

      clock.set(shanghai('2026-12-30T11:00:00'));
      const session = await signedIn(t.url, admin.email, admin.password);
      await session.page('/admin/calendar?year=2027');
      const saved = await saveArrangement(session, {
        year: '2027',
        source: '国务院办公厅关于2027年部分节假日安排的通知 (test)',
        daysOff: '2026-12-31..2027-01-01 New Year',
        makeUpWorkdays: '2026-12-26 New Year',
      });
      expect(saved.status).toBe(303);
      expect((await session.page('/admin/calendar?year=2027')).text).toContain(
        'Saved the 2027 arrangement.',
      );
      expect(
        await t.dataSource.query(
          `SELECT to_char(day, 'YYYY-MM-DD') AS day, year, kind FROM business_calendar_days WHERE day < '2027-01-01' AND year = 2027 ORDER BY day`,
        ),
      ).toEqual([
        { day: '2026-12-26', year: 2027, kind: 'MAKE_UP_WORKDAY' },
        { day: '2026-12-31', year: 2027, kind: 'DAY_OFF' },
      ]);

      const calendar = await t.app.get(BusinessCalendarSource).current();
      expect(calendar.isBusinessDay('2026-12-26')).toBe(true); // a Saturday
      expect(calendar.isBusinessDay('2026-12-31')).toBe(false); // a Thursday
      expect(calendar.nextBusinessDay('2026-12-30')).toBe('2027-01-04');
      // Saturday 12-26 is day 0 of the Friday-evening receipt; Thursday 12-31 no longer counts.
      expect(new Date((await status(friday.id)).dueAt)).toEqual(shanghai('2026-12-29T18:00:00'));
      expect(new Date((await status(wednesday.id)).dueAt)).toEqual(shanghai('2027-01-05T18:00:00'));
      const fresh = await submitAt(shanghai('2026-12-30T12:00:00'));
      expect(new Date(fresh.dueAt)).toEqual(shanghai('2027-01-05T18:00:00'));

      // The 2026 grid marks the days the 2027 notice moved; the 2027 form lists them.
      const year2026 = (await session.page('/admin/calendar?year=2026')).text;
      expect(year2026).toContain('class="day-day-off" title="2026-12-31: New Year"');
      expect(year2026).toContain(
        'class="day-make-up" title="2026-12-26: Make-up working day (New Year)"',
      );
      const year2027 = (await session.page('/admin/calendar?year=2027')).text;
      expect(year2027).toContain('2026-12-31..2027-01-01 New Year');
      expect(year2027).toContain('2026-12-26 New Year');

      // A December day belongs to one notice: the 2026 arrangement cannot list it too.
      const stored2026 = (
        await t.app.get<CalendarRepository>(CALENDAR_REPOSITORY).loadArrangements()
      ).find((arrangement) => arrangement.year === 2026)!;
      const form2026 = asForm(stored2026);
      const refused = await session.submit('/admin/calendar', {
        ...form2026,
        daysOff: `${form2026.daysOff}\n2026-12-31..2026-12-31 New Year's Eve`,
      });
      expect(refused.status).toBe(422);
      expect(refused.text).toContain(
        '2026: 2026-12-31 is also listed in the 2027 arrangement; list each day in one arrangement only.',
      );

      await t.dataSource.query(`DELETE FROM business_calendar_years WHERE year = 2027`);
      t.app.get(BusinessCalendarSource).invalidate();
    });

    it('changes a stored year: audited with the previous arrangement, and the deadlines of open requests move', async () => {
      const admin = await createStaff(t.app, 'ADMIN', 'Chen Jing');
      const repository = t.app.get<CalendarRepository>(CALENDAR_REPOSITORY);
      const official2026 = (await repository.loadArrangements()).find(
        (arrangement) => arrangement.year === 2026,
      )!;
      const created = await submitAt(shanghai('2026-12-22T10:00:00')); // Tuesday
      expect(new Date(created.dueAt)).toEqual(shanghai('2026-12-24T18:00:00'));

      clock.set(shanghai('2026-12-22T11:00:00'));
      const session = await signedIn(t.url, admin.email, admin.password);
      await session.page('/admin/calendar?year=2026');
      const form = asForm(official2026);
      const saved = await saveArrangement(session, {
        ...form,
        daysOff: `${form.daysOff}\n2026-12-24..2026-12-24 Extra day off`,
      });
      expect(saved.status).toBe(303);
      expect((await session.page('/admin/calendar?year=2026')).text).toContain(
        'Saved the 2026 arrangement.',
      );
      expect(new Date((await status(created.id)).dueAt)).toEqual(shanghai('2026-12-25T18:00:00'));
      const [changed] = await t.dataSource.query(
        `SELECT actor_id, details FROM audit_events WHERE action = 'calendar.year_changed' ORDER BY seq DESC LIMIT 1`,
      );
      expect(changed.actor_id).toBe(admin.id);
      expect(changed.details).toMatchObject({
        year: 2026,
        daysOff: [
          ...official2026.daysOff,
          { from: '2026-12-24', to: '2026-12-24', name: 'Extra day off' },
        ],
        previous: {
          source: official2026.source,
          daysOff: official2026.daysOff,
          makeUpWorkdays: official2026.makeUpWorkdays,
        },
      });
      const moved = await t.dataSource.query(
        `SELECT actor_name, details FROM audit_events WHERE request_id = $1 AND action = 'request.deadline_rescheduled'`,
        [created.id],
      );
      expect(moved).toEqual([
        {
          actor_name: 'calendar',
          details: expect.objectContaining({
            previousDueAt: shanghai('2026-12-24T18:00:00').toISOString(),
            dueAt: shanghai('2026-12-25T18:00:00').toISOString(),
          }),
        },
      ]);

      // Put the official 2026 back: the deadline moves back too.
      await saveArrangement(session, form);
      expect(new Date((await status(created.id)).dueAt)).toEqual(shanghai('2026-12-24T18:00:00'));
      const stored = (await repository.loadArrangements()).find(
        (arrangement) => arrangement.year === 2026,
      )!;
      expect(stored).toEqual(official2026);
    });

    it('moves the reply deadline of a request waiting for the applicant when a year changes', async () => {
      const admin = await createStaff(t.app, 'ADMIN', 'Chen Jing');
      const repository = t.app.get<CalendarRepository>(CALENDAR_REPOSITORY);
      const official2026 = (await repository.loadArrangements()).find(
        (arrangement) => arrangement.year === 2026,
      )!;
      clock.set(shanghai('2026-11-24T10:00:00'));
      const created = await submitAt(shanghai('2026-11-24T10:00:00')); // Tuesday
      const reviewer = await createStaff(t.app, 'REVIEWER');
      const holder = await signedIn(t.url, reviewer.email, reviewer.password);
      await holder.page('/queue');
      await holder.submit(`/requests/${created.id}/claim`);
      clock.set(shanghai('2026-11-24T11:00:00'));
      await holder.submit(`/requests/${created.id}/request-info`, {
        documents: ['ID_BACK'],
        message: 'The back of the ID is cut off.',
      });
      const expiresAt = async () =>
        new Date((await status(created.id)).informationRequest.expiresAt);
      // 15 business days after Tuesday 11-24.
      expect(await expiresAt()).toEqual(shanghai('2026-12-15T18:00:00'));

      clock.set(shanghai('2026-11-25T09:30:00'));
      const session = await signedIn(t.url, admin.email, admin.password);
      await session.page('/admin/calendar?year=2026');
      const form = asForm(official2026);
      await saveArrangement(session, {
        ...form,
        daysOff: `${form.daysOff}\n2026-12-03..2026-12-03 Extra day off`,
      });
      expect(await expiresAt()).toEqual(shanghai('2026-12-16T18:00:00'));
      expect((await status(created.id)).status).toBe('AWAITING_APPLICANT');
      const moved = await t.dataSource.query(
        `SELECT actor_name, details FROM audit_events
          WHERE request_id = $1 AND action = 'request.reply_deadline_rescheduled'`,
        [created.id],
      );
      expect(moved).toEqual([
        {
          actor_name: 'calendar',
          details: expect.objectContaining({
            previousExpiresAt: shanghai('2026-12-15T18:00:00').toISOString(),
            expiresAt: shanghai('2026-12-16T18:00:00').toISOString(),
          }),
        },
      ]);

      // The official 2026 again: the reply deadline moves back.
      await saveArrangement(session, form);
      expect(await expiresAt()).toEqual(shanghai('2026-12-15T18:00:00'));
    });

    it('is for administrators only', async () => {
      const reviewer = await createStaff(t.app, 'REVIEWER');
      const session = await signedIn(t.url, reviewer.email, reviewer.password);
      expect((await session.page('/admin/calendar')).status).toBe(403);
    });
  });
});
