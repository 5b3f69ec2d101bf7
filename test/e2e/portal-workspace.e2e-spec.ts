import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { appendAuditEvents } from '../support/audit-fixtures.js';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { registerSubject } from '../support/registry.js';
import {
  actionsOf,
  checksForm,
  documentsOf,
  statusOf,
  submitReviewable,
} from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Decodes what Handlebars escaped, to compare with plain text. */
const text = (html: string): string =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&#x60;/g, '`')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** What a textarea holds, as text. */
function textareaOf(html: string, id: string): string | undefined {
  const match = new RegExp(`<textarea id="${id}"[^>]*>([^<]*)</textarea>`).exec(html);
  return match ? text(match[1]!) : undefined;
}

/** The values of the checked checkboxes named `name`. */
function checkedOf(html: string, name: string): string[] {
  return [...html.matchAll(new RegExp(`<input type="checkbox"[^>]*name="${name}"[^>]*>`, 'g'))]
    .filter((match) => / checked[ >]/.test(match[0]))
    .map((match) => /value="([^"]*)"/.exec(match[0])![1]!);
}

function timelineOf(html: string): string[] {
  return [...html.matchAll(/<p class="event-sentence">([^<]*)<\/p>/g)].map((match) =>
    text(match[1]!),
  );
}

