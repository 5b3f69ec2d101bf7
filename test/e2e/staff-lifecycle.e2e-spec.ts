import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { runCli } from '../../src/cli/run-cli.js';
import { ChangeStaffRoleCommand } from '../../src/identity/application/commands/change-staff-role/change-staff-role.command.js';
import { ChooseLocaleCommand } from '../../src/identity/application/commands/choose-locale/choose-locale.command.js';
import { DeactivateStaffMemberCommand } from '../../src/identity/application/commands/deactivate-staff-member/deactivate-staff-member.command.js';
import { systemActor, type Actor } from '../../src/shared/domain/actor.js';
import type { DomainError } from '../../src/shared/domain/domain-error.js';
import { auditKeyEnv, testServices } from '../support/services.js';
import { asSuperuser } from '../support/database.js';
import { statusOf, submitReviewable, type ReviewableRequest } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  type TestApp,
  type TestStaff,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
} from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

interface AuditRow {
  action: string;
  actor_type: string;
  actor_id: string | null;
  actor_name: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

interface MailRow {
  recipient: string;
  subject: string;
  body_text: string;
}

const decode = (html: string): string =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('a staff account’s life: reactivation, role changes, deactivation giving back held work', () => {
  let t: TestApp;
  let admin: TestStaff;
  let adminSession: WebSession;
  let wangFang: TestStaff;
  let chenJie: TestStaff;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, wangFang, chenJie] = await Promise.all([
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Chen Jie'),
    ]);
    // Wang Fang reads the desk in Chinese, Chen Jie in English: each notice speaks theirs.
    await t.app.get(CommandBus).execute(new ChooseLocaleCommand(wangFang.id, 'zh-CN'));
    await t.app.get(CommandBus).execute(new ChooseLocaleCommand(chenJie.id, 'en'));
    adminSession = await signedIn(t.url, admin.email, admin.password);
  });
  afterAll(() => t.close());

  const auditOf = async (action: string, key: string, value: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT action, actor_type, actor_id, actor_name, request_id, details FROM audit_events
        WHERE action = $1 AND details->>$2 = $3 ORDER BY seq`,
      [action, key, value],
    );
  const requestAudit = async (requestId: string, action: string): Promise<AuditRow[]> =>
    t.dataSource.query(
      `SELECT action, actor_type, actor_id, actor_name, request_id, details FROM audit_events
        WHERE request_id = $1 AND action = $2 ORDER BY seq`,
      [requestId, action],
    );
  const noticesTo = async (email: string): Promise<MailRow[]> =>
    t.dataSource.query(
      `SELECT recipient, subject, body_text FROM outbox_messages
        WHERE kind = 'staff.held_work_returned' AND recipient = $1 ORDER BY created_at, id`,
      [email],
    );
  const isActive = async (staffId: string): Promise<boolean> => {
    const [row] = await t.dataSource.query(`SELECT active FROM staff_members WHERE id = $1`, [
      staffId,
    ]);
    return (row as { active: boolean }).active;
  };

  /**
   * A reviewer holding two requests: one in review, one waiting for the applicant (they
   * asked for a clearer photo). Claimed and sent back through the portal, as they would.
   */
  async function reviewerHoldingTwo(name: string): Promise<{
    reviewer: TestStaff;
    inReview: ReviewableRequest;
    awaiting: ReviewableRequest;
  }> {
    const reviewer = await createStaff(t.app, 'REVIEWER', name);
    const session = await signedIn(t.url, reviewer.email, reviewer.password);
    await session.page('/queue');
    const inReview = await submitReviewable(t);
    const awaiting = await submitReviewable(t);
    for (const request of [inReview, awaiting])
      expect((await session.submit(`/requests/${request.id}/claim`)).status).toBe(303);
    const asked = await session.submit(`/requests/${awaiting.id}/request-info`, {
      documents: ['HALF_LENGTH_PHOTO'],
      fields: '',
      message: 'The photo holding the ID card is too dark.',
    });
    expect(asked.status).toBe(303);
    expect(await statusOf(t, inReview.id)).toMatchObject({
      status: 'IN_REVIEW',
      assignee_id: reviewer.id,
    });
    expect(await statusOf(t, awaiting.id)).toMatchObject({
      status: 'AWAITING_APPLICANT',
      assignee_id: reviewer.id,
    });
    return { reviewer, inReview, awaiting };
  }

  it('reactivates a deactivated account, which can sign in again (audited)', async () => {
    const reviewer = await createStaff(t.app, 'REVIEWER', 'Zhou Xin');
    await adminSession.page(`/admin/users/${reviewer.id}/deactivate`);
    expect((await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`)).status).toBe(303);
    expect((await new WebSession(t.url).signIn(reviewer.email, reviewer.password)).status).toBe(
      401,
    );

    const list = await adminSession.page('/admin/users');
    expect(list.text).toContain(`action="/admin/users/${reviewer.id}/reactivate"`);
    const reactivated = await adminSession.submit(`/admin/users/${reviewer.id}/reactivate`);
    expect(reactivated.status).toBe(303);
    expect(reactivated.headers.location).toBe('/admin/users');
    const after = await adminSession.page('/admin/users');
    expect(decode(after.text)).toContain('Zhou Xin can sign in again.');
    expect(after.text).not.toContain(`action="/admin/users/${reviewer.id}/reactivate"`);

    expect((await new WebSession(t.url).signIn(reviewer.email, reviewer.password)).status).toBe(
      303,
    );
    expect(await auditOf('staff.reactivated', 'staffId', reviewer.id)).toEqual([
      expect.objectContaining({
        actor_type: 'STAFF',
        actor_id: admin.id,
        details: expect.objectContaining({ email: reviewer.email }),
      }),
    ]);
    // Reactivating an active account is refused in words.
    await adminSession.page('/admin/users');
    const again = await adminSession.submit(`/admin/users/${reviewer.id}/reactivate`);
    expect(again.status).toBe(303);
    const refused = await adminSession.page('/admin/users');
    expect(decode(refused.text)).toContain(
      `The staff account ${reviewer.email} is already active.`,
    );
  });

  it('changes a role: audited with the old and the new role, the sessions end, and the next sign-in works in the new role', async () => {
    const member = await createStaff(t.app, 'REVIEWER', 'Sun Li');
    const session = await signedIn(t.url, member.email, member.password);
    expect((await session.page('/queue')).status).toBe(200);
    expect((await session.page('/audit')).status).toBe(403);

    const form = await adminSession.page(`/admin/users/${member.id}/role`);
    expect(form.status).toBe(200);
    expect(decode(form.text)).toContain('Change the role of');
    expect(form.text).toMatch(/<option value="REVIEWER" selected>/);
    const changed = await adminSession.submit(`/admin/users/${member.id}/role`, {
      role: 'AUDITOR',
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.location).toBe('/admin/users');
    expect(decode((await adminSession.page('/admin/users')).text)).toContain(
      'The role of Sun Li is now Auditor.',
    );

    const [event] = await auditOf('staff.role_changed', 'staffId', member.id);
    expect(event).toMatchObject({
      actor_id: admin.id,
      details: { email: member.email, from: 'REVIEWER', to: 'AUDITOR' },
    });
    // The session signed in as a reviewer is over, reading or changing.
    const ended = await session.agent.get('/queue');
    expect(ended.status).toBe(303);
    expect(ended.headers.location).toMatch(/^\/login/);

    // Signed in again: the auditor's pages open, the reviewer's claim does not.
    const again = await signedIn(t.url, member.email, member.password);
    expect((await again.page('/audit')).status).toBe(200);
    const request = await submitReviewable(t);
    await again.page('/queue');
    await again.submit(`/requests/${request.id}/claim`);
    expect((await statusOf(t, request.id)).status).toBe('PENDING_REVIEW');
  });

  it('refuses an admin their own role change and a role the account already has, in words beside the field', async () => {
    const own = await adminSession.page(`/admin/users/${admin.id}/role`);
    expect(decode(own.text)).toContain(
      'You cannot change your own role: another administrator must.',
    );
    expect(own.text).not.toContain(`action="/admin/users/${admin.id}/role"`);
    const forced = await adminSession.submit(`/admin/users/${admin.id}/role`, { role: 'AUDITOR' });
    expect(forced.status).toBe(403);
    expect(decode(forced.text)).toContain('You cannot change your own role');
    const ownDeactivation = await adminSession.page(`/admin/users/${admin.id}/deactivate`);
    expect(decode(ownDeactivation.text)).toContain(
      'You cannot deactivate your own account: another administrator must.',
    );

    const member = await createStaff(t.app, 'REVIEWER', 'Qian Qi');
    await adminSession.page(`/admin/users/${member.id}/role`);
    const same = await adminSession.submit(`/admin/users/${member.id}/role`, { role: 'REVIEWER' });
    expect(same.status).toBe(422);
    const page = decode(same.text);
    expect(page).toMatch(
      /<p id="role-error" class="field-error">The role of Qian Qi is already Reviewer: choose another role\.<\/p>/,
    );
    expect(same.text).toMatch(/<option value="REVIEWER" selected>/);
    expect(await auditOf('staff.role_changed', 'staffId', member.id)).toEqual([]);
  });

  it('keeps the last active administrator, even when two admins demote each other at once', async () => {
    const own = await startTestApp({ ownDatabase: true });
    try {
      const commands = own.app.get(CommandBus);
      const [first, second] = await Promise.all([
        createStaff(own.app, 'ADMIN', 'Liu Yang'),
        createStaff(own.app, 'ADMIN', 'Zhou Ming'),
      ]);
      const as = (staff: TestStaff): Actor => ({
        kind: 'STAFF',
        id: staff.id,
        role: staff.role,
        name: staff.name,
      });
      const outcomes = await Promise.allSettled([
        commands.execute(new ChangeStaffRoleCommand(as(first), second.id, 'AUDITOR')),
        commands.execute(new ChangeStaffRoleCommand(as(second), first.id, 'AUDITOR')),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refusal = outcomes.find(
        (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
      );
      expect((refusal?.reason as DomainError).code).toBe('staff.last-admin');
      const admins: { id: string }[] = await own.dataSource.query(
        `SELECT id FROM staff_members WHERE active AND role = 'ADMIN'`,
      );
      expect(admins).toHaveLength(1);
      const last = admins[0]!.id;
      // Nor may the command line deactivate the last one.
      await expect(
        commands.execute(new DeactivateStaffMemberCommand(systemActor('cli:ops'), last)),
      ).rejects.toMatchObject({ code: 'staff.last-admin' });
      await expect(
        commands.execute(new ChangeStaffRoleCommand(systemActor('cli:ops'), last, 'REVIEWER')),
      ).rejects.toMatchObject({ code: 'staff.last-admin' });
    } finally {
      await own.close();
    }
  });

  it('lists the requests a reviewer holds before deactivating, awaiting the applicant included', async () => {
    const { reviewer, inReview, awaiting } = await reviewerHoldingTwo('Li Na');
    const list = await adminSession.page('/admin/users');
    expect(list.text).toContain(`href="/admin/users/${reviewer.id}/deactivate"`);
    const page = await adminSession.page(`/admin/users/${reviewer.id}/deactivate`);
    expect(page.status).toBe(200);
    const text = decode(page.text);
    expect(text).toContain('They hold 2 open requests.');
    const rows = [...page.text.matchAll(/<tr data-held-request>([\s\S]*?)<\/tr>/g)].map((match) =>
      decode(match[1]!).replace(/\s+/g, ' '),
    );
    expect(rows).toHaveLength(2);
    expect(rows.find((row) => row.includes(inReview.reference))).toContain('In review');
    expect(rows.find((row) => row.includes(awaiting.reference))).toContain('Awaiting applicant');
    // Administrators do not read requests: the references are not links for them.
    expect(page.text).not.toContain(`href="/requests/${inReview.id}"`);
    // The seniors who can take them over.
    expect(page.text).toContain(`<option value="${wangFang.id}" translate="no">Wang Fang</option>`);
    // An admin reading Chinese sees it in Chinese.
    const chinese = await signedIn(t.url, admin.email, admin.password, 'zh-CN');
    const zh = decode((await chinese.page(`/admin/users/${reviewer.id}/deactivate`)).text);
    for (const words of [
      '其持有 2 个未办结的申请',
      '审核中',
      '待申请人补正',
      '释放：',
      '停用</button>',
    ])
      expect(zh).toContain(words);
    expect(zh).not.toMatch(/Release them|In review|Awaiting applicant/);
    // Looking changes nothing.
    expect(await isActive(reviewer.id)).toBe(true);
  });

  it('releases two held requests in one transaction with the deactivation: a failure on the second leaves everything as it was', async () => {
    const { reviewer, inReview, awaiting } = await reviewerHoldingTwo('Zhang Wei');
    // The request the release reaches second (deadline order) refuses to be written.
    const [, second]: { id: string }[] = await t.dataSource.query(
      `SELECT id FROM initialization_requests WHERE id = ANY($1) ORDER BY due_at, id`,
      [[inReview.id, awaiting.id]],
    );
    const trigger = `refuse_${second!.id.replaceAll('-', '')}`;
    await asSuperuser(
      t.database,
      `
      CREATE FUNCTION ${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.id = '${second!.id}' THEN RAISE EXCEPTION 'injected failure'; END IF;
        RETURN NEW;
      END $$`,
    );
    await asSuperuser(
      t.database,
      `CREATE TRIGGER ${trigger} BEFORE UPDATE ON initialization_requests
       FOR EACH ROW EXECUTE FUNCTION ${trigger}()`,
    );
    try {
      await adminSession.page(`/admin/users/${reviewer.id}/deactivate`);
      const failed = await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`, {
        held: 'release',
      });
      expect(failed.status).toBe(500);
    } finally {
      await asSuperuser(t.database, `DROP TRIGGER ${trigger} ON initialization_requests`);
      await asSuperuser(t.database, `DROP FUNCTION ${trigger}()`);
    }
    // Nothing happened: the account is active, both requests are still theirs, as they were.
    expect(await isActive(reviewer.id)).toBe(true);
    expect(await statusOf(t, inReview.id)).toMatchObject({
      status: 'IN_REVIEW',
      assignee_id: reviewer.id,
    });
    expect(await statusOf(t, awaiting.id)).toMatchObject({
      status: 'AWAITING_APPLICANT',
      assignee_id: reviewer.id,
    });
    expect(await requestAudit(inReview.id, 'request.released')).toEqual([]);
    expect(await auditOf('staff.deactivated', 'staffId', reviewer.id)).toEqual([]);
    expect(await noticesTo(wangFang.email)).not.toContainEqual(
      expect.objectContaining({ body_text: expect.stringContaining(inReview.reference) }),
    );

    // Again without the failure: both released with the deactivation, each keeping its state.
    await adminSession.page(`/admin/users/${reviewer.id}/deactivate`);
    const done = await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`, {
      held: 'release',
    });
    expect(done.status).toBe(303);
    expect(decode((await adminSession.page('/admin/users')).text)).toContain(
      'Zhang Wei was deactivated. The 2 requests they held were released.',
    );
    expect(await isActive(reviewer.id)).toBe(false);
    expect(await statusOf(t, inReview.id)).toMatchObject({
      status: 'PENDING_REVIEW',
      assignee_id: null,
    });
    expect(await statusOf(t, awaiting.id)).toMatchObject({
      status: 'AWAITING_APPLICANT',
      assignee_id: null,
    });
    for (const request of [inReview, awaiting]) {
      expect(await requestAudit(request.id, 'request.released')).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          details: expect.objectContaining({
            fromId: reviewer.id,
            fromName: 'Zhang Wei',
            because: 'holder-deactivated',
          }),
        }),
      ]);
    }
    const [deactivated] = await auditOf('staff.deactivated', 'staffId', reviewer.id);
    expect(deactivated!.details.returnedRequests).toEqual(
      expect.arrayContaining([
        { id: inReview.id, reference: inReview.reference, status: 'PENDING_REVIEW' },
        { id: awaiting.id, reference: awaiting.reference, status: 'AWAITING_APPLICANT' },
      ]),
    );

    // The seniors are told, each in their own language, with links that open the requests.
    const [chinese] = await noticesTo(wangFang.email);
    expect(chinese!.subject).toBe('Zhang Wei 的账号已停用：2 个申请已释放');
    expect(chinese!.body_text).toContain(
      `${inReview.reference}（待审核）：https://desk.beian-desk.test/requests/${inReview.id}`,
    );
    expect(chinese!.body_text).toContain(
      `${awaiting.reference}（待申请人补正）：https://desk.beian-desk.test/requests/${awaiting.id}`,
    );
    const [english] = await noticesTo(chenJie.email);
    expect(english!.subject).toBe('Zhang Wei was deactivated: 2 requests released');
    expect(english!.body_text).toContain(
      `${inReview.reference} (Pending review): https://desk.beian-desk.test/requests/${inReview.id}`,
    );
    expect(english!.body_text).toContain('see that they are claimed or reassigned');
  });

  it('reassigns the held requests to the senior the admin chooses, each in its state, and tells that senior', async () => {
    const { reviewer, inReview, awaiting } = await reviewerHoldingTwo('Zhao Lei');
    const before = (await noticesTo(wangFang.email)).length;
    await adminSession.page(`/admin/users/${reviewer.id}/deactivate`);

    // Reassign without a senior, or to somebody who is not one: said beside the field.
    const none = await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`, {
      held: 'reassign',
      senior: '',
    });
    expect(none.status).toBe(422);
    expect(decode(none.text)).toMatch(
      /<p id="senior-error" class="field-error">Choose the senior reviewer who takes the requests over\.<\/p>/,
    );
    expect(none.text).toMatch(/id="held-reassign" name="held" value="reassign" checked/);
    const notASenior = await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`, {
      held: 'reassign',
      senior: reviewer.id,
    });
    expect(notASenior.status).toBe(422);
    expect(decode(notASenior.text)).toContain(
      'Choose an active senior reviewer to take the requests over.',
    );
    expect(await isActive(reviewer.id)).toBe(true);

    const done = await adminSession.submit(`/admin/users/${reviewer.id}/deactivate`, {
      held: 'reassign',
      senior: chenJie.id,
    });
    expect(done.status).toBe(303);
    expect(decode((await adminSession.page('/admin/users')).text)).toContain(
      'Zhao Lei was deactivated. The 2 requests they held were reassigned to Chen Jie.',
    );
    expect(await statusOf(t, inReview.id)).toMatchObject({
      status: 'IN_REVIEW',
      assignee_id: chenJie.id,
    });
    expect(await statusOf(t, awaiting.id)).toMatchObject({
      status: 'AWAITING_APPLICANT',
      assignee_id: chenJie.id,
    });
    expect(await requestAudit(awaiting.id, 'request.reassigned')).toEqual([
      expect.objectContaining({
        actor_id: admin.id,
        details: expect.objectContaining({
          fromName: 'Zhao Lei',
          assigneeId: chenJie.id,
          assigneeName: 'Chen Jie',
          because: 'holder-deactivated',
        }),
      }),
    ]);
    // Chen Jie finds both under "Mine", and is the one told.
    const chen = await signedIn(t.url, chenJie.email, chenJie.password);
    const mine = await chen.page('/queue?tab=mine');
    expect(mine.text).toContain(inReview.reference);
    expect(mine.text).toContain(awaiting.reference);
    const notices = await noticesTo(chenJie.email);
    const notice = notices.find((mail) => mail.body_text.includes(awaiting.reference))!;
    expect(notice.subject).toBe('Zhao Lei was deactivated: 2 requests are now yours');
    expect(notice.body_text).toContain('reassigned to you, each in the state it was in');
    expect(await noticesTo(wangFang.email)).toHaveLength(before);
  });

  it('deactivating from the command line releases the held requests too', async () => {
    const { reviewer, inReview, awaiting } = await reviewerHoldingTwo('Wu Hao');
    const services = testServices();
    const lines: string[] = [];
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const env = {
      DATABASE_URL: services.databaseUrl,
      REDIS_URL: services.redisUrl,
      SESSION_SECRET: t.config.SESSION_SECRET,
      INTAKE_TOKENS: 'cli:cli-token-000000000000',
      DOCUMENT_DIR: t.config.DOCUMENT_DIR,
      EXPORT_DIR: t.config.EXPORT_DIR,
      DOCUMENT_ENCRYPTION_KEYS: TEST_DOCUMENT_ENCRYPTION_KEYS,
      ...auditKeyEnv(),
      PUBLIC_BASE_URL: 'https://desk.beian-desk.test',
    };
    expect(await runCli(['staff:deactivate', reviewer.email], env, output)).toBe(0);
    expect(lines).toContain(`Deactivated ${reviewer.email}.`);
    expect(lines.join('\n')).toMatch(/Released the 2 open request\(s\) it held: INIT-/);
    expect(await isActive(reviewer.id)).toBe(false);
    expect(await statusOf(t, inReview.id)).toMatchObject({
      status: 'PENDING_REVIEW',
      assignee_id: null,
    });
    expect(await statusOf(t, awaiting.id)).toMatchObject({
      status: 'AWAITING_APPLICANT',
      assignee_id: null,
    });
    expect(await requestAudit(inReview.id, 'request.released')).toEqual([
      expect.objectContaining({
        actor_type: 'SYSTEM',
        actor_name: expect.stringMatching(/^cli:/),
        details: expect.objectContaining({ fromName: 'Wu Hao' }),
      }),
    ]);
    expect(
      (await noticesTo(wangFang.email)).some((mail) => mail.body_text.includes(inReview.reference)),
    ).toBe(true);
    // Naming nobody is refused in words.
    expect(await runCli(['staff:deactivate'], env, output)).toBe(1);
    expect(lines.join('\n')).toContain('name the account to deactivate');
  });
});
