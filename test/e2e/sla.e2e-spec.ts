import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { RunSlaWatchCommand } from '../../src/sla/application/commands/run-sla-watch/run-sla-watch.command.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { registerSubject } from '../support/registry.js';
import { createStaff, startTestApp, TEST_INTAKE_TOKEN, type TestApp } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

/** Shanghai wall-clock time as an instant. */
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

describe('business-day deadlines and the SLA watch', () => {
  const clock = new SettableClock(shanghai('2026-11-23T10:00:00'));
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ clock, ownDatabase: true });
  });
  afterAll(() => t.close());

  async function submitAt(receivedAt: Date, overrides = {}) {
    clock.set(receivedAt);
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
    const requests = [];
    for (let index = 0; index < 12; index += 1)
      requests.push(await submitAt(shanghai('2026-11-23T10:00:00')));
    const instances = await Promise.all(
      [1, 2, 3].map(() => startTestApp({ clock, env: { DATABASE_URL: t.config.DATABASE_URL } })),
    );
    try {
      clock.set(shanghai('2026-11-26T09:00:00')); // a missed run: both lines crossed since
      await Promise.all(
        instances.flatMap((instance) =>
          [1, 2].map(() => instance.app.get(CommandBus).execute(new RunSlaWatchCommand())),
        ),
      );
      const rows: { request_id: string; action: string; n: number }[] = await t.dataSource.query(
        `SELECT request_id, action, count(*)::int AS n FROM audit_events
         WHERE request_id = ANY($1) AND action LIKE 'request.sla_%' GROUP BY request_id, action`,
        [requests.map((created) => created.id)],
      );
      expect(rows).toHaveLength(requests.length * 2);
      expect(rows.every((row) => row.n === 1)).toBe(true);
    } finally {
      await Promise.all(instances.map((instance) => instance.close()));
    }
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

      await session.submit('/admin/calendar', {
        year: '2027',
        source: 'test notice',
        daysOff: '2027-01-01..2027-01-01 New Year',
        makeUpWorkdays: '2027-01-05 Not a weekend',
      });
      expect((await session.page('/admin/calendar?year=2027')).text).toContain(
        'make-up workday 2027-01-05 (Not a weekend) is not a Saturday or Sunday',
      );
      expect(
        await t.dataSource.query(`SELECT 1 FROM business_calendar_years WHERE year = 2027`),
      ).toHaveLength(0);

      const saved = await session.submit('/admin/calendar', {
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
    });

    it('is for administrators only', async () => {
      const reviewer = await createStaff(t.app, 'REVIEWER');
      const session = await signedIn(t.url, reviewer.email, reviewer.password);
      expect((await session.page('/admin/calendar')).status).toBe(403);
    });
  });
});