describe('the request workspace and its documents', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let zhangWei: TestStaff;
  let wangFang: TestStaff;
  let auditor: TestStaff;
  let admin: TestStaff;
  const sessions = new Map<string, WebSession>();

  async function as(staff: TestStaff): Promise<WebSession> {
    let session = sessions.get(staff.id);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password);
      sessions.set(staff.id, session);
    }
    return session;
  }

  async function auditedViews(
    requestId: string,
  ): Promise<{ actor_name: string; details: Record<string, unknown> }[]> {
    return t.dataSource.query(
      `SELECT actor_name, details FROM audit_events WHERE request_id = $1 AND action = 'document.viewed' ORDER BY seq`,
      [requestId],
    );
  }

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, zhangWei, wangFang, auditor, admin] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'REVIEWER', 'Zhang Wei'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'ADMIN', 'Liu Yang'),
    ]);
  });
  afterAll(() => t?.close());

  describe('documents', () => {
    it('serves a document inline with its content type, never cached or sniffed, and audits the view', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      const [stored] = await t.dataSource.query(
        `SELECT id, sha256, media_type, size_bytes FROM request_documents WHERE request_id = $1 AND kind = 'ID_FRONT'`,
        [created.id],
      );
      const session = await as(liNa);
      const response = await session.agent
        .get(`/requests/${created.id}/documents/${stored.id}`)
        .buffer(true)
        .parse((res, done) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => done(null, Buffer.concat(chunks)));
        });
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toBe('image/jpeg');
      expect(response.headers['content-disposition']).toBe(
        `inline; filename="${created.reference}-ID_FRONT.jpg"`,
      );
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(Number(response.headers['content-length'])).toBe(stored.size_bytes);
      expect(sha256(response.body as Buffer)).toBe(stored.sha256.trim());

      const views = await auditedViews(created.id);
      expect(views).toHaveLength(1);
      expect(views[0]).toMatchObject({
        actor_name: 'Li Na',
        details: { documentId: stored.id, kind: 'ID_FRONT', reference: created.reference },
      });

      const letter = (await documentsOf(t, created.id)).find(
        (d) => d.kind === 'AUTHORIZATION_LETTER',
      )!;
      const pdf = await session.agent.get(`/requests/${created.id}/documents/${letter.id}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(
        /^inline; filename="[^"]+-AUTHORIZATION_LETTER\.pdf"$/,
      );
    });

    it('lets auditors view documents (audited) and refuses administrators and strangers', async () => {
      const created = await submitReviewable(t);
      const [front] = (await documentsOf(t, created.id)).filter((d) => d.kind === 'ID_FRONT');
      const path = `/requests/${created.id}/documents/${front!.id}`;
      expect((await (await as(auditor)).agent.get(path)).status).toBe(200);
      expect((await (await as(admin)).agent.get(path)).status).toBe(403);
      const anonymous = await request(t.url).get(path);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toMatch(/^\/login\?next=/);
      const views = await auditedViews(created.id);
      expect(views.map((view) => view.actor_name)).toEqual(['Zhao Min']);
    });

    it('answers 404 for a document of another request, and audits nothing', async () => {
      const [one, other] = await Promise.all([submitReviewable(t), submitReviewable(t)]);
      const [foreign] = await documentsOf(t, other.id);
      const session = await as(liNa);
      expect((await session.agent.get(`/requests/${one.id}/documents/${foreign!.id}`)).status).toBe(
        404,
      );
      expect(
        (
          await session.agent.get(
            `/requests/${one.id}/documents/00000000-0000-4000-8000-000000000000`,
          )
        ).status,
      ).toBe(404);
      expect((await session.agent.get(`/requests/${one.id}/documents/not-a-uuid`)).status).toBe(
        404,
      );
      expect(await auditedViews(one.id)).toEqual([]);
      expect(await auditedViews(other.id)).toEqual([]);
    });
  });

  describe('what each person sees', () => {
    it('shows a reviewer the application beside the registry, the flags explained, and the forms', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      const page = await session.page(`/requests/${created.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain(
        `<h1><span translate="no">${created.reference}</span> <span class="badge badge-info status-badge" data-status>Pending review</span></h1>`,
      );
      expect(page.text).toContain(created.subject.credentialNumber);
      expect(page.text).toContain('No risk flags.');
      expect(page.text).toMatch(/<button type="submit" class="button primary">Claim<\/button>/);
      expect(page.text).toMatch(
        /<button type="submit" class="button primary" disabled aria-describedby="why-approve">Approve<\/button>/,
      );
      expect(page.text).toMatch(
        /<ul class="disabled-reason plain" id="why-approve"><li>The request is not in review.<\/li><li>Every required document must be present and checked/,
      );
      // Before a claim, the checks and the other decisions wait for the holder.
      expect(page.text).toContain('Claim the request to record checks and decide.');
      expect(page.text).not.toContain('name="checks[');
      expect(page.text).not.toContain('>Reject</button>');
      for (const document of await documentsOf(t, created.id))
        expect(page.text).toContain(`src="/requests/${created.id}/documents/${document.id}"`);

      await session.submit(`/requests/${created.id}/claim`);
      const held = await session.page(`/requests/${created.id}`);
      for (const document of await documentsOf(t, created.id))
        expect(held.text).toContain(`name="checks[${document.id}][legible]"`);
      expect(held.text).toMatch(/>Reject<\/button>/);
      expect(held.text).toMatch(/>Request information<\/button>/);
      expect(held.text).toMatch(/>Release<\/button>/);

      const other = await as(zhangWei);
      const notHeld = await other.page(`/requests/${created.id}`);
      expect(notHeld.text).toContain(
        'Li Na holds this request: only they can record checks and decide.',
      );
      // No decision form for them; only the internal note, which any reviewer may add.
      expect(notHeld.text).not.toMatch(/<form method="post" action="\/requests\/[^"]+\/(?!notes")/);
      expect(notHeld.text).toContain(`<form method="post" action="/requests/${created.id}/notes"`);
      expect(page.text).not.toContain('Second approval</button>');
      expect(page.text).not.toContain('Reassign</button>');
    });

    it('shows a senior the reassign form, and the second approval only to a senior who did not approve first', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      const liNaSession = await as(liNa);
      await liNaSession.page(`/requests/${created.id}`);
      await liNaSession.submit(`/requests/${created.id}/claim`);
      await liNaSession.submit(`/requests/${created.id}/checks`, await checksForm(t, created.id));
      const senior = await as(wangFang);
      const beforeApproval = await senior.page(`/requests/${created.id}`);
      expect(beforeApproval.text).toMatch(/>Reassign<\/button>/);
      expect(beforeApproval.text).toContain(`<option value="${zhangWei.id}">Zhang Wei</option>`);
      await liNaSession.submit(`/requests/${created.id}/approve`);
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_SECOND_APPROVAL');

      const waiting = await senior.page(`/requests/${created.id}`);
      expect(waiting.text).toMatch(
        /<button type="submit" class="button primary">Second approval<\/button>/,
      );
      expect(waiting.text).toMatch(/>Return<\/button>/);
      const reviewerView = await liNaSession.page(`/requests/${created.id}`);
      expect(reviewerView.text).not.toContain('Second approval</button>');
      expect(reviewerView.text).toContain('Waiting for a second approval by a senior reviewer.');
    });

    it('shows an auditor the request and its timeline, masked, without a single form', async () => {
      const created = await submitReviewable(t);
      const reviewer = await as(liNa);
      await reviewer.page(`/requests/${created.id}`);
      await reviewer.submit(`/requests/${created.id}/claim`);
      const session = await as(auditor);
      const page = await session.page(`/requests/${created.id}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain(created.subject.credentialNumber);
      expect(page.text).toContain(
        created.subject.credentialNumber.slice(0, 3) +
          '*'.repeat(11) +
          created.subject.credentialNumber.slice(-4),
      );
      expect(page.text).not.toMatch(/<form method="post" action="\/requests\//);
      expect(page.text).toContain('You are signed in as an auditor: this page is read-only.');
      expect(timelineOf(page.text)).toEqual([
        'Li Na claimed the request',
        `The filing system (test-client) submitted request ${created.reference}`,
      ]);
      expect(text(page.text)).toContain(`href="/audit?requestReference=${created.reference}"`);
    });

    it('speaks Chinese to a reviewer whose browser asks for it', async () => {
      const created = await submitReviewable(t);
      const session = new WebSession(t.url, 'zh-CN');
      expect((await session.signIn(liNa.email, liNa.password)).status).toBe(303);
      const page = await session.page(`/requests/${created.id}`);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<html lang="zh-CN">');
      expect(page.text).toContain(
        `<h1><span translate="no">${created.reference}</span> <span class="badge badge-info status-badge" data-status>待审核</span></h1>`,
      );
      for (const heading of [
        '申请信息与备案库比对',
        '申请材料',
        '风险标记',
        '审核结论',
        '处理记录',
      ])
        expect(page.text).toMatch(new RegExp(`<h2 id="h-[a-z]+">${heading}`));
      expect(page.text).toMatch(/<button type="submit" class="button primary">认领<\/button>/);
      expect(page.text).toMatch(
        /<button type="submit" class="button primary" disabled aria-describedby="why-approve">通过<\/button>/,
      );
      expect(page.text).toContain('认领该申请后，才能记录检查结果并作出决定。');
      expect(page.text).toContain('<span class="muted">刚刚</span>');
      expect(page.text).toMatch(
        /<time datetime="[^"]+\+08:00">\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d<\/time>/,
      );
      // No key slipped past the translator.
      expect(page.text).not.toMatch(/\bworkspace\.[a-z]/);

      await session.submit(`/requests/${created.id}/claim`);
      const held = await session.page(`/requests/${created.id}`);
      expect(held.text).toMatch(/>驳回<\/button>/);
      expect(held.text).toMatch(/>要求补正<\/button>/);
      expect(held.text).toMatch(/>释放<\/button>/);
      expect(held.text).toContain('认领人 <strong translate="no">Li Na</strong>');
    });

    it('refuses an auditor’s direct POST and changes nothing', async () => {
      const created = await submitReviewable(t);
      const session = await as(auditor);
      await session.page(`/requests/${created.id}`);
      const before = await actionsOf(t, created.id);
      for (const action of ['claim', 'approve', 'reject']) {
        const response = await session.submit(`/requests/${created.id}/${action}`, {
          reasons: 'OTHER',
          message: 'no',
        });
        expect(response.status).toBe(403);
      }
      expect((await statusOf(t, created.id)).status).toBe('PENDING_REVIEW');
      expect(await actionsOf(t, created.id)).toEqual(before);
    });

    it('answers 404 in words for a request that does not exist', async () => {
      const page = await (await as(liNa)).page('/requests/00000000-0000-4000-8000-000000000000');
      expect(page.status).toBe(404);
      expect(page.text).toContain('<h1>Not found</h1>');
      expect(page.text).toContain(
        'There is no initialization request 00000000-0000-4000-8000-000000000000.',
      );
    });
  });

  describe('the registry comparison', () => {
    it('highlights a name that differs from the registry and explains the flag', async () => {
      const subject = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: '周杰',
        credentialNumber: residentId('330106', '19910203', 555),
        filingNumber: filingNumber(),
      });
      const body = individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '周杰伦',
        credentialNumber: subject.credentialNumber,
        applicant: {
          name: '周杰伦',
          idNumber: subject.credentialNumber,
          role: 'SUBJECT_ADMIN',
          phone: '13300133000',
        },
      });
      const response = await submitIntake(t.url, body, individualDocuments());
      expect(response.body.riskFlags).toContain('SUBJECT_MISMATCH');
      const page = await (await as(liNa)).page(`/requests/${response.body.id}`);
      const row = /<tr class="differs-row">[\s\S]*?<\/tr>/.exec(page.text)?.[0] ?? '';
      expect(row).toContain('Subject name');
      expect(row).toContain('<span class="differs">周杰伦</span>');
      expect(row).toContain('<span class="differs">周杰</span>');
      expect(page.text.match(/class="differs-row"/g)).toHaveLength(1);
      expect(text(page.text)).toContain(
        "Subject mismatch</span> The subject's name or credential number differs from the registry record.",
      );
    });

    it('takes an old organization code in the registry for the same organization', async () => {
      const code = creditCode();
      const subject = await registerSubject(t, {
        type: 'ORGANIZATION',
        name: '宁波示例网络有限公司',
        credentialNumber: `${code.slice(8, 16)}-${code.slice(16, 17)}`,
        filingNumber: filingNumber(),
      });
      const created = await submitReviewable(t, {
        subject: { ...subject, credentialNumber: code },
      });
      const page = await (await as(liNa)).page(`/requests/${created.id}`);
      expect(page.text).not.toContain('class="differs-row"');
      expect(page.text).toContain(
        'The registry holds the older organization code contained in this credit code: the same organization.',
      );
    });
  });

  describe('personal data: in full only where the viewer may review', () => {
    const APPLICANT_ID = residentId('330203', '19850505', 321);
    const masked = (value: string) => value.slice(0, 3) + '*'.repeat(11) + value.slice(-4);

    /** Whether the page shows the applicant's ID, phone and the subject's credential number in full or masked. */
    function personalDataOn(
      html: string,
      created: { subject: { credentialNumber: string } },
    ): 'full' | 'masked' {
      const credential = created.subject.credentialNumber;
      const full = [APPLICANT_ID, credential, '13300133000'].map((value) => html.includes(value));
      const hidden = [masked(APPLICANT_ID), masked(credential), '133****3000'].map((value) =>
        html.includes(value),
      );
      if (full.every(Boolean) && !hidden.some(Boolean)) return 'full';
      if (hidden.every(Boolean) && !full.some(Boolean)) return 'masked';
      throw new Error(`mixed: full ${JSON.stringify(full)}, masked ${JSON.stringify(hidden)}`);
    }
    const seen = async (
      staff: TestStaff,
      created: { id: string; subject: { credentialNumber: string } },
    ) => personalDataOn((await (await as(staff)).page(`/requests/${created.id}`)).text, created);

    it('shows them to every reviewer while nobody holds the request', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      expect(await seen(liNa, created)).toBe('full');
      expect(await seen(zhangWei, created)).toBe('full');
      expect(await seen(wangFang, created)).toBe('full');
      expect(await seen(auditor, created)).toBe('masked');
    });

    it('shows them to the holder and seniors, and masks them for another reviewer, saying why', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      const holder = await as(liNa);
      await holder.page(`/requests/${created.id}`);
      await holder.submit(`/requests/${created.id}/claim`);
      expect(await seen(liNa, created)).toBe('full');
      expect(await seen(wangFang, created)).toBe('full');
      expect(await seen(zhangWei, created)).toBe('masked');
      expect(await seen(auditor, created)).toBe('masked');
      const other = await (await as(zhangWei)).page(`/requests/${created.id}`);
      expect(other.text).toContain('ID and phone numbers are masked: Li Na holds this request.');

      // Awaiting the second approval: the first approver and the seniors, not others.
      await holder.submit(`/requests/${created.id}/checks`, await checksForm(t, created.id));
      await holder.submit(`/requests/${created.id}/approve`);
      expect((await statusOf(t, created.id)).status).toBe('AWAITING_SECOND_APPROVAL');
      expect(await seen(liNa, created)).toBe('full');
      expect(await seen(wangFang, created)).toBe('full');
      expect(await seen(zhangWei, created)).toBe('masked');
    });

    it('masks them on a decided request for everyone, the deciders included', async () => {
      const created = await submitReviewable(t, { type: 'ORGANIZATION' });
      const holder = await as(liNa);
      await holder.page(`/requests/${created.id}`);
      await holder.submit(`/requests/${created.id}/claim`);
      await holder.submit(`/requests/${created.id}/checks`, await checksForm(t, created.id));
      await holder.submit(`/requests/${created.id}/approve`);
      const senior = await as(wangFang);
      await senior.page(`/requests/${created.id}`);
      await senior.submit(`/requests/${created.id}/second-approval`);
      expect((await statusOf(t, created.id)).status).toBe('APPROVED');
      for (const staff of [liNa, zhangWei, wangFang, auditor])
        expect(await seen(staff, created)).toBe('masked');
      expect((await holder.page(`/requests/${created.id}`)).text).toContain(
        'ID and phone numbers are masked: this request is decided.',
      );
    });
  });

  describe('a refused form keeps what was typed', () => {
    it('shows a refused rejection again with its message and the reasons checked', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      const workspace = `/requests/${created.id}`;
      await session.page(workspace);
      await session.submit(`${workspace}/claim`);
      await session.page(workspace);
      const message = 'Your ID photo is blurred <b>please</b> resend it & the letter';

      const noReason = await session.submitFrom(workspace, `${workspace}/reject`, {
        _form: 'reject',
        message,
      });
      expect(noReason.status).toBe(303);
      expect(noReason.headers.location).toBe(workspace);
      const first = await session.page(workspace);
      expect(textareaOf(first.text, 'reject-message')).toBe(message);
      expect(first.text).toContain(
        '<p class="field-error" role="alert">Choose at least one reason.</p>',
      );

      await session.submitFrom(workspace, `${workspace}/reject`, {
        _form: 'reject',
        reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH', 'NOT_A_REASON'],
        message,
      });
      const second = await session.page(workspace);
      expect(textareaOf(second.text, 'reject-message')).toBe(message);
      expect(checkedOf(second.text, 'reasons')).toEqual(['DOCUMENT_UNCLEAR', 'INFO_MISMATCH']);
      expect(text(second.text)).toContain('Unknown reason: NOT_A_REASON.');
      // The request-information form did not inherit any of it.
      expect(textareaOf(second.text, 'ask-message')).toBe('');
      expect((await statusOf(t, created.id)).status).toBe('IN_REVIEW');

      // Shown once: the next look at the page starts empty.
      const third = await session.page(workspace);
      expect(textareaOf(third.text, 'reject-message')).toBe('');
      expect(checkedOf(third.text, 'reasons')).toEqual([]);
    });

    it('shows a refused request for information again with its documents, fields and message', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      const workspace = `/requests/${created.id}`;
      await session.page(workspace);
      await session.submit(`${workspace}/claim`);
      await session.page(workspace);
      await session.submitFrom(workspace, `${workspace}/request-info`, {
        _form: 'request-info',
        documents: ['ID_FRONT', 'PASSPORT'],
        fields: ['applicant.phone', 'subjectType'],
        message: 'Please send a sharper photo of the front of your ID card.',
      });
      const page = await session.page(workspace);
      expect(text(page.text)).toContain('One of the documents asked for is not a document kind.');
      expect(text(page.text)).toContain('subjectType is not a field the applicant can correct');
      expect(checkedOf(page.text, 'documents')).toEqual(['ID_FRONT']);
      expect(checkedOf(page.text, 'fields')).toEqual(['applicant.phone']);
      expect(textareaOf(page.text, 'ask-message')).toBe(
        'Please send a sharper photo of the front of your ID card.',
      );
      expect(textareaOf(page.text, 'reject-message')).toBe('');
      expect((await statusOf(t, created.id)).status).toBe('IN_REVIEW');
    });
  });

  describe('the timeline', () => {
    it('keeps the submission, the claim and every decision however often the documents were viewed', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      await session.page(`/requests/${created.id}`);
      await session.submit(`/requests/${created.id}/claim`);
      const [front] = (await documentsOf(t, created.id)).filter((d) => d.kind === 'ID_FRONT');
      // Two people looking in turn, 300 times: 300 separate runs of views, far beyond any page.
      const start = Date.now() - 60 * 60_000;
      await appendAuditEvents(
        t.dataSource,
        Array.from({ length: 300 }, (_, index) => {
          const viewer = index % 2 === 0 ? liNa : wangFang;
          return {
            occurredAt: new Date(start + index * 1000),
            actorType: 'STAFF',
            actorId: viewer.id,
            actorRole: viewer === liNa ? 'REVIEWER' : 'SENIOR_REVIEWER',
            actorName: viewer.name,
            action: 'document.viewed',
            requestId: created.id,
            subjectId: null,
            details: { documentId: front!.id, kind: 'ID_FRONT', reference: created.reference },
            ip: '10.0.0.9',
          };
        }),
      );
      // And a real look at a document, as the workspace's images do.
      await session.agent.get(`/requests/${created.id}/documents/${front!.id}`);
      await session.submit(`/requests/${created.id}/release`);

      const page = await session.page(`/requests/${created.id}`);
      const timeline = timelineOf(page.text);
      expect(timeline[0]).toBe('Li Na released the request back to the queue');
      expect(timeline[1]).toBe('Li Na viewed ID card, front');
      expect(timeline.slice(-2)).toEqual([
        'Li Na claimed the request',
        `The filing system (test-client) submitted request ${created.reference}`,
      ]);
      const views = timeline.filter((sentence) => / viewed /.test(sentence));
      expect(views.length).toBeGreaterThan(10);
      expect(views.length).toBeLessThanOrEqual(50);
      expect(page.text).toContain(
        'Older document views are not listed here; every other event is.',
      );
    });

    it('groups a long run of views by one person into one entry with the exact count', async () => {
      const created = await submitReviewable(t);
      const session = await as(zhangWei);
      const [front] = (await documentsOf(t, created.id)).filter((d) => d.kind === 'ID_FRONT');
      const start = Date.now() - 30 * 60_000;
      await appendAuditEvents(
        t.dataSource,
        Array.from({ length: 250 }, (_, index) => ({
          occurredAt: new Date(start + index * 1000),
          actorType: 'STAFF',
          actorId: zhangWei.id,
          actorRole: 'REVIEWER',
          actorName: zhangWei.name,
          action: 'document.viewed',
          requestId: created.id,
          subjectId: null,
          details: { documentId: front!.id, kind: index % 2 ? 'ID_FRONT' : 'ID_BACK' },
          ip: '10.0.0.9',
        })),
      );
      const page = await session.page(`/requests/${created.id}`);
      expect(timelineOf(page.text)).toEqual([
        'Zhang Wei viewed ID card, front; ID card, back (250 views)',
        `The filing system (test-client) submitted request ${created.reference}`,
      ]);
      expect(page.text).not.toContain('Older document views are not listed');
    });

    it('lists every audit event of the request, newest first, in words with how long ago', async () => {
      const created = await submitReviewable(t);
      const session = await as(liNa);
      await session.page(`/requests/${created.id}`);
      await session.submit(`/requests/${created.id}/claim`);
      const [front] = (await documentsOf(t, created.id)).filter((d) => d.kind === 'ID_FRONT');
      await session.agent.get(`/requests/${created.id}/documents/${front!.id}`);
      await session.submit(`/requests/${created.id}/checks`, await checksForm(t, created.id));
      await session.submit(`/requests/${created.id}/approve`);
      const page = await session.page(`/requests/${created.id}`);
      const timeline = timelineOf(page.text);
      expect(timeline[2]).toMatch(/^Li Na recorded document checks: /);
      for (const kind of [
        'ID card, front',
        'ID card, back',
        'Half-length photo holding the credential',
      ])
        expect(timeline[2]).toContain(`${kind} passed`);
      expect([...timeline.slice(0, 2), ...timeline.slice(3)]).toEqual([
        `Li Na replaced the filing account email of ${created.subject.filingNumber} in the registry`,
        'Li Na approved — the account email was replaced',
        'Li Na viewed ID card, front',
        'Li Na claimed the request',
        `The filing system (test-client) submitted request ${created.reference}`,
      ]);
      expect(page.text).toMatch(
        /<time datetime="[^"]+\+08:00">[A-Z][a-z]{2} \d{1,2}, \d{4}, \d\d:\d\d<\/time> <span class="muted">just now<\/span>/,
      );
      expect(page.text).toContain(
        '<span class="badge badge-ok status-badge" data-status>Approved</span>',
      );
    });
  });
});
