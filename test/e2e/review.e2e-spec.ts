import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { registerSubject } from '../support/registry.js';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments } from '../support/intake.js';
import {
  actionsOf,
  auditEventsOf,
  checksForm,
  flashesAfter,
  messagesAfter,
  outboxRowsOf,
  registrySubjectOf,
  statusOf,
  submitReviewable,
  type ReviewableRequest,
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

  async function deadlineOf(
    requestId: string,
  ): Promise<{ due_at: Date | null; expires_at: Date | null; clock_started_at: Date }> {
    const [row] = await t.dataSource.query(
      `SELECT due_at, expires_at, clock_started_at FROM initialization_requests WHERE id = $1`,
      [requestId],
    );
    return row;
  }

  function withdraw(requestId: string) {
    return request(t.url)
      .post(`/api/v1/initialization-requests/${requestId}/withdrawal`)
      .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`);
  }

  /**
   * Runs a refused action and proves it changed nothing: the request, its
   * audit trail, its outbox rows and its registry subject are as before.
   */
  async function unchanged(created: ReviewableRequest, run: () => Promise<unknown>): Promise<void> {
    const snapshot = async () => ({
      status: await statusOf(t, created.id),
      actions: await actionsOf(t, created.id),
      outbox: (await outboxRowsOf(t, created.id)).length,
      registry: await registrySubjectOf(t, created.subject.id),
    });
    const before = await snapshot();
    await run();
    expect(await snapshot()).toEqual(before);
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
      const [returnedEvent] = (await auditEventsOf(t, returned.id)).slice(-1);
      expect(returnedEvent).toMatchObject({
        action: 'request.returned_for_review',
        actor_type: 'STAFF',
        actor_id: chenJie.id,
        actor_role: 'SENIOR_REVIEWER',
        details: {
          note: 'The seal on the letter is unreadable; look again.',
          assigneeName: 'Li Na',
        },
      });
      // A return stays inside the desk: nobody is mailed.
      expect(await outboxRowsOf(t, returned.id)).toEqual([]);
      await act(liNa, returned.id, 'approve');
      await act(wangFang, returned.id, 'reject', {
        reasons: ['AUTHORIZATION_LETTER_INVALID', 'SUSPECTED_FRAUD'],
        message: 'The letter is not stamped by the company.',
      });
      expect((await statusOf(t, returned.id)).status).toBe('REJECTED');
      expect(await actionsOf(t, returned.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.checks_recorded',
        'request.approved',
        'request.returned_for_review',
        'request.approved',
        'request.rejected',
      ]);
      const [rejectedEvent] = (await auditEventsOf(t, returned.id)).slice(-1);
      expect(rejectedEvent).toMatchObject({
        actor_id: wangFang.id,
        actor_role: 'SENIOR_REVIEWER',
        details: {
          reasons: ['AUTHORIZATION_LETTER_INVALID', 'SUSPECTED_FRAUD'],
          message: 'The letter is not stamped by the company.',
        },
      });
      // The registry keeps the subject's email; the applicant is mailed the reasons and the message.
      expect(await registrySubjectOf(t, returned.subject.id)).toEqual({
        account_email: returned.subject.accountEmail,
        aliyun_account_id: null,
        history: [],
      });
      const mails = await outboxRowsOf(t, returned.id);
      expect(mails.map(({ kind, recipient }) => ({ kind, recipient }))).toEqual([
        { kind: 'request.rejected', recipient: returned.newAccountEmail },
      ]);
      expect(mails[0]!.subject).toMatch(new RegExp(`^${returned.reference} `));
      expect(mails[0]!.body_text).toContain('The authorization letter is invalid or not stamped');
      expect(mails[0]!.body_text).toContain('Suspected fraud');
      expect(mails[0]!.body_text).toContain('The letter is not stamped by the company.');
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
      // Received a week ago: the resubmission is a new receipt with a deadline of its own.
      const created = await submitReviewable(t, {
        receivedAt: new Date(Date.now() - 7 * 86_400_000),
      });
      const { due_at: firstDueAt } = await deadlineOf(created.id);
      expect(firstDueAt).not.toBeNull();
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
      const [asked] = (await auditEventsOf(t, created.id)).slice(-1);
      expect(asked).toMatchObject({
        action: 'request.information_requested',
        actor_type: 'STAFF',
        actor_id: zhangWei.id,
        details: {
          documents: ['ID_FRONT', 'HALF_LENGTH_PHOTO'],
          fields: [],
          message: 'The photos are too dark.',
        },
      });
      const { expires_at: expiresAt } = await deadlineOf(created.id);
      expect(expiresAt).not.toBeNull();
      expect(asked!.details.expiresAt).toBe(expiresAt!.toISOString());
      // The mail names each document to upload again, the reviewer's reason, and the reference.
      const [asking] = await outboxRowsOf(t, created.id);
      expect(asking!.subject).toMatch(new RegExp(`^${created.reference} `));
      expect(asking!.body_text).toContain('Upload again: ID card, front');
      expect(asking!.body_text).toContain('Upload again: Half-length photo holding the credential');
      expect(asking!.body_text).not.toContain('Upload again: ID card, back');
      expect(asking!.body_text).toContain('The photos are too dark.');
      const actionsWhileWaiting = await actionsOf(t, created.id);
      const [front, , photo] = individualDocuments();
      const incomplete = await request(t.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
        .attach('ID_FRONT', front!.content, 'front.jpg');
      expect(incomplete.status).toBe(400);
      expect(incomplete.body.errors).toEqual([
        {
          field: 'HALF_LENGTH_PHOTO',
          code: 'document.required',
          message: expect.stringContaining('HALF_LENGTH_PHOTO was asked for'),
        },
      ]);
      expect(await actionsOf(t, created.id)).toEqual(actionsWhileWaiting);
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_APPLICANT');
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
      // The clock restarted: a new dueAt, in the future, and no expiry while in review.
      const resumed = await deadlineOf(created.id);
      expect(resumed.due_at).not.toBeNull();
      expect(resumed.due_at!.getTime()).toBeGreaterThan(Date.now());
      expect(resumed.due_at!.getTime()).toBeGreaterThan(firstDueAt!.getTime());
      expect(resumed.expires_at).toBeNull();
      expect(resubmitted.body.dueAt).toBe(resumed.due_at!.toISOString());
      const [back] = (await auditEventsOf(t, created.id)).slice(-1);
      expect(back).toMatchObject({
        action: 'request.resubmitted',
        actor_type: 'INTAKE_CLIENT',
        actor_id: null,
        details: {
          documents: ['ID_FRONT', 'HALF_LENGTH_PHOTO'],
          dueAt: resumed.due_at!.toISOString(),
          assigneeName: 'Zhang Wei',
        },
      });
      expect(await actionsOf(t, created.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.information_requested',
        'request.resubmitted',
      ]);
      // The resubmission mails nobody: the outbox still holds only the request for information.
      expect(await outboxOf(created.id)).toEqual([
        { kind: 'request.information_requested', recipient: created.newAccountEmail },
      ]);
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
      expect(await actionsOf(t, created.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.reassigned',
      ]);
      const [reassigned] = (await auditEventsOf(t, created.id)).slice(-1);
      expect(reassigned).toMatchObject({
        actor_type: 'STAFF',
        actor_id: wangFang.id,
        actor_role: 'SENIOR_REVIEWER',
        details: {
          fromId: liNa.id,
          fromName: 'Li Na',
          assigneeId: zhangWei.id,
          assigneeName: 'Zhang Wei',
        },
      });
      // Reassignment stays inside the desk: nobody is mailed, the registry is untouched.
      expect(await outboxOf(created.id)).toEqual([]);
      expect(await registrySubjectOf(t, created.subject.id)).toEqual({
        account_email: created.subject.accountEmail,
        aliyun_account_id: null,
        history: [],
      });
    });

    it('lets the public system withdraw a request in review: withdrawn, audited, nobody mailed', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'checks', await checksForm(t, created.id));
      const response = await withdraw(created.id);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ id: created.id, status: 'WITHDRAWN' });
      expect((await statusOf(t, created.id)).status).toBe('WITHDRAWN');
      expect(await actionsOf(t, created.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.checks_recorded',
        'request.withdrawn',
      ]);
      const [withdrawn] = (await auditEventsOf(t, created.id)).slice(-1);
      expect(withdrawn).toMatchObject({
        actor_type: 'INTAKE_CLIENT',
        actor_id: null,
        actor_name: 'test-client',
      });
      expect(await outboxOf(created.id)).toEqual([]);
      expect(await registrySubjectOf(t, created.subject.id)).toEqual({
        account_email: created.subject.accountEmail,
        aliyun_account_id: null,
        history: [],
      });
      // The reviewer who held it can no longer approve it.
      await act(liNa, created.id, 'approve');
      expect(await messagesAfter(await as(liNa))).toContain(
        'This request is withdrawn, so it cannot be approved.',
      );
      expect((await statusOf(t, created.id)).status).toBe('WITHDRAWN');
    });

    it('lets the public system withdraw a request awaiting the applicant: no resubmission afterwards', async () => {
      const created = await submitReviewable(t);
      await act(zhangWei, created.id, 'claim');
      await act(zhangWei, created.id, 'request-info', {
        documents: ['ID_BACK'],
        fields: '',
        message: 'The back of the ID card is cut off.',
      });
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_APPLICANT');
      const response = await withdraw(created.id);
      expect(response.status).toBe(200);
      expect((await statusOf(t, created.id)).status).toBe('WITHDRAWN');
      expect(await actionsOf(t, created.id)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.information_requested',
        'request.withdrawn',
      ]);
      const [withdrawn] = (await auditEventsOf(t, created.id)).slice(-1);
      expect(withdrawn).toMatchObject({ actor_type: 'INTAKE_CLIENT', actor_name: 'test-client' });
      // Only the earlier request for information was mailed; the withdrawal mails nobody.
      expect(await outboxOf(created.id)).toEqual([
        { kind: 'request.information_requested', recipient: created.newAccountEmail },
      ]);
      const [, back] = individualDocuments();
      await unchanged(created, async () => {
        const late = await request(t.url)
          .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
          .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
          .attach('ID_BACK', back!.content, 'back.jpg');
        expect(late.status).toBe(409);
        expect(late.body.title).toContain('This request is withdrawn');
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
    it('an auditor cannot claim, and a direct POST gets 403', async () => {
      const created = await submitReviewable(t);
      await unchanged(created, async () => {
        const response = await act(auditor, created.id, 'claim');
        expect(response.status).toBe(403);
      });
    });

    it('a reviewer who is not senior cannot reassign or give a second approval (403)', async () => {
      const created = await submitReviewable(t);
      await unchanged(created, async () => {
        expect((await act(liNa, created.id, 'reassign', { assigneeId: liNa.id })).status).toBe(403);
        expect((await act(liNa, created.id, 'second-approval')).status).toBe(403);
      });
    });

    it('only the reviewer holding the request can approve it', async () => {
      const created = await submitReviewable(t);
      await act(liNa, created.id, 'claim');
      await act(liNa, created.id, 'checks', await checksForm(t, created.id));
      await unchanged(created, async () => {
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
      await unchanged(created, async () => {
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
      await unchanged(created, async () => {
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
      await unchanged(created, async () => {
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
      await unchanged(created, async () => {
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
      await unchanged(created, async () => {
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

      it(`20 concurrent approvals and rejections: exactly one outcome, one audit event, one set of mails (round ${round})`, async () => {
        const holder = reviewers[round]!;
        const others = reviewers.slice(10, 20);
        const created = await submitReviewable(t);
        await act(holder, created.id, 'claim');
        await act(holder, created.id, 'checks', await checksForm(t, created.id));
        // The holder double-clicks in many tabs, and others try too. The tabs sign in one after
        // another: ten parallel sign-ins of one account are throttled as a guessing attack.
        const tabs: WebSession[] = [];
        for (let tab = 0; tab < 10; tab += 1) {
          tabs.push(await signedIn(t.url, holder.email, holder.password));
        }
        await Promise.all(tabs.map((tab) => tab.page('/queue')));
        // Messages left over from earlier tests are read first, so each session shows only this round's.
        await Promise.all(others.map(async (reviewer) => flashesAfter(await as(reviewer))));
        const responses = await Promise.all([
          ...tabs.slice(0, 5).map((tab) => tab.submit(`/requests/${created.id}/approve`)),
          ...tabs
            .slice(5)
            .map((tab) =>
              tab.submit(`/requests/${created.id}/reject`, { reasons: ['OTHER'], message: 'No.' }),
            ),
          ...others.map((reviewer, index) =>
            index % 2
              ? act(reviewer, created.id, 'approve')
              : act(reviewer, created.id, 'reject', { reasons: ['OTHER'], message: 'No.' }),
          ),
        ]);
        expect(responses.map((response) => response.status)).toEqual(responses.map(() => 303));
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
        // One set of mails: the new and the old address for an approval, the applicant for a rejection.
        expect(await outboxOf(created.id)).toEqual(
          status === 'APPROVED'
            ? [
                { kind: 'request.approved', recipient: created.newAccountEmail },
                {
                  kind: 'request.approved.previous_address',
                  recipient: created.subject.accountEmail,
                },
              ]
            : [{ kind: 'request.rejected', recipient: created.newAccountEmail }],
        );

        // Exactly one tab of the holder is told it worked; everyone else is told, in words, why not.
        const decided = status === 'APPROVED' ? 'approved' : 'rejected';
        const refusals = (verb: 'approve' | 'reject', holding: boolean) => [
          `This request is ${decided}, so it cannot be ${verb === 'approve' ? 'approved' : 'rejected'}.`,
          ...(holding
            ? []
            : [`Only the reviewer holding this request can ${verb} it; ${holder.name} holds it.`]),
        ];
        const told = await Promise.all([
          ...tabs.map(async (tab, index) => ({
            verb: index < 5 ? ('approve' as const) : ('reject' as const),
            holding: true,
            flashes: await flashesAfter(tab),
          })),
          ...others.map(async (reviewer, index) => ({
            verb: index % 2 ? ('approve' as const) : ('reject' as const),
            holding: false,
            flashes: await flashesAfter(await as(reviewer)),
          })),
        ]);
        const winners = told.filter(({ flashes }) =>
          flashes.some(({ kind }) => kind === 'success'),
        );
        expect(winners).toHaveLength(1);
        expect(winners[0]!).toMatchObject({
          verb: status === 'APPROVED' ? 'approve' : 'reject',
          holding: true,
          flashes: [
            {
              kind: 'success',
              text:
                status === 'APPROVED'
                  ? 'Approved. The account email was replaced.'
                  : 'Rejected. The applicant will be told why.',
            },
          ],
        });
        for (const loser of told.filter((session) => session !== winners[0])) {
          expect(loser.flashes).toHaveLength(1);
          expect(loser.flashes[0]!.kind).toBe('error');
          expect(refusals(loser.verb, loser.holding)).toContain(loser.flashes[0]!.text);
        }
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
