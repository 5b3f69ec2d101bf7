import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { BusinessCalendarSource } from '../../src/sla/application/business-calendar-source.js';
import { SettableClock } from '../../src/shared/infrastructure/clock/system-clock.js';
import { confirmationOf, unescapeHtml } from '../support/calendar-admin.js';
import { submitReviewable } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

/** Shanghai wall-clock time as an instant. */
const shanghai = (local: string): Date => new Date(`${local}+08:00`);

/** What an administrator types for the 2027 notice (the desk ships 2024–2026 only). */
const notice2027 = (lines: { daysOff?: string; makeUpWorkdays?: string }) => ({
  year: '2027',
  source: '国务院办公厅关于2027年部分节假日安排的通知 (test)',
  daysOff: lines.daysOff ?? '',
  makeUpWorkdays: lines.makeUpWorkdays ?? '',
});

describe('the calendar admin: what a year’s notice may change, and what saving it moves', () => {
  const clock = new SettableClock(shanghai('2026-12-21T10:00:00'));
  let t: TestApp;
  let admin: TestStaff;

  beforeAll(async () => {
    // A database of its own: the calendar and the clock are moved about.
    t = await startTestApp({ clock, ownDatabase: true });
    admin = await createStaff(t.app, 'ADMIN', 'Liu Yang');
  });
  afterAll(() => t.close());
  afterEach(async () => {
    await t.dataSource.query(`DELETE FROM business_calendar_years WHERE year = 2027`);
    t.app.get(BusinessCalendarSource).invalidate();
  });

  const stored2027 = async () =>
    t.dataSource.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM business_calendar_days WHERE year = 2027 ORDER BY day`,
    );
  const status = async (id: string) =>
    (
      await request(t.url)
        .get(`/api/v1/initialization-requests/${id}`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
    ).body as { dueAt: string; status: string; informationRequest?: { expiresAt: string } };
  const adminSession = async (language = 'en'): Promise<WebSession> => {
    const session = await signedIn(t.url, admin.email, admin.password, language);
    await session.page('/admin/calendar?year=2027');
    return session;
  };

  it('says on the form which days a 2027 notice may list, in both languages', async () => {
    const english = unescapeHtml(
      (await (await adminSession()).page('/admin/calendar?year=2027')).text,
    );
    expect(english).toContain(
      'A 2027 notice lists days of 2027, and around New Year it may also move days in the last week of December 2026 (2026-12-25 to 2026-12-31). Any other day belongs to another year’s notice and is refused.',
    );
    const chinese = (await (await adminSession('zh-CN')).page('/admin/calendar?year=2027')).text;
    expect(chinese).toContain(
      '2027 年的通知列出 2027 年的日期；元旦前后也可能调整 2026 年 12 月最后一周（2026-12-25 至 2026-12-31）的日期。',
    );
  });

  it('refuses every line outside 2027 and its last week of December 2026, naming each line and why, keeping what was typed', async () => {
    const session = await adminSession();
    const typed = notice2027({
      daysOff: [
        "2027-01-01 New Year's Day",
        '2025-12-31..2026-01-01 Two years back',
        '2026-12-20..2026-12-21 Too early in December',
        '2027-12-31..2028-01-01 Into the next year',
      ].join('\n'),
      makeUpWorkdays: '2028-01-08 Next year',
    });
    const refused = await session.submit('/admin/calendar', typed);
    expect(refused.status).toBe(422);
    const page = unescapeHtml(refused.text);
    expect(page).toContain('The arrangement was not saved. Correct these and check again:');
    for (const sentence of [
      'Days off, line 2 ("2025-12-31..2026-01-01 Two years back"): 2025-12-31 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
      'Days off, line 3 ("2026-12-20..2026-12-21 Too early in December"): 2026-12-20 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
      'Days off, line 4 ("2027-12-31..2028-01-01 Into the next year"): 2028-01-01 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
      'Make-up working days, line 1 ("2028-01-08 Next year"): 2028-01-08 is outside what the 2027 arrangement may list, 2026-12-25 to 2027-12-31 (2027 and the last week of December before it).',
    ]) {
      // In the list above the form, and beside its field.
      expect(page).toContain(`<li>${sentence}</li>`);
      expect(page).toContain(`<p class="field-error">${sentence}</p>`);
    }
    expect(page).not.toContain('line 1 ("2027-01-01');
    expect(page).toContain(`>${typed.daysOff}</textarea>`);
    expect(page).toContain(`>${typed.makeUpWorkdays}</textarea>`);
    expect(page).toContain(`value="${typed.source}"`);
    expect(page).not.toContain('class="confirm-calendar"');
    expect(await stored2027()).toEqual([]);

    // The same refusal in Chinese.
    const chinese = await (await adminSession('zh-CN')).submit('/admin/calendar', typed);
    expect(chinese.status).toBe(422);
    expect(chinese.text).toContain('安排未保存。请更正以下问题后再查看：');
    expect(chinese.text).toContain(
      '<li>法定休息日第 2 行（“2025-12-31..2026-01-01 Two years back”）：2025-12-31 超出 2027 年安排可列的范围，即 2026-12-25 至 2027-12-31（2027 年及其前一年 12 月的最后一周）。</li>',
    );
    expect(chinese.text).toContain(
      '<li>调休上班日第 1 行（“2028-01-08 Next year”）：2028-01-08 超出 2027 年安排可列的范围，即 2026-12-25 至 2027-12-31（2027 年及其前一年 12 月的最后一周）。</li>',
    );
    expect(await stored2027()).toEqual([]);
  });

  it('accepts 2026-12-31..2027-01-01 under 2027, and says before saving that it also changes 2026-12-31', async () => {
    const session = await adminSession();
    const typed = notice2027({ daysOff: '2026-12-31..2027-01-01 New Year' });
    const preview = await session.submit('/admin/calendar', typed);
    expect(preview.status).toBe(200);
    const page = unescapeHtml(preview.text);
    expect(page).toContain('Before saving the 2027 arrangement');
    expect(page).toContain(
      'This arrangement also changes 2026-12-31, in the last week of December 2026.',
    );
    expect(page).toContain(
      'Days off, line 1 ("2026-12-31..2027-01-01 New Year"), also changes 2026-12-31 of 2026.',
    );
    // The days that change, the one of 2026 marked as such.
    expect(page).toMatch(
      /<time datetime="2026-12-31">2026-12-31<\/time> <span class="muted">in 2026<\/span><\/th><td>Working day<\/td><td>Official day off \(New Year\)<\/td>/,
    );
    expect(page).toMatch(
      /<time datetime="2027-01-01">2027-01-01<\/time><\/th><td>Working day<\/td><td>Official day off \(New Year\)<\/td>/,
    );
    // Nothing is saved until the administrator confirms.
    expect(await stored2027()).toEqual([]);
    const chinese = await (await adminSession('zh-CN')).submit('/admin/calendar', typed);
    expect(chinese.status).toBe(200);
    expect(chinese.text).toContain('此安排还会改变 2026 年 12 月最后一周的 2026-12-31。');
    expect(chinese.text).toContain(
      '法定休息日第 1 行（“2026-12-31..2027-01-01 New Year”）还会改变 2026 年的 2026-12-31。',
    );

    const confirmation = confirmationOf(preview.text);
    expect(confirmation).toMatchObject({ ...typed, confirm: 'yes' });
    const saved = await session.submit('/admin/calendar', confirmation);
    expect(saved.status).toBe(303);
    expect(await stored2027()).toEqual([
      { day: '2026-12-31', kind: 'DAY_OFF' },
      { day: '2027-01-01', kind: 'DAY_OFF' },
    ]);
    expect((await session.page('/admin/calendar?year=2026')).text).toContain(
      'class="day-day-off" title="2026-12-31: New Year"',
    );
    const [audited] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'calendar.year_added' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audited.details).toMatchObject({
      year: 2027,
      daysAdded: [
        { day: '2026-12-31', kind: 'DAY_OFF', name: 'New Year' },
        { day: '2027-01-01', kind: 'DAY_OFF', name: 'New Year' },
      ],
      daysRemoved: [],
      daysChanged: [],
      yearBeforeDays: ['2026-12-31'],
      deadlinesMoved: 0,
      replyDeadlinesMoved: 0,
    });

    // Taking the day out again changes 2026 too, and says so although no line lists it.
    const removal = unescapeHtml(
      (
        await session.submit(
          '/admin/calendar',
          notice2027({ daysOff: "2027-01-01 New Year's Day\n2027-02-10..2027-02-12 Spring" }),
        )
      ).text,
    );
    expect(removal).toContain(
      'This arrangement also changes 2026-12-31, in the last week of December 2026.',
    );
    expect(removal).toMatch(
      /2026-12-31<\/time> <span class="muted">in 2026<\/span><\/th><td>Official day off \(New Year\)<\/td><td>Working day<\/td>/,
    );
    expect(removal).toMatch(
      /2027-01-01<\/time><\/th><td>Official day off \(New Year\)<\/td><td>Official day off \(New Year's Day\)<\/td>/,
    );
  });

  it('saving without the confirmation only shows the preview; a preview the calendar has moved on from is shown again', async () => {
    const session = await adminSession();
    const typed = notice2027({ daysOff: '2027-01-01 New Year' });
    // A "confirmation" that carries no preview's basis is not one.
    const unconfirmed = await session.submit('/admin/calendar', { ...typed, confirm: 'yes' });
    expect(unconfirmed.status).toBe(200);
    expect(unconfirmed.text).toContain('class="confirm-calendar"');
    expect(await stored2027()).toEqual([]);

    // Another administrator saves 2027 between this preview and its confirmation.
    const confirmation = confirmationOf(unconfirmed.text);
    const other = await adminSession();
    const otherPreview = await other.submit(
      '/admin/calendar',
      notice2027({ daysOff: '2027-01-01..2027-01-02 New Year' }),
    );
    expect((await other.submit('/admin/calendar', confirmationOf(otherPreview.text))).status).toBe(
      303,
    );
    const stale = await session.submit('/admin/calendar', confirmation);
    expect(stale.status).toBe(409);
    expect(unescapeHtml(stale.text)).toContain(
      'Someone else changed the calendar while you were checking: look at the changes again before saving.',
    );
    // The fresh preview: against the arrangement the other administrator saved.
    expect(stale.text).toMatch(
      /2027-01-02<\/time><\/th><td>Official day off \(New Year\)<\/td><td>Weekend<\/td>/,
    );
    expect(await stored2027()).toEqual([
      { day: '2027-01-01', kind: 'DAY_OFF' },
      { day: '2027-01-02', kind: 'DAY_OFF' },
    ]);
    // Confirmed from the fresh preview, it is saved.
    expect((await session.submit('/admin/calendar', confirmationOf(stale.text))).status).toBe(303);
    expect(await stored2027()).toEqual([{ day: '2027-01-01', kind: 'DAY_OFF' }]);
  });

  it('saves two confirmations of the same preview one after the other: the second is shown the changes again', async () => {
    const first = await adminSession();
    const second = await adminSession();
    const calendarEvents = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_events WHERE action IN ('calendar.year_added', 'calendar.year_changed')`,
        )
      )[0].n as number;
    const before = await calendarEvents();
    const preview = await first.submit(
      '/admin/calendar',
      notice2027({ daysOff: '2027-01-01 New Year' }),
    );
    const confirmation = confirmationOf(preview.text);
    const [a, b] = await Promise.all([
      first.submit('/admin/calendar', confirmation),
      second.submit('/admin/calendar', {
        ...confirmation,
        daysOff: '2027-01-01..2027-01-03 New Year',
      }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    expect(await calendarEvents()).toBe(before + 1);
    expect(await stored2027()).toEqual(
      a.status === 303
        ? [{ day: '2027-01-01', kind: 'DAY_OFF' }]
        : [
            { day: '2027-01-01', kind: 'DAY_OFF' },
            { day: '2027-01-02', kind: 'DAY_OFF' },
            { day: '2027-01-03', kind: 'DAY_OFF' },
          ],
    );
  });

  it('shows how many open deadlines and reply deadlines the change moves, counted as the save moves them, and the save moves exactly those', async () => {
    // Waiting for the applicant since Monday 12-21: 15 business days, 2027 counted Monday to Friday.
    clock.set(shanghai('2026-12-21T10:00:00'));
    const waiting = await submitReviewable(t, { receivedAt: shanghai('2026-12-21T10:00:00') });
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const holder = await signedIn(t.url, reviewer.email, reviewer.password);
    await holder.page('/queue');
    expect((await holder.submit(`/requests/${waiting.id}/claim`)).status).toBe(303);
    clock.set(shanghai('2026-12-21T11:00:00'));
    expect(
      (
        await holder.submit(`/requests/${waiting.id}/request-info`, {
          documents: ['ID_BACK'],
          message: 'The back of the ID is cut off.',
        })
      ).status,
    ).toBe(303);
    expect((await status(waiting.id)).informationRequest!.expiresAt).toBe(
      shanghai('2027-01-11T18:00:00').toISOString(),
    );

    // Open requests: two whose deadline falls on 12-31 or 2027-01-01, one due before.
    clock.set(shanghai('2026-12-22T10:00:00'));
    const early = await submitReviewable(t, { receivedAt: shanghai('2026-12-22T10:00:00') });
    clock.set(shanghai('2026-12-29T10:00:00'));
    const tuesday = await submitReviewable(t, { receivedAt: shanghai('2026-12-29T10:00:00') });
    clock.set(shanghai('2026-12-30T10:00:00'));
    const wednesday = await submitReviewable(t, { receivedAt: shanghai('2026-12-30T10:00:00') });
    const dueAt = async (id: string) => (await status(id)).dueAt;
    expect(await dueAt(early.id)).toBe(shanghai('2026-12-24T18:00:00').toISOString());
    expect(await dueAt(tuesday.id)).toBe(shanghai('2026-12-31T18:00:00').toISOString());
    expect(await dueAt(wednesday.id)).toBe(shanghai('2027-01-01T18:00:00').toISOString());

    clock.set(shanghai('2026-12-30T11:00:00'));
    const typed = notice2027({ daysOff: '2026-12-31..2027-01-01 New Year' });
    const session = await adminSession();
    const preview = await session.submit('/admin/calendar', typed);
    expect(preview.status).toBe(200);
    expect(preview.text).toContain('<li>Open requests whose deadline moves: 2</li>');
    expect(preview.text).toContain(
      '<li>Requests waiting for the applicant whose reply deadline moves: 1</li>',
    );
    const chinese = await (await adminSession('zh-CN')).submit('/admin/calendar', typed);
    expect(chinese.text).toContain('<li>截止时间将改变的未办结申请：2 个</li>');
    expect(chinese.text).toContain('<li>补正截止时间将改变的待补正申请：1 个</li>');
    // Counting moved nothing.
    expect(await dueAt(tuesday.id)).toBe(shanghai('2026-12-31T18:00:00').toISOString());
    expect(
      await t.dataSource.query(
        `SELECT 1 FROM audit_events WHERE action IN ('request.deadline_rescheduled', 'request.reply_deadline_rescheduled')`,
      ),
    ).toEqual([]);

    const saved = await session.submit('/admin/calendar', confirmationOf(preview.text));
    expect(saved.status).toBe(303);
    expect(unescapeHtml((await session.page('/admin/calendar?year=2027')).text)).toContain(
      'Saved the 2027 arrangement. 2 open requests got a new deadline. 1 request waiting for the applicant got a new reply deadline.',
    );
    expect(await dueAt(early.id)).toBe(shanghai('2026-12-24T18:00:00').toISOString());
    expect(await dueAt(tuesday.id)).toBe(shanghai('2027-01-04T18:00:00').toISOString());
    expect(await dueAt(wednesday.id)).toBe(shanghai('2027-01-05T18:00:00').toISOString());
    expect((await status(waiting.id)).informationRequest!.expiresAt).toBe(
      shanghai('2027-01-13T18:00:00').toISOString(),
    );
    const [audited] = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'calendar.year_added' ORDER BY seq DESC LIMIT 1`,
    );
    expect(audited).toMatchObject({
      actor_id: admin.id,
      details: {
        year: 2027,
        deadlinesMoved: 2,
        replyDeadlinesMoved: 1,
        yearBeforeDays: ['2026-12-31'],
      },
    });
    const moved = await t.dataSource.query(
      `SELECT request_id, action FROM audit_events
        WHERE action IN ('request.deadline_rescheduled', 'request.reply_deadline_rescheduled') ORDER BY request_id`,
    );
    expect(moved).toHaveLength(3);
    expect(new Set(moved.map((row: { request_id: string }) => row.request_id))).toEqual(
      new Set([tuesday.id, wednesday.id, waiting.id]),
    );
  });
});
