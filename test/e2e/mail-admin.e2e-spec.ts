import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { AbandonStuckMessagesCommand } from '../../src/notifications/application/commands/abandon-stuck-messages/abandon-stuck-messages.command.js';
import { ResendMessageCommand } from '../../src/notifications/application/commands/resend-message/resend-message.command.js';
import { DeliverMessageCommand } from '../../src/notifications/application/commands/deliver-message/deliver-message.command.js';
import {
  ListOutboxMessagesQuery,
  type OutboxPage,
} from '../../src/notifications/application/queries/list-outbox-messages/list-outbox-messages.query.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../src/shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../src/shared/application/unit-of-work.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { InvalidConfigurationError } from '../../src/shared/infrastructure/config/app-config.js';
import { submitReviewable } from '../support/review.js';
import { testServices } from '../support/services.js';
import { asSuperuser } from '../support/database.js';
import { createStaff, startTestApp, type TestApp } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const PUBLIC_BASE_URL = 'https://desk.beian-desk.test';

interface OutboxRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  body_text: string;
  status: string;
  attempts: number;
  last_error: string | null;
  resend_of_id: string | null;
}

const address = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@applicant.test`;

/** Retries the check until it passes or the time is up. */
async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

const decode = (html: string): string =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&#x3D;/g, '=')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Follows a 303 as the browser would, and returns the page with its flash messages. */
async function landing(session: WebSession, response: { status: number; headers: object }) {
  expect(response.status).toBe(303);
  const location = (response.headers as Record<string, string>).location!;
  const page = await session.page(location);
  const flashes = [
    ...String(page.text).matchAll(/<p class="flash flash-(\w+)"[^>]*>([^<]*)<\/p>/g),
  ].map((match) => ({ kind: match[1]!, text: decode(match[2]!) }));
  return { location, page, text: String(page.text), flashes };
}

/** Every link-like thing in a mail's text: absolute addresses, and bare paths no program can open. */
function linksIn(text: string): { absolute: string[]; bare: string[] } {
  return {
    absolute: [...text.matchAll(/https?:\/\/[^\s)）]+/g)].map((match) => match[0]),
    bare: [...text.matchAll(/(?:^|[\s:：(（])(\/[A-Za-z][^\s)）]*)/gm)].map((match) => match[1]!),
  };
}

describe('mails and the admin mail page', () => {
  let t: TestApp;
  const rows = (where: string, params: unknown[]): Promise<OutboxRow[]> =>
    t.dataSource.query(
      `SELECT * FROM outbox_messages WHERE ${where} ORDER BY created_at, id`,
      params,
    );
  const sinkCopies = async (outboxId: string): Promise<{ body_text: string }[]> =>
    t.dataSource.query(`SELECT body_text FROM mail_sink WHERE outbox_id = $1`, [outboxId]);
  const delivered = (recipient: string) =>
    eventually(async () => {
      const [row, ...more] = await rows('recipient = $1', [recipient]);
      expect(more).toEqual([]);
      expect(row?.status).toBe('SENT');
      const copies = await sinkCopies(row!.id);
      expect(copies).toHaveLength(1);
      return { row: row!, text: copies[0]!.body_text };
    });

  /** A message the sweep abandoned: its worker stopped while sending (a `kill -9`). */
  async function abandonedMessage(
    to: string,
    kind = 'request.approved.previous_address',
    subject = 'EI-2026-000777 您的备案账号邮箱已被替换 / Your ICP Filing account email was replaced',
  ): Promise<string> {
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
         created_at, next_attempt_at, attempt_started_at)
       VALUES ($1, $2, $3, $4, 'Your ICP Filing account email was replaced.', 'SENDING', 1,
         now(), now(), now() - interval '11 minutes')`,
      [id, kind, to, subject],
    );
    expect(await t.app.get(CommandBus).execute(new AbandonStuckMessagesCommand())).toContain(id);
    return id;
  }

  beforeAll(async () => {
    t = await startTestApp({
      ownDatabase: true,
      env: {
        PUBLIC_BASE_URL: `${PUBLIC_BASE_URL}/`,
        // No SMTP_URL: the demo mailbox. Its own Redis database, so no other test app's
        // workers take these jobs.
        REDIS_URL: `${testServices().redisUrl}/11`,
        MAIL_RETRY_DELAY_MS: '200',
      },
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('takes PUBLIC_BASE_URL without its trailing slash', () => {
    expect(t.config.PUBLIC_BASE_URL).toBe(PUBLIC_BASE_URL);
  });

  it('links an at-risk notice to its request with an absolute address that opens the request', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
    await t.dataSource.query(`UPDATE staff_members SET locale = 'en' WHERE id = $1`, [reviewer.id]);
    const held = await submitReviewable(t);
    const desk = await signedIn(t.url, reviewer.email, reviewer.password);
    await desk.page('/queue');
    expect((await desk.submit(`/requests/${held.id}/claim`)).status).toBe(303);

    await t.app.get<UnitOfWork>(UNIT_OF_WORK).run(() =>
      t.app.get<DomainEventRecorder>(DOMAIN_EVENT_RECORDER).record(
        [
          {
            type: 'request.sla_at_risk',
            occurredAt: new Date(),
            requestId: held.id,
            subjectId: null,
            details: {
              reference: held.reference,
              dueAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
              assigneeId: reviewer.id,
              assigneeName: reviewer.name,
            },
          },
        ],
        { actor: systemActor('mail-admin test'), ip: null },
      ),
    );
    const { text } = await delivered(reviewer.email);
    const link = `${PUBLIC_BASE_URL}/requests/${held.id}`;
    expect(text).toContain(`Open it: ${link}`);
    expect(linksIn(text)).toEqual({ absolute: [link], bare: [] });

    // The address is the desk's: its path opens the request for the reviewer holding it.
    const opened = await desk.page(new URL(link).pathname);
    expect(opened.status).toBe(200);
    expect(opened.text).toContain(held.reference);
  });

  it('writes applicant mails without a bare path a mail program could not open', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const held = await submitReviewable(t);
    const desk = await signedIn(t.url, reviewer.email, reviewer.password);
    await desk.page('/queue');
    expect((await desk.submit(`/requests/${held.id}/claim`)).status).toBe(303);
    const rejected = await desk.submit(`/requests/${held.id}/reject`, {
      reasons: ['DOCUMENT_UNCLEAR'],
      message: 'The photo of the ID card is blurred.',
    });
    expect(rejected.status).toBe(303);
    const { row, text } = await delivered(held.newAccountEmail);
    expect(row.kind).toBe('request.rejected');
    expect(text).toContain('The photo of the ID card is blurred.');
    const links = linksIn(text);
    expect(links.bare).toEqual([]);
    for (const link of links.absolute) expect(link).toMatch(/^https?:\/\/[^/]+/);
  });

  it('filters the mail page by status, and keeps the filter from page to page', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    // 52 abandoned messages (more than a page) among sent ones.
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
         created_at, next_attempt_at, sent_at)
       SELECT gen_random_uuid(), 'test.filter', 'filter-' || n || '@applicant.test',
              'filter ' || n, 't', CASE WHEN n % 3 = 0 THEN 'SENT' ELSE 'ABANDONED' END, 1,
              now() - make_interval(secs => n), now(), NULL
         FROM generate_series(1, 78) AS n`,
    );
    const session = await signedIn(t.url, admin.email, admin.password);

    const first = await session.page('/admin/mail?status=ABANDONED');
    expect(first.status).toBe(200);
    expect(first.text).toContain('<option value="ABANDONED" selected>Abandoned</option>');
    const badges = [...first.text.matchAll(/<span class="badge badge-\w+">([^<]+)<\/span>/g)].map(
      (match) => match[1],
    );
    expect(badges).toHaveLength(50);
    expect(new Set(badges)).toEqual(new Set(['Abandoned']));
    const older = /<a href="([^"]+)">Older<\/a>/.exec(first.text)?.[1];
    expect(decode(older!)).toMatch(/^\/admin\/mail\?status=ABANDONED&before=/);

    const second = await session.page(decode(older!));
    const secondBadges = [
      ...second.text.matchAll(/<span class="badge badge-\w+">([^<]+)<\/span>/g),
    ];
    expect(secondBadges.length).toBeGreaterThanOrEqual(2);
    expect(new Set(secondBadges.map((match) => match[1]))).toEqual(new Set(['Abandoned']));
    expect(decode(second.text)).toContain('<a href="/admin/mail?status=ABANDONED">Newest</a>');

    // Keyset pages: every abandoned message once, newest first, none of another status.
    const queries = t.app.get(QueryBus);
    const seen: { id: string; createdAt: Date }[] = [];
    let cursor: string | null = null;
    do {
      const page: OutboxPage = await queries.execute(
        new ListOutboxMessagesQuery(cursor, 20, 'ABANDONED'),
      );
      expect(page.messages.every((message) => message.statusLabel.key.endsWith('ABANDONED'))).toBe(
        true,
      );
      seen.push(...page.messages);
      cursor = page.olderCursor;
    } while (cursor);
    const [{ n: abandonedCount }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE status = 'ABANDONED'`,
    );
    expect(seen).toHaveLength(abandonedCount);
    expect(new Set(seen.map((message) => message.id)).size).toBe(abandonedCount);
    const times = seen.map((message) => message.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const sent = await session.page('/admin/mail?status=SENT');
    expect(sent.text).toContain('filter 3');
    expect(sent.text).not.toContain('<span class="badge badge-bad">Abandoned</span>');
    const failed = await session.page('/admin/mail?status=FAILED');
    expect(failed.text).toContain('No mail has this status.');
    // An unknown status is no filter at all.
    const any = await session.page('/admin/mail?status=LOST');
    expect(any.status).toBe(200);
    expect(any.text).toContain('<option value="">Any status</option>');
    expect(any.text).not.toContain(' selected>');
  });

  it('resends an abandoned mail once, after the admin confirms it may arrive twice, as a new audited message', async () => {
    const admin = await createStaff(t.app, 'ADMIN', 'Liu Yang');
    const to = address('old-account');
    const oldId = await abandonedMessage(to);
    const session = await signedIn(t.url, admin.email, admin.password);

    const page = await session.page(`/admin/mail/${oldId}`);
    expect(page.text).toContain('<span class="badge badge-bad">Abandoned</span>');
    expect(page.text).toContain('Delivery unknown');
    expect(page.text).toContain(`<a class="button" href="/admin/mail/${oldId}/resend">Resend…</a>`);

    // The confirmation step says the recipient may get it twice.
    const confirm = await session.page(`/admin/mail/${oldId}/resend`);
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Resend this mail?');
    expect(confirm.text).toContain('the recipient may get it twice');
    expect(confirm.text).toContain(to);
    // A post that skipped the confirmation only leads to it.
    const unconfirmed = await session.submit(`/admin/mail/${oldId}/resend`);
    expect(unconfirmed.status).toBe(303);
    expect(unconfirmed.headers.location).toBe(`/admin/mail/${oldId}/resend`);
    expect(await rows('resend_of_id = $1', [oldId])).toEqual([]);

    const resent = await landing(
      session,
      await session.submit(`/admin/mail/${oldId}/resend`, { confirmed: 'yes' }),
    );
    const [resend, ...others] = await rows('resend_of_id = $1', [oldId]);
    expect(others).toEqual([]);
    expect(resent.location).toBe(`/admin/mail/${resend!.id}`);
    expect(resent.flashes).toEqual([
      { kind: 'success', text: 'Resent as a new message; it is delivered like any other.' },
    ]);
    expect(resend).toMatchObject({
      kind: 'request.approved.previous_address',
      recipient: to,
      subject:
        'EI-2026-000777 您的备案账号邮箱已被替换 / Your ICP Filing account email was replaced',
    });
    expect(resent.text).toContain('<dt>Resends</dt>');
    expect(resent.text).toContain(`<a href="/admin/mail/${oldId}">the abandoned message</a>`);

    // Delivered like any other: exactly one copy, of the new message, in the demo mailbox.
    await eventually(async () => {
      const [row] = await rows('id = $1', [resend!.id]);
      expect(row!.status).toBe('SENT');
      expect(await sinkCopies(resend!.id)).toHaveLength(1);
    });
    expect(await sinkCopies(oldId)).toEqual([]);

    // The old message stays abandoned, and says where it went.
    const old = await session.page(`/admin/mail/${oldId}`);
    expect(old.text).toContain('<span class="badge badge-bad">Abandoned</span>');
    expect(old.text).toContain(`<a href="/admin/mail/${resend!.id}">the new message</a>`);
    expect(old.text).not.toContain('Resend…');
    const list = await session.page('/admin/mail?status=ABANDONED');
    expect(list.text).toContain(`<a class="muted" href="/admin/mail/${resend!.id}">resent</a>`);

    const audited: { actor_id: string; action: string; details: Record<string, unknown> }[] =
      await t.dataSource.query(
        `SELECT actor_id, action, details FROM audit_events WHERE action = 'mail.resent'
           AND details->>'messageId' = $1`,
        [oldId],
      );
    expect(audited).toEqual([
      {
        actor_id: admin.id,
        action: 'mail.resent',
        details: expect.objectContaining({ messageId: oldId, resendId: resend!.id, to }),
      },
    ]);

    // A second resend is refused, in words, and writes nothing.
    const again = await landing(
      session,
      await session.submit(`/admin/mail/${oldId}/resend`, { confirmed: 'yes' }),
    );
    expect(again.location).toBe(`/admin/mail/${oldId}`);
    expect(again.flashes).toEqual([
      {
        kind: 'error',
        text: 'This mail was already resent as a new message; follow that one instead.',
      },
    ]);
    const confirmAgain = await landing(
      session,
      await session.agent.get(`/admin/mail/${oldId}/resend`),
    );
    expect(confirmAgain.location).toBe(`/admin/mail/${oldId}`);
    expect(await rows('resend_of_id = $1', [oldId])).toHaveLength(1);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'mail.resent' AND details->>'messageId' = $1`,
      [oldId],
    );
    expect(n).toBe(1);
  });

  it('writes one resend however often the admin clicks at once', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const oldId = await abandonedMessage(address('double-click'));
    const session = await signedIn(t.url, admin.email, admin.password);
    await session.page(`/admin/mail/${oldId}/resend`);
    const answers = await Promise.all(
      [1, 2, 3].map(() => session.submit(`/admin/mail/${oldId}/resend`, { confirmed: 'yes' })),
    );
    expect(answers.map((answer) => answer.status)).toEqual([303, 303, 303]);
    const [resend, ...more] = await rows('resend_of_id = $1', [oldId]);
    expect(more).toEqual([]);
    expect(answers.map((answer) => answer.headers.location).sort()).toEqual(
      [`/admin/mail/${oldId}`, `/admin/mail/${oldId}`, `/admin/mail/${resend!.id}`].sort(),
    );
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'mail.resent' AND details->>'messageId' = $1`,
      [oldId],
    );
    expect(n).toBe(1);
  });

  it('lets only one of several resends at the same moment through; the others are refused', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const actor = { kind: 'STAFF', id: admin.id, role: 'ADMIN', name: admin.name } as const;
    const oldId = await abandonedMessage(address('same-moment'));
    const outcomes = await Promise.allSettled(
      [1, 2, 3, 4].map(() =>
        t.app.get(CommandBus).execute(new ResendMessageCommand(actor, oldId, '127.0.0.1')),
      ),
    );
    const written = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(written).toHaveLength(1);
    expect(refused.map((outcome) => (outcome.reason as Error).constructor.name)).toEqual([
      'MailAlreadyResentError',
      'MailAlreadyResentError',
      'MailAlreadyResentError',
    ]);
    expect((await rows('resend_of_id = $1', [oldId])).map((row) => row.id)).toEqual([
      written[0]!.value,
    ]);
  });

  it('refuses to resend a mail whose delivery is known, and lets only admins resend', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const to = address('sent-once');
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
         created_at, next_attempt_at, sent_at)
       VALUES (gen_random_uuid(), 'test.sent', $1, 'sent', 't', 'SENT', 1, now(), now(), now())`,
      [to],
    );
    const [sent] = await rows('recipient = $1', [to]);
    const session = await signedIn(t.url, admin.email, admin.password);
    const page = await session.page(`/admin/mail/${sent!.id}`);
    expect(page.text).not.toContain('Resend…');
    const refused = await landing(
      session,
      await session.submit(`/admin/mail/${sent!.id}/resend`, { confirmed: 'yes' }),
    );
    expect(refused.flashes).toEqual([
      {
        kind: 'error',
        text: 'Only an abandoned mail, whose delivery is unknown, can be resent by hand.',
      },
    ]);
    expect(await rows('resend_of_id = $1', [sent!.id])).toEqual([]);
    expect(
      (await session.submit(`/admin/mail/${randomUUID()}/resend`, { confirmed: 'yes' })).status,
    ).toBe(404);

    const abandoned = await abandonedMessage(address('not-for-reviewers'));
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const other = await signedIn(t.url, reviewer.email, reviewer.password);
    await other.page('/queue');
    expect(
      (await other.submit(`/admin/mail/${abandoned}/resend`, { confirmed: 'yes' })).status,
    ).toBe(403);
    expect(await rows('resend_of_id = $1', [abandoned])).toEqual([]);
  });

  it('shows the resend in Chinese to an admin who reads Chinese', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const oldId = await abandonedMessage(address('zh'));
    const session = await signedIn(t.url, admin.email, admin.password, 'zh-CN');
    const page = await session.page(`/admin/mail/${oldId}`);
    expect(page.text).toContain('无法确定是否送达');
    expect(page.text).toContain('重发…');
    const confirm = await session.page(`/admin/mail/${oldId}/resend`);
    expect(confirm.text).toContain('收件人可能会收到两次');
    expect(confirm.text).not.toContain('twice');
  });

  it('puts a mail in the demo mailbox and marks it SENT in one transaction: a failure after the write leaves neither', async () => {
    const to = address('sink-fails');
    const id = randomUUID();
    // Written directly, so no worker is nudged: this test runs each attempt itself.
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, created_at, next_attempt_at)
       VALUES ($1, 'test.sink', $2, 'sink', 'Into the mailbox.', now(), now() + interval '1 hour')`,
      [id, to],
    );
    // A failure injected after the mailbox copy was written, as the message is marked SENT.
    await asSuperuser(
      t.database,
      `
      CREATE OR REPLACE FUNCTION fail_sent_mark_for_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'injected failure after % mailbox copy',
          (SELECT count(*) FROM mail_sink WHERE outbox_id = NEW.id);
      END $$`,
    );
    await asSuperuser(
      t.database,
      `
      CREATE TRIGGER fail_sent_mark_for_test BEFORE UPDATE ON outbox_messages FOR EACH ROW
      WHEN (NEW.status = 'SENT' AND NEW.recipient LIKE 'sink-fails-%')
      EXECUTE FUNCTION fail_sent_mark_for_test()`,
    );
    const commands = t.app.get(CommandBus);
    try {
      expect(await commands.execute(new DeliverMessageCommand(id))).toBe('retry-scheduled');
      // The copy had been written (the failure counted it), and went with the failure.
      const [row] = await rows('id = $1', [id]);
      expect(row).toMatchObject({ status: 'PENDING', attempts: 1 });
      expect(row!.last_error).toContain('injected failure after 1 mailbox copy');
      expect(await sinkCopies(id)).toEqual([]);
    } finally {
      await asSuperuser(t.database, `DROP TRIGGER fail_sent_mark_for_test ON outbox_messages`);
      await asSuperuser(t.database, `DROP FUNCTION fail_sent_mark_for_test()`);
    }

    // Tried again, it is delivered once, and SENT.
    expect(await commands.execute(new DeliverMessageCommand(id))).toBe('sent');
    const [row] = await rows('id = $1', [id]);
    expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(await sinkCopies(id)).toEqual([{ body_text: 'Into the mailbox.' }]);
  });

  it('refuses to start in production without PUBLIC_BASE_URL, saying what is missing', async () => {
    const refused = startTestApp({ env: { NODE_ENV: 'production', PUBLIC_BASE_URL: '' } });
    await expect(refused).rejects.toThrow(InvalidConfigurationError);
    await expect(refused).rejects.toThrow(
      /^beian-desk cannot start: 1 setting is missing or invalid\n {2}- PUBLIC_BASE_URL is required when NODE_ENV is production/,
    );
    await expect(
      startTestApp({ env: { NODE_ENV: 'production', PUBLIC_BASE_URL: 'desk.example.com' } }),
    ).rejects.toThrow(/PUBLIC_BASE_URL must be an absolute http:\/\/ or https:\/\/ URL/);
  });
});
