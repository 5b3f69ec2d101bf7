import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { registerSubject } from '../support/registry.js';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments } from '../support/intake.js';
import {
  actionsOf,
  checksForm,
  messagesAfter,
  statusOf,
  submitReviewable,
} from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

describe('reviewing initialization requests', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let zhangWei: TestStaff;
  let wangFang: TestStaff;
  let chenJie: TestStaff;
  let auditor: TestStaff;
  const sessions = new Map<string, WebSession>();

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, zhangWei, wangFang, chenJie, auditor] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'REVIEWER', 'Zhang Wei'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Chen Jie'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
    ]);
  });
  afterAll(() => t.close());

  async function as(staff: TestStaff): Promise<WebSession> {
    let session = sessions.get(staff.id);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password);
      await session.page('/queue');
      sessions.set(staff.id, session);
    }
    return session;
  }

  async function act(
    staff: TestStaff,
    requestId: string,
    action: string,
    fields: Record<string, string | string[]> = {},
  ) {
    return (await as(staff)).submit(`/requests/${requestId}/${action}`, fields);
  }

  async function outboxOf(requestId: string): Promise<{ kind: string; recipient: string }[]> {
    return t.dataSource.query(
      `SELECT kind, recipient FROM outbox_messages WHERE request_id = $1 ORDER BY kind`,
      [requestId],
    );
  }

  async function registryOf(subjectId: string) {
    const [subject] = await t.dataSource.query(
      `SELECT account_email, aliyun_account_id FROM filing_subjects WHERE id = $1`,
      [subjectId],
    );
    const history = await t.dataSource.query(
      `SELECT email, replaced_by_request_id FROM filing_subject_email_history WHERE subject_id = $1`,
      [subjectId],
    );
    return { ...subject, history };
  }

  describe('every transition', () => {
    it('claim, release, claim again, record checks and approve an individual: approved at once, the registry updated', async () => {
      const created = await submitReviewable(t);
      const before = await registryOf(created.subject.id);
      await act(liNa, created.id, 'claim');
      expect(await statusOf(t, created.id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: liNa.id,
      });
      await act(liNa, created.id, 'release');
      expect(await statusOf(t, created.id)).toMatchObject({
        status: 'PENDING_REVIEW',
        assignee_id: null,
      });
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'checks', await checksForm(t, created.id));
      const approved = await act(liNa, created.id, 'approve');
      expect(approved.status).toBe(303);
      expect(await messagesAfter(await as(liNa))).toContain(
        'Approved. The account email was replaced.',
      );
      expect((await statusOf(t, created.id)).status).toBe('APPROVED');

      const after = await registryOf(created.subject.id);
      expect(after).toMatchObject({
        account_email: created.newAccountEmail,
        aliyun_account_id: created.aliyunAccountId,
      });
      expect(after.history).toContainEqual({
        email: before.account_email,
        replaced_by_request_id: created.id,
      });
      expect(await actionsOf(t, created.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.released',
        'request.claimed',
        'request.checks_recorded',
        'request.approved',
        'registry.account_email_replaced',
      ]);
      // Both the old and the new account email are told, in the same transaction.
      expect(await outboxOf(created.id)).toEqual([
        { kind: 'request.approved', recipient: created.newAccountEmail },
        { kind: 'request.approved.previous_address', recipient: before.account_email },
      ]);
    });

    it('sends an organization to a second senior, who approves it', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      await act(wangFang, created.id, 'claim');
      await act(wangFang, created.id, 'checks', await checksForm(t, created.id));
      await act(wangFang, created.id, 'approve');
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_SECOND_APPROVAL');
      expect(await outboxOf(created.id)).toEqual([]);
      expect((await registryOf(created.subject.id)).account_email).toBe(
        created.subject.accountEmail,
      );
      await act(chenJie, created.id, 'second-approval');
      expect((await statusOf(t, created.id)).status).toBe('APPROVED');
      expect((await registryOf(created.subject.id)).account_email).toBe(created.newAccountEmail);
      expect((await actionsOf(t, created.id)).slice(-3)).toEqual([
        'request.approved',
        'request.second_approval_given',
        'registry.account_email_replaced',
      ]);
      expect((await outboxOf(created.id)).map((row) => row.kind)).toEqual([
        'request.approved',
        'request.approved.previous_address',
      ]);
    });

    it('lets the second senior return a request to its reviewer with a note, or reject it instead', async () => {
      const returned = await submitReviewable(t, { type: 'ORGANIZATION' });
      await act(liNa, returned.id, 'claim');
      await act(liNa, returned.id, 'checks', await checksForm(t, returned.id));
      await act(liNa, returned.id, 'approve');
      await act(chenJie, returned.id, 'return', {
        note: 'The seal on the letter is unreadable; look again.',
      });
      expect(await statusOf(t, returned.id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: liNa.id,
      });
      await act(liNa, returned.id, 'approve');
      await act(wangFang, returned.id, 'reject', {
        reasons: ['AUTHORIZATION_LETTER_INVALID', 'SUSPECTED_FRAUD'],
        message: 'The letter is not stamped by the company.',
      });
      expect((await statusOf(t, returned.id)).status).toBe('REJECTED');
    });

    it('rejects with reasons and a message to the applicant', async () => {
      const created = await submitReviewable(t);
      await act(zhangWei, created.id, 'claim');
      await act(zhangWei, created.id, 'reject', {
        reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        message: 'The ID photo is blurred.',
      });
      expect((await statusOf(t, created.id)).status).toBe('REJECTED');
      const [event] = await t.dataSource.query(
        `SELECT details FROM audit_events WHERE request_id = $1 AND action = 'request.rejected'`,
        [created.id],
      );
      expect(event.details).toMatchObject({
        reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        message: 'The ID photo is blurred.',
      });
      expect(await outboxOf(created.id)).toEqual([
        { kind: 'request.rejected', recipient: created.newAccountEmail },
      ]);
      const [mail] = await t.dataSource.query(
        `SELECT body_text FROM outbox_messages WHERE request_id = $1`,
        [created.id],
      );
      expect(mail.body_text).toContain('The ID photo is blurred.');
    });

    it('asks for more information, and takes the resubmission back to the same reviewer', async () => {
      const created = await submitReviewable(t);
      await act(zhangWei, created.id, 'claim');
      await act(zhangWei, created.id, 'request-info', {
        documents: ['ID_FRONT', 'HALF_LENGTH_PHOTO'],
        fields: '',
        message: 'The photos are too dark.',
      });
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_APPLICANT');
      expect(await outboxOf(created.id)).toEqual([
        { kind: 'request.information_requested', recipient: created.newAccountEmail },
      ]);
      const [front, , photo] = individualDocuments();
      const incomplete = await request(t.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
        .attach('ID_FRONT', front!.content, 'front.jpg');
      expect(incomplete.status).toBe(422);
      expect(incomplete.body.title).toContain('HALF_LENGTH_PHOTO, which is missing');
      const resubmitted = await request(t.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
        .attach('ID_FRONT', front!.content, 'front.jpg')
        .attach('HALF_LENGTH_PHOTO', photo!.content, 'photo.jpg');
      expect(resubmitted.status).toBe(200);
      expect(await statusOf(t, created.id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: zhangWei.id,
      });
      const documents: { kind: string; superseded: boolean }[] = await t.dataSource.query(
        `SELECT kind, superseded_at IS NOT NULL AS superseded FROM request_documents WHERE request_id = $1 ORDER BY kind, superseded`,
        [created.id],
      );
      expect(
        documents.filter((document) => document.superseded).map((document) => document.kind),
      ).toEqual(['HALF_LENGTH_PHOTO', 'ID_FRONT']);
    });

    it('lets a senior reassign a request to another reviewer', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(wangFang, created.id, 'reassign', { assigneeId: zhangWei.id });
      expect(await statusOf(t, created.id)).toMatchObject({
        status: 'IN_REVIEW',
        assignee_id: zhangWei.id,
      });
    });

    it('flags the other open requests for the same subject when one is approved', async () => {
      const first = await submitReviewable(t);
      expect((await statusOf(t, first.id)).risk_flags).toEqual([]);
      const second = await submitReviewable(t, { subject: first.subject });
      expect((await statusOf(t, second.id)).risk_flags).toEqual(['DUPLICATE_OPEN_REQUEST']);
      await act(liNa, second.id, 'claim');
      await act(liNa, second.id, 'checks', await checksForm(t, second.id));
      await act(liNa, second.id, 'approve');
      expect((await statusOf(t, second.id)).status).toBe('AWAITING_SECOND_APPROVAL');
      await act(wangFang, second.id, 'second-approval');
      expect((await statusOf(t, second.id)).status).toBe('APPROVED');
      expect((await statusOf(t, first.id)).risk_flags).toEqual(['DUPLICATE_OPEN_REQUEST']);
      const [flagged] = await t.dataSource.query(
        `SELECT details FROM audit_events WHERE request_id = $1 AND action = 'request.flagged'`,
        [first.id],
      );
      expect(flagged.details.because).toBe(`${second.reference} was approved for the same subject`);
    });
  });

  describe('every refusal, in words, with nothing changed', () => {
    async function unchanged(requestId: string, run: () => Promise<unknown>): Promise<void> {
      const before = {
        status: await statusOf(t, requestId),
        actions: await actionsOf(t, requestId),
      };
      await run();
      expect({
        status: await statusOf(t, requestId),
        actions: await actionsOf(t, requestId),
      }).toEqual(before);
    }

    it('an auditor cannot claim, and a direct POST gets 403', async () => {
      const created = await submitReviewable(t);
      await unchanged(created.id, async () => {
        const response = await act(auditor, created.id, 'claim');
        expect(response.status).toBe(403);
      });
    });

    it('a reviewer who is not senior cannot reassign or give a second approval (403)', async () => {
      const created = await submitReviewable(t);
      await unchanged(created.id, async () => {
        expect((await act(liNa, created.id, 'reassign', { assigneeId: liNa.id })).status).toBe(403);
        expect((await act(liNa, created.id, 'second-approval')).status).toBe(403);
      });
    });

    it('only the reviewer holding the request can approve it', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'checks', await checksForm(t, created.id));
      await unchanged(created.id, async () => {
        await act(zhangWei, created.id, 'approve');
        expect(await messagesAfter(await as(zhangWei))).toContain(
          'Only the reviewer holding this request can approve it; Li Na holds it.',
        );
      });
    });

    it('the first approver never gives the second approval', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      await act(wangFang, created.id, 'claim');
      await act(wangFang, created.id, 'checks', await checksForm(t, created.id));
      await act(wangFang, created.id, 'approve');
      await unchanged(created.id, async () => {
        await act(wangFang, created.id, 'second-approval');
        expect(await messagesAfter(await as(wangFang))).toContain(
          'This request was approved by you; a different senior reviewer must give the second approval.',
        );
      });
    });

    it('approval is refused while a check failed', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(
        liNa,
        created.id,
        'checks',
        await checksForm(t, created.id, (kind) => (kind === 'ID_BACK' ? { valid: 'no' } : {})),
      );
      await unchanged(created.id, async () => {
        await act(liNa, created.id, 'approve');
        expect((await messagesAfter(await as(liNa))).join(' ')).toContain(
          'ID card, back failed a check',
        );
      });
    });

    it('approval is refused while the Alibaba Cloud account holds another subject, even if bound after intake', async () => {
      const created = await submitReviewable(t);
      expect((await statusOf(t, created.id)).risk_flags).toEqual([]);
      // After intake, the account gets bound to another subject.
      await registerSubject(t, {
        type: 'ORGANIZATION',
        name: '另一家公司',
        credentialNumber: creditCode(),
        filingNumber: filingNumber('沪'),
        aliyunAccountId: created.aliyunAccountId,
      });
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'checks', await checksForm(t, created.id));
      await unchanged(created.id, async () => {
        await act(liNa, created.id, 'approve');
        expect((await messagesAfter(await as(liNa))).join(' ')).toContain(
          'already holds another filing subject',
        );
      });
      expect((await registryOf(created.subject.id)).account_email).toBe(
        created.subject.accountEmail,
      );
    });

    it('a decided request cannot be acted on again', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'reject', {
        reasons: ['OTHER'],
        message: 'Duplicate of an earlier request.',
      });
      await unchanged(created.id, async () => {
        await act(liNa, created.id, 'approve');
        expect(await messagesAfter(await as(liNa))).toContain(
          'This request is rejected, so it cannot be approved.',
        );
        await act(zhangWei, created.id, 'claim');
        expect(await messagesAfter(await as(zhangWei))).toContain(
          'This request is rejected, so it cannot be claimed.',
        );
      });
    });

    it('a rejection needs a reason and a message, and keeps what was typed', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await unchanged(created.id, async () => {
        await act(liNa, created.id, 'reject', { message: 'Half a sentence' });
        expect(await messagesAfter(await as(liNa))).toContain('Choose at least one reason.');
      });
    });
  });

  describe('concurrency: two reviewers, one request, exactly one decision', () => {
    let reviewers: TestStaff[];

    beforeAll(async () => {
      reviewers = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          createStaff(t.app, 'REVIEWER', `Reviewer ${index + 1}`),
        ),
      );
      await Promise.all(reviewers.map((reviewer) => as(reviewer)));
    });

    for (const round of [1, 2, 3, 4, 5]) {
      it(`20 concurrent claims: one wins, the others are told who (round ${round})`, async () => {
        const created = await submitReviewable(t);
        const responses = await Promise.all(
          reviewers.map((reviewer) => act(reviewer, created.id, 'claim')),
        );
        expect(responses.every((response) => response.status === 303)).toBe(true);
        const { assignee_id } = await statusOf(t, created.id);
        const winner = reviewers.find((reviewer) => reviewer.id === assignee_id)!;
        expect(winner).toBeDefined();
        expect(
          (await actionsOf(t, created.id)).filter((action) => action === 'request.claimed'),
        ).toHaveLength(1);
        const loser = reviewers.find((reviewer) => reviewer.id !== winner.id)!;
        expect(await messagesAfter(await as(loser))).toContain(
          `${winner.name} claimed this request a moment ago.`,
        );
        expect(await messagesAfter(await as(winner))).toContain('You now hold this request.');
      });

      it(`20 concurrent approvals and rejections: exactly one outcome, one audit event (round ${round})`, async () => {
        const holder = reviewers[round]!;
        const created = await submitReviewable(t);
        await act(holder, created.id, 'claim');
        await act(holder, created.id, 'checks', await checksForm(t, created.id));
        // The holder double-clicks in many tabs, and others try too.
        const tabs = await Promise.all(
          Array.from({ length: 10 }, () => signedIn(t.url, holder.email, holder.password)),
        );
        await Promise.all(tabs.map((tab) => tab.page('/queue')));
        await Promise.all([
          ...tabs.slice(0, 5).map((tab) => tab.submit(`/requests/${created.id}/approve`)),
          ...tabs
            .slice(5)
            .map((tab) =>
              tab.submit(`/requests/${created.id}/reject`, { reasons: ['OTHER'], message: 'No.' }),
            ),
          ...reviewers
            .slice(10, 20)
            .map((reviewer, index) =>
              index % 2
                ? act(reviewer, created.id, 'approve')
                : act(reviewer, created.id, 'reject', { reasons: ['OTHER'], message: 'No.' }),
            ),
        ]);
        const { status } = await statusOf(t, created.id);
        expect(['APPROVED', 'REJECTED']).toContain(status);
        const decisions = (await actionsOf(t, created.id)).filter(
          (action) => action === 'request.approved' || action === 'request.rejected',
        );
        expect(decisions).toEqual([
          status === 'APPROVED' ? 'request.approved' : 'request.rejected',
        ]);
        const replaced = (await actionsOf(t, created.id)).filter(
          (action) => action === 'registry.account_email_replaced',
        );
        expect(replaced).toHaveLength(status === 'APPROVED' ? 1 : 0);
      });
    }
  });

  it("keeps the applicant's ID number out of the audit trail", async () => {
    const created = await submitReviewable(t);
    const [row] = await t.dataSource.query(
      `SELECT applicant_id_number FROM initialization_requests WHERE id = $1`,
      [created.id],
    );
    const events = JSON.stringify(
      await t.dataSource.query(`SELECT details FROM audit_events WHERE request_id = $1`, [
        created.id,
      ]),
    );
    expect(events).not.toContain(row.applicant_id_number);
    expect(residentId()).toHaveLength(18);
  });
});
