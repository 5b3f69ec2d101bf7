import { randomBytes, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getQueueToken } from '@nestjs/bull';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import request from 'supertest';
import { startRedisServer, type RedisServerHandle } from '@lib/local-services';
import { AbandonStuckMessagesCommand } from '../../src/notifications/application/commands/abandon-stuck-messages/abandon-stuck-messages.command.js';
import { DeliverMessageCommand } from '../../src/notifications/application/commands/deliver-message/deliver-message.command.js';
import { RelayDueMessagesCommand } from '../../src/notifications/application/commands/relay-due-messages/relay-due-messages.command.js';
import { GetOutboxMessageQuery } from '../../src/notifications/application/queries/get-outbox-message/get-outbox-message.query.js';
import { ListOutboxMessagesQuery } from '../../src/notifications/application/queries/list-outbox-messages/list-outbox-messages.query.js';
import {
  NOTIFICATION_OUTBOX,
  type NotificationOutbox,
} from '../../src/notifications/application/ports/notification-outbox.js';
import {
  DOMAIN_EVENT_RECORDER,
  type DomainEventRecorder,
} from '../../src/shared/application/domain-events.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../src/shared/application/unit-of-work.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import type { DomainEvent } from '../../src/shared/domain/domain-event.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import {
  actionsOf,
  auditEventsOf,
  messagesAfter,
  statusOf,
  submitReviewable,
} from '../support/review.js';
import { testServices } from '../support/services.js';
import { SmtpListener } from '../support/smtp-listener.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn } from '../support/web-session.js';

interface OutboxRow {
  id: string;
  kind: string;
  recipient: string;
  subject: string;
  status: string;
  attempts: number;
  last_error: string | null;
  request_id: string | null;
  next_attempt_at: Date;
  sent_at: Date | null;
}

const address = (tag: string) => `${tag}-${randomBytes(4).toString('hex')}@applicant.test`;

const decision = (type: DomainEvent['type'], details: Record<string, unknown>): DomainEvent => ({
  type,
  occurredAt: new Date(),
  requestId: randomUUID(),
  subjectId: null,
  details,
});

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

/** What one test app offers these tests. */
function harness(t: () => TestApp) {
  const get = <T>(token: unknown) => t().app.get<T>(token as string, { strict: false });
  return {
    outbox: () => get<NotificationOutbox>(NOTIFICATION_OUTBOX),
    unitOfWork: () => get<UnitOfWork>(UNIT_OF_WORK),
    commands: () => get<CommandBus>(CommandBus),
    record: (events: DomainEvent[]) =>
      get<UnitOfWork>(UNIT_OF_WORK).run(() =>
        get<DomainEventRecorder>(DOMAIN_EVENT_RECORDER).record(events, {
          actor: systemActor('notifications test'),
          ip: null,
        }),
      ),
    rowsTo: (recipient: string): Promise<OutboxRow[]> =>
      t().dataSource.query(
        `SELECT * FROM outbox_messages WHERE recipient = $1 ORDER BY created_at, id`,
        [recipient],
      ),
    /** What the admin page says about the last attempt, in English. */
    lastErrorOf: async (id: string): Promise<string> => {
      const message = await get<QueryBus>(QueryBus).execute(new GetOutboxMessageQuery(id));
      const words = new Translator('Asia/Shanghai').words('en');
      return `${words.text(message.lastError?.note)} ${message.lastError?.detail ?? ''}`.trim();
    },
    rowsFor: (requestId: string | null): Promise<OutboxRow[]> =>
      t().dataSource.query(
        `SELECT * FROM outbox_messages WHERE request_id = $1 ORDER BY recipient`,
        [requestId],
      ),
  };
}

describe('mail notifications over SMTP', () => {
  let smtp: SmtpListener;
  let t: TestApp;
  const app = harness(() => t);
  const only = async (recipient: string) => {
    const rows = await app.rowsTo(recipient);
    expect(rows).toHaveLength(1);
    return rows[0]!;
  };
  const sent = (recipient: string) =>
    eventually(async () => {
      const row = await only(recipient);
      expect(row.status).toBe('SENT');
      expect(smtp.mailsTo(recipient)).toHaveLength(1);
      return { row, mail: smtp.mailsTo(recipient)[0]! };
    });

  beforeAll(async () => {
    smtp = await SmtpListener.start();
    smtp.answer = (recipient) => {
      if (recipient.startsWith('refused-twice-') && smtp.attemptsFor(recipient).length <= 2) {
        return { code: 451, message: 'Try again later' };
      }
      if (recipient.startsWith('always-busy-')) return { code: 451, message: 'Mailbox busy' };
      if (recipient.startsWith('unknown-')) return { code: 550, message: 'No such user here' };
      if (recipient.startsWith('breaks-')) return 'break-after-data';
      return 'accept';
    };
    t = await startTestApp({
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'beian-desk <desk@beian-desk.test>',
        MAIL_MAX_ATTEMPTS: '3',
        MAIL_RETRY_DELAY_MS: '300',
        // Its own Redis database: no other test app's workers take these jobs.
        REDIS_URL: `${testServices().redisUrl}/7`,
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('delivers a mail enqueued in a unit of work once the unit commits, exactly once', async () => {
    const to = address('plain');
    let id: string | null = null;
    await app.unitOfWork().run(async () => {
      id = await app.outbox().enqueue({
        kind: 'test.plain',
        to,
        subject: 'EI-TEST-1 Hello',
        text: 'Plain words.',
        html: '<p>Plain words.</p>',
      });
      // Inside the transaction nothing is visible, let alone sent.
      const outside: unknown[] = await t.dataSource.query(
        `SELECT 1 FROM outbox_messages WHERE recipient = $1`,
        [to],
      );
      expect(outside).toEqual([]);
    });
    const { row, mail } = await sent(to);
    expect(row.id).toBe(id);
    expect(row.attempts).toBe(1);
    expect(row.sent_at).not.toBeNull();
    expect(mail.subject).toBe('EI-TEST-1 Hello');
    expect(mail.text).toBe('Plain words.');
    expect(mail.html).toBe('<p>Plain words.</p>');
    expect(mail.messageId).toBe(`<${id}@beian-desk>`);
    expect(mail.raw).toMatch(/^From: "beian-desk" <desk@beian-desk\.test>$/m);
  });

  it('writes nothing and sends nothing when the unit of work rolls back', async () => {
    const to = address('rolled-back');
    await expect(
      app.unitOfWork().run(async () => {
        await app.outbox().enqueue({ kind: 'test.rollback', to, subject: 'x', text: 'x' });
        throw new Error('the decision failed');
      }),
    ).rejects.toThrow('the decision failed');
    expect(await app.rowsTo(to)).toEqual([]);
    expect(await app.commands().execute(new RelayDueMessagesCommand())).toMatchObject({
      reachable: true,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.attemptsFor(to)).toEqual([]);
  });

  it('writes one message per dedupe key, however often it is enqueued', async () => {
    const to = address('dedupe');
    const mail = { kind: 'test.dedupe', to, subject: 's', text: 't', dedupeKey: `dedupe:${to}` };
    const first = await app.outbox().enqueue(mail);
    const second = await app.outbox().enqueue(mail);
    expect(first).not.toBeNull();
    expect(second).toBeNull();
    await sent(to);
  });

  it('mails the applicant every reason, in words, and the message when a rejection is recorded', async () => {
    const to = address('rejected');
    const event = decision('request.rejected', {
      reasons: ['DOCUMENT_UNCLEAR', 'AUTHORIZATION_LETTER_INVALID'],
      message: 'The seal on the letter cannot be read.',
      reference: 'EI-2026-000101',
      applicantEmail: to,
      applicantName: '王芳',
    });
    await app.record([event]);
    const { row, mail } = await sent(to);
    expect(row.kind).toBe('request.rejected');
    expect(row.request_id).toBe(event.requestId);
    expect(mail.subject).toMatch(/^EI-2026-000101 /);
    expect(mail.text).toContain('A document is not clear enough to read');
    expect(mail.text).toContain('The authorization letter is invalid or not stamped');
    expect(mail.text).toContain('授权书无效（未加盖公章或不符合要求）');
    expect(mail.text.indexOf('王芳，您好')).toBeLessThan(mail.text.indexOf('Dear 王芳'));
    expect(mail.subject).toMatch(/^EI-2026-000101 [^A-Za-z]+ \/ Your account email/);
    expect(mail.text).toContain('> The seal on the letter cannot be read.');
    expect(mail.text).toContain('王芳，您好');
    expect(mail.html).toContain('<li>A document is not clear enough to read</li>');
  });

  it('mails the new and the previous account address on the second approval, and nobody on a first approval', async () => {
    const next = address('new-account');
    const previous = address('old-account');
    const effect = {
      newAccountEmail: next,
      previousAccountEmail: previous,
      aliyunAccountId: '1888000011112222',
      reference: 'EI-2026-000102',
      slaOutcome: 'MET',
    };
    const first = decision('request.approved', {
      awaitingSecondApproval: true,
      why: ['organization'],
    });
    await app.record([first]);
    expect(await app.rowsFor(first.requestId)).toEqual([]);

    const second = {
      ...decision('request.second_approval_given', effect),
      requestId: first.requestId,
    };
    await app.record([second]);
    const toNew = await sent(next);
    const toPrevious = await sent(previous);
    expect(toNew.mail.subject).toMatch(/^EI-2026-000102 /);
    expect(toNew.mail.text).toContain('you can now sign in to the ICP Filing system with it');
    expect(toPrevious.mail.subject).toMatch(/^EI-2026-000102 /);
    expect(toPrevious.mail.text).toContain(
      `Your ICP Filing account email was replaced by ${next} on request EI-2026-000102`,
    );
    expect(toPrevious.mail.text).toContain('If this was not you, contact');
    expect((await app.rowsFor(first.requestId)).map((row) => row.kind).sort()).toEqual([
      'request.approved',
      'request.approved.previous_address',
    ]);
  });

  it('mails only the new address on a final first approval of a subject that had no email', async () => {
    const next = address('first-email');
    const event = decision('request.approved', {
      awaitingSecondApproval: false,
      newAccountEmail: next,
      previousAccountEmail: null,
      aliyunAccountId: '1888000011113333',
      reference: 'EI-2026-000103',
      slaOutcome: 'MET',
    });
    await app.record([event]);
    await sent(next);
    expect(await app.rowsFor(event.requestId)).toHaveLength(1);
  });

  it('mails the applicant what is needed and by when (Beijing time) on a request for information', async () => {
    const to = address('information');
    await app.record([
      decision('request.information_requested', {
        documents: ['HALF_LENGTH_PHOTO'],
        fields: ['Applicant phone number'],
        message: 'Your face is hidden in the photo.',
        expiresAt: '2026-04-01T10:00:00.000Z',
        reference: 'EI-2026-000104',
        applicantEmail: to,
        applicantName: 'Chen Jing',
      }),
    ]);
    const { mail } = await sent(to);
    expect(mail.subject).toMatch(/^EI-2026-000104 /);
    expect(mail.text).toContain('Upload again: Half-length photo holding the credential');
    expect(mail.text).toContain('Correct: Applicant phone number');
    expect(mail.text).toContain('by 1 April 2026, 18:00 (Beijing time)');
    expect(mail.text).toContain('2026年4月1日 18:00（北京时间）');
  });

  it('rolls the decision back when its event lacks what the mail needs', async () => {
    const event = decision('request.rejected', { reference: 'EI-2026-000105', reasons: [] });
    await expect(app.record([event])).rejects.toThrow();
    const audited: unknown[] = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE request_id = $1`,
      [event.requestId],
    );
    expect(audited).toEqual([]);
  });

  it('never sends a message that is already SENDING, however often its job runs', async () => {
    const to = address('in-flight');
    const id = randomUUID();
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
         created_at, next_attempt_at, attempt_started_at)
       VALUES ($1, 'test.in_flight', $2, 's', 't', 'SENDING', 1, now(), now(), now())`,
      [id, to],
    );
    expect(await app.commands().execute(new DeliverMessageCommand(id))).toBe('not-claimed');
    // The same job delivered again by the queue (a stalled job, a second relay) does nothing either.
    const queue = t.app.get<Queue>(getQueueToken('notifications'));
    const job = await queue.add({ outboxId: id }, { jobId: id });
    expect(await job.finished()).toBe('not-claimed');
    expect(smtp.attemptsFor(to)).toEqual([]);
    expect(await only(to)).toMatchObject({ status: 'SENDING', attempts: 1 });
  });

  it('relays a due message whose queue job already finished, so it is still delivered', async () => {
    const to = address('orphan');
    const id = randomUUID();
    // A job for this id ran before its row existed: finished, having sent nothing.
    const queue = t.app.get<Queue>(getQueueToken('notifications'));
    const early = await queue.add({ outboxId: id }, { jobId: id });
    expect(await early.finished()).toBe('not-claimed');
    await t.dataSource.query(
      `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, created_at, next_attempt_at)
       VALUES ($1, 'test.orphan', $2, 'orphan', 'orphan', now(), now() - interval '1 second')`,
      [id, to],
    );
    const relayed = await app.commands().execute(new RelayDueMessagesCommand());
    expect(relayed.queued).toBeGreaterThanOrEqual(1);
    await sent(to);
  });

  it('abandons messages left SENDING for more than ten minutes, and leaves younger ones', async () => {
    const stuck = address('stuck');
    const young = address('young');
    for (const [to, startedMinutesAgo] of [
      [stuck, 11],
      [young, 2],
    ] as const) {
      await t.dataSource.query(
        `INSERT INTO outbox_messages (id, kind, recipient, subject, body_text, status, attempts,
           created_at, next_attempt_at, attempt_started_at)
         VALUES ($1, 'test.stuck', $2, 's', 't', 'SENDING', 1, now(), now(),
           now() - make_interval(mins => $3))`,
        [randomUUID(), to, startedMinutesAgo],
      );
    }
    const abandoned = await app.commands().execute(new AbandonStuckMessagesCommand());
    expect(abandoned).toContain((await only(stuck)).id);
    expect(await only(stuck)).toMatchObject({ status: 'ABANDONED' });
    expect(await app.lastErrorOf((await only(stuck)).id)).toMatch(
      /still SENDING after 10 minutes.*may or may not have been delivered/,
    );
    expect(await only(young)).toMatchObject({ status: 'SENDING' });
  });

  it('retries a refused mail after growing waits and delivers it once the server accepts', async () => {
    const to = address('refused-twice');
    await app.outbox().enqueue({ kind: 'test.retry', to, subject: 'retry', text: 'retry' });
    const { row } = await sent(to);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/451 Try again later/);
    const [first, second, third] = smtp.attemptsFor(to) as [number, number, number];
    expect(second - first).toBeGreaterThanOrEqual(280);
    expect(third - second).toBeGreaterThanOrEqual(580);
  });

  it('marks a mail FAILED with the server’s answer after the last refused attempt', async () => {
    const to = address('always-busy');
    await app.outbox().enqueue({ kind: 'test.busy', to, subject: 'busy', text: 'busy' });
    const row = await eventually(async () => {
      const current = await only(to);
      expect(current.status).toBe('FAILED');
      return current;
    });
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/451 Mailbox busy/);
    expect(smtp.attemptsFor(to)).toHaveLength(3);
    expect(smtp.mailsTo(to)).toEqual([]);
  });

  it('does not retry a mail the server refuses permanently', async () => {
    const to = address('unknown');
    await app.outbox().enqueue({ kind: 'test.unknown', to, subject: 'unknown', text: 'unknown' });
    const row = await eventually(async () => {
      const current = await only(to);
      expect(current.status).toBe('FAILED');
      return current;
    });
    expect(row.attempts).toBe(1);
    expect(row.last_error).toMatch(/550 No such user here/);
  });

  it('abandons, and never re-sends, a mail whose connection broke after the message was sent', async () => {
    const to = address('breaks');
    await app.outbox().enqueue({ kind: 'test.breaks', to, subject: 'breaks', text: 'breaks' });
    const row = await eventually(async () => {
      const current = await only(to);
      expect(current.status).toBe('ABANDONED');
      return current;
    });
    expect(row.attempts).toBe(1);
    expect(await app.lastErrorOf(row.id)).toMatch(/may or may not have been delivered/);
    await app.commands().execute(new RelayDueMessagesCommand());
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.attemptsFor(to)).toHaveLength(1);
  });

  it('shows admins the outbox with statuses and errors, and the text of a mail; nobody else', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const reviewer = await createStaff(t.app, 'REVIEWER');
    const to = address('unknown-admin-view');
    await app.outbox().enqueue({
      kind: 'test.admin_view',
      to,
      subject: 'EI-TEST-9 For the admin <b>',
      text: 'Line one\nLine <two>',
    });
    const row = await eventually(async () => {
      const current = await only(to);
      expect(current.status).toBe('FAILED');
      return current;
    });

    const session = await signedIn(t.url, admin.email, admin.password);
    const list = await session.page('/admin/mail');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`the SMTP server 127.0.0.1:${smtp.port}`);
    expect(list.text).toContain('EI-TEST-9 For the admin &lt;b&gt;');
    expect(list.text).toContain('<span class="badge badge-bad">Failed</span>');
    expect(list.text).toContain('550 No such user here');

    const detail = await session.page(`/admin/mail/${row.id}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('Line one\nLine &lt;two&gt;');
    expect((await session.page(`/admin/mail/${randomUUID()}`)).status).toBe(404);

    const other = await signedIn(t.url, reviewer.email, reviewer.password);
    expect((await other.page('/admin/mail')).status).toBe(403);
    expect((await request(t.url).get('/admin/mail')).status).toBe(303);
  });

  it('shows the mail pages in Chinese to an admin who reads Chinese', async () => {
    const admin = await createStaff(t.app, 'ADMIN');
    const to = address('unknown-admin-zh');
    await app.outbox().enqueue({ kind: 'test.admin_zh', to, subject: 'EI-TEST-10', text: '正文' });
    const row = await eventually(async () => {
      const current = await only(to);
      expect(current.status).toBe('FAILED');
      return current;
    });
    const session = await signedIn(t.url, admin.email, admin.password, 'zh-CN');
    const list = await session.page('/admin/mail');
    expect(list.text).toContain('<html lang="zh-CN"');
    expect(list.text).toContain('<title>邮件 · ');
    expect(list.text).toContain(`邮件发往 SMTP 服务器 127.0.0.1:${smtp.port}。`);
    expect(list.text).toContain('<th scope="col">最近一次错误</th>');
    expect(list.text).toContain('<span class="badge badge-bad">发送失败</span>');
    expect(list.text).toContain('550 No such user here');
    expect(list.text).not.toContain('Last error');
    const detail = await session.page(`/admin/mail/${row.id}`);
    expect(detail.text).toContain('<dt>收件人</dt>');
    expect(detail.text).toContain('<a href="/admin/mail">全部邮件</a>');
  });

  describe('staff notices', () => {
    const dueAt = '2026-03-20T10:00:00.000Z';
    const slaEvent = (type: DomainEvent['type'], reference: string, assignee: TestStaff | null) =>
      decision(type, {
        reference,
        dueAt,
        assigneeId: assignee?.id ?? null,
        assigneeName: assignee?.name ?? null,
      });
    const speaks = (staff: TestStaff, locale: 'zh-CN' | 'en') =>
      t.dataSource.query(`UPDATE staff_members SET locale = $2 WHERE id = $1`, [staff.id, locale]);

    it('reach a reviewer who chose no language in the default one, Chinese', async () => {
      const reviewer = await createStaff(t.app, 'REVIEWER', '李娜');
      const event = slaEvent('request.sla_at_risk', 'EI-2026-000201', reviewer);
      await app.record([event]);
      const { row, mail } = await sent(reviewer.email);
      expect(row.kind).toBe('sla.at_risk');
      expect(mail.subject).toBe('EI-2026-000201 即将超时：截止时间 2026-03-20 18:00（北京时间）');
      expect(mail.text).toContain('剩余工作时间已不超过 4 小时');
      expect(mail.text).toContain('该申请由您认领。');
      expect(mail.text).toContain(
        `查看申请：${t.config.PUBLIC_BASE_URL}/requests/${event.requestId}`,
      );
      expect(mail.text).not.toContain('business hours');
    });

    it('reach a reviewer who chose English in English', async () => {
      const reviewer = await createStaff(t.app, 'REVIEWER', 'Li Na');
      await speaks(reviewer, 'en');
      await app.record([slaEvent('request.sla_at_risk', 'EI-2026-000202', reviewer)]);
      const { mail } = await sent(reviewer.email);
      expect(mail.subject).toBe('EI-2026-000202 is at risk: due 2026-03-20 18:00 Beijing time');
      expect(mail.text).toContain(
        'Initialization request EI-2026-000202 has four business hours or fewer left before its deadline, 2026-03-20 18:00 Beijing time.',
      );
      expect(mail.text).toContain('You hold it.');
      expect(mail.text).not.toMatch(/[\u4e00-\u9fff]/);
    });

    it('escalate a breach to each senior in their own language, one mail each', async () => {
      const chinese = await createStaff(t.app, 'SENIOR_REVIEWER', '王芳');
      const english = await createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang');
      await speaks(chinese, 'zh-CN');
      await speaks(english, 'en');
      const holder = await createStaff(t.app, 'REVIEWER', '张伟');
      await speaks(holder, 'en');
      const event = slaEvent('request.sla_breached', 'EI-2026-000203', holder);
      await app.record([event]);

      const toChinese = await sent(chinese.email);
      expect(toChinese.row.kind).toBe('sla.breached');
      expect(toChinese.mail.subject).toBe(
        'EI-2026-000203 已超时：截止时间 2026-03-20 18:00（北京时间）',
      );
      expect(toChinese.mail.text).toContain('该申请由 张伟 认领。');
      expect(toChinese.mail.text).toContain('请您作为高级审核员督促该申请尽快办结或转派。');
      expect(toChinese.mail.text).not.toContain('senior reviewer');

      for (const recipient of [english, holder]) {
        const { mail } = await sent(recipient.email);
        expect(mail.subject).toBe(
          'EI-2026-000203 breached its deadline (2026-03-20 18:00 Beijing time)',
        );
        expect(mail.text).toContain('张伟 holds it.');
        expect(mail.text).toContain(
          'As a senior reviewer you are asked to see that it is decided or reassigned.',
        );
        expect(mail.text).not.toContain('高级审核员');
      }
      const rows = await app.rowsFor(event.requestId);
      expect(rows.filter((row) => row.recipient === chinese.email)).toHaveLength(1);
      expect(rows.filter((row) => row.recipient === english.email)).toHaveLength(1);
    });
  });

  it('pages through the outbox newest first, each page older than the last', async () => {
    for (const n of [1, 2, 3]) {
      await app
        .outbox()
        .enqueue({ kind: 'test.page', to: address(`page-${n}`), subject: `p${n}`, text: 't' });
    }
    const queries = t.app.get(QueryBus);
    const first = await queries.execute(new ListOutboxMessagesQuery(null, 2));
    expect(first.messages).toHaveLength(2);
    expect(first.olderCursor).not.toBeNull();
    const second = await queries.execute(new ListOutboxMessagesQuery(first.olderCursor, 2));
    expect(second.messages).toHaveLength(2);
    const newest = [...first.messages, ...second.messages];
    expect(newest.map((message) => message.subject).slice(0, 3)).toEqual(['p3', 'p2', 'p1']);
    expect(new Set(newest.map((message) => message.id)).size).toBe(4);
    const times = newest.map((message) => message.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });
});

describe('mail while Redis is down', () => {
  let redis: RedisServerHandle;
  let t: TestApp;
  const app = harness(() => t);
  const redisDir = path.join(os.tmpdir(), `beian-test-outage-redis-${process.pid}`);

  beforeAll(async () => {
    redis = await startRedisServer({ dir: redisDir });
    // No SMTP_URL: this app delivers to the demo mailbox.
    t = await startTestApp({ env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await t.close();
    await redis.stop();
  });

  it('records a decision while Redis is down and delivers its mail once Redis is back and the relay runs', async () => {
    // A reviewer holds a request before Redis goes away (sessions live in PostgreSQL).
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Sun Li');
    const desk = await signedIn(t.url, reviewer.email, reviewer.password);
    await desk.page('/queue'); // the signed-in session's form token
    const held = await submitReviewable(t);
    expect((await desk.submit(`/requests/${held.id}/claim`)).status).toBe(303);
    expect(await messagesAfter(desk)).toContain('You now hold this request.');

    await eventually(async () =>
      expect(await app.commands().execute(new RelayDueMessagesCommand())).toMatchObject({
        reachable: true,
      }),
    );
    await redis.stop();
    await eventually(async () =>
      expect(await app.commands().execute(new RelayDueMessagesCommand())).toMatchObject({
        reachable: false,
      }),
    );

    // The reviewer rejects through the portal: the decision succeeds, promptly, with its audit event and mail row.
    const deciding = Date.now();
    const rejected = await desk.submit(`/requests/${held.id}/reject`, {
      reasons: ['DOCUMENT_UNCLEAR'],
      message: 'The photo of the ID card is blurred.',
    });
    expect(Date.now() - deciding).toBeLessThan(5_000);
    expect(rejected.status).toBe(303);
    expect(await messagesAfter(desk)).toContain('Rejected. The applicant will be told why.');
    expect((await statusOf(t, held.id)).status).toBe('REJECTED');
    expect((await actionsOf(t, held.id)).slice(-1)).toEqual(['request.rejected']);
    const [audited] = (await auditEventsOf(t, held.id)).slice(-1);
    expect(audited).toMatchObject({
      actor_id: reviewer.id,
      details: {
        reasons: ['DOCUMENT_UNCLEAR'],
        message: 'The photo of the ID card is blurred.',
      },
    });
    const waitingDecision = await app.rowsFor(held.id);
    expect(waitingDecision).toHaveLength(1);
    expect(waitingDecision[0]).toMatchObject({
      kind: 'request.rejected',
      recipient: held.newAccountEmail,
      status: 'PENDING',
      attempts: 0,
    });

    const to = address('outage');
    const started = Date.now();
    await app.record([
      decision('request.expired', {
        requestedAt: new Date().toISOString(),
        reference: 'EI-2026-000106',
        applicantEmail: to,
        applicantName: 'Zhao Lei',
      }),
    ]);
    expect(Date.now() - started).toBeLessThan(1_500);
    const [waiting] = await app.rowsTo(to);
    expect(waiting).toMatchObject({ status: 'PENDING', attempts: 0 });

    redis = await startRedisServer({ dir: redisDir, port: redis.port });
    await eventually(async () => {
      await app.commands().execute(new RelayDueMessagesCommand());
      const [row] = await app.rowsTo(to);
      expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
    }, 45_000);
    const delivered: { subject: string; body_text: string }[] = await t.dataSource.query(
      `SELECT s.subject, s.body_text FROM mail_sink s JOIN outbox_messages o ON o.id = s.outbox_id
       WHERE o.recipient = $1`,
      [to],
    );
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.subject).toMatch(/^EI-2026-000106 /);

    // The reviewer's rejection is delivered too, exactly once, even after more relays.
    await eventually(async () => {
      await app.commands().execute(new RelayDueMessagesCommand());
      expect(await app.rowsFor(held.id)).toMatchObject([{ status: 'SENT', attempts: 1 }]);
    }, 45_000);
    await app.commands().execute(new RelayDueMessagesCommand());
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rejectionMails: { subject: string; body_text: string }[] = await t.dataSource.query(
      `SELECT s.subject, s.body_text FROM mail_sink s JOIN outbox_messages o ON o.id = s.outbox_id
       WHERE o.request_id = $1`,
      [held.id],
    );
    expect(rejectionMails).toHaveLength(1);
    expect(rejectionMails[0]!.subject).toMatch(new RegExp(`^${held.reference} `));
    expect(rejectionMails[0]!.body_text).toContain('A document is not clear enough to read');
    expect(rejectionMails[0]!.body_text).toContain('The photo of the ID card is blurred.');
    expect(await app.rowsFor(held.id)).toMatchObject([{ status: 'SENT', attempts: 1 }]);

    // The admin reads the demo mailbox's copy in the portal.
    const admin = await createStaff(t.app, 'ADMIN');
    const session = await signedIn(t.url, admin.email, admin.password);
    const [row] = await app.rowsTo(to);
    const detail = await session.page(`/admin/mail/${row!.id}`);
    expect(detail.text).toContain('Received by the demo mailbox');
    expect(detail.text).toContain('expired because the information asked for was not provided');
  });
});
