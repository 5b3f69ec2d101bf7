import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auditEventsOf, checksForm, submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

/** Text as Handlebars escaped it, back to what was typed. */
const decode = (html: string): string =>
  html
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The notes the workspace lists, oldest first. */
const notesOf = (html: string): string[] =>
  [
    ...html.matchAll(/<blockquote class="message" translate="no" data-note>([^<]*)<\/blockquote>/g),
  ].map((match) => decode(match[1]!));

/** The workspace's internal notes section and its timeline, as the page shows them. */
const sectionOf = (html: string, name: 'notes-panel' | 'timeline-panel'): string =>
  decode(new RegExp(`<section class="panel ${name}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '');

/** The error a refused form shows above its fields, and what its textarea kept. */
const noteFormOf = (html: string): { error: string | null; typed: string | null } => {
  const form = /<form method="post" action="\/requests\/[^"]+\/notes"[\s\S]*?<\/form>/.exec(
    html,
  )?.[0];
  if (!form) return { error: null, typed: null };
  return {
    error: /<p class="field-error" role="alert">([^<]*)<\/p>/.exec(form)?.[1] ?? null,
    typed: decode(/<textarea id="note-text"[^>]*>([^<]*)<\/textarea>/.exec(form)?.[1] ?? ''),
  };
};

describe('internal notes on a request', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let wangFang: TestStaff;
  let auditor: TestStaff;
  const sessions = new Map<string, WebSession>();

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, wangFang, auditor] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'SENIOR_REVIEWER', 'Wang Fang'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
    ]);
  });
  afterAll(() => t?.close());

  async function as(staff: TestStaff, locale = 'en'): Promise<WebSession> {
    const key = `${staff.id}:${locale}`;
    let session = sessions.get(key);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password, locale);
      sessions.set(key, session);
    }
    return session;
  }

  /** Writes a note from the request's workspace, as the page's form does. */
  async function note(staff: TestStaff, requestId: string, text: string) {
    const session = await as(staff);
    const workspace = `/requests/${requestId}`;
    await session.page(workspace);
    return session.submitFrom(workspace, `${workspace}/notes`, { _form: 'note', text });
  }

  async function storedNotesOf(requestId: string) {
    return t.dataSource.query(
      `SELECT author_name, author_role, text FROM request_notes WHERE request_id = $1
        ORDER BY created_at, id`,
      [requestId],
    );
  }

  it('lets reviewers and seniors add notes, shown in the workspace and its timeline and audited', async () => {
    const request = await submitReviewable(t);
    const first = await note(
      liNa,
      request.id,
      '  Called the applicant: the letter is on its way.  ',
    );
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe(`/requests/${request.id}#notes`);
    const second = await note(wangFang, request.id, '请等授权书原件到后再审。');
    expect(second.status).toBe(303);

    const page = await (await as(liNa)).page(`/requests/${request.id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Note added. Only the staff can read it.');
    expect(notesOf(page.text)).toEqual([
      'Called the applicant: the letter is on its way.',
      '请等授权书原件到后再审。',
    ]);
    const notes = sectionOf(page.text, 'notes-panel');
    expect(notes).toContain('Internal notes');
    expect(notes).toContain('never sent to the applicant');
    expect(notes).toMatch(
      /<strong translate="no">Li Na<\/strong> <span class="muted">Reviewer<\/span>/,
    );
    expect(notes).toMatch(
      /<strong translate="no">Wang Fang<\/strong> <span class="muted">Senior reviewer<\/span>/,
    );
    const timeline = sectionOf(page.text, 'timeline-panel');
    expect(timeline).toContain('Called the applicant: the letter is on its way.');
    expect(timeline).toContain('请等授权书原件到后再审。');

    const added = (await auditEventsOf(t, request.id)).filter(
      (event) => event.action === 'request.note_added',
    );
    expect(added).toEqual([
      expect.objectContaining({
        actor_type: 'STAFF',
        actor_id: liNa.id,
        actor_role: 'REVIEWER',
        actor_name: 'Li Na',
        details: { note: 'Called the applicant: the letter is on its way.' },
      }),
      expect.objectContaining({
        actor_id: wangFang.id,
        actor_role: 'SENIOR_REVIEWER',
        details: { note: '请等授权书原件到后再审。' },
      }),
    ]);
    expect(await storedNotesOf(request.id)).toEqual([
      {
        author_name: 'Li Na',
        author_role: 'REVIEWER',
        text: 'Called the applicant: the letter is on its way.',
      },
      {
        author_name: 'Wang Fang',
        author_role: 'SENIOR_REVIEWER',
        text: '请等授权书原件到后再审。',
      },
    ]);
  });

  it('lets auditors read the notes, and refuses them adding one with a 403 in words', async () => {
    const request = await submitReviewable(t);
    await note(liNa, request.id, 'The half-length photo looks edited around the ID card.');

    const session = await as(auditor);
    const page = await session.page(`/requests/${request.id}`);
    expect(page.status).toBe(200);
    expect(notesOf(page.text)).toEqual(['The half-length photo looks edited around the ID card.']);
    expect(page.text).not.toContain(`action="/requests/${request.id}/notes"`);

    const refused = await session.submit(`/requests/${request.id}/notes`, {
      _form: 'note',
      text: 'An auditor’s remark.',
    });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Your role does not allow this page or action.');
    expect(await storedNotesOf(request.id)).toHaveLength(1);

    const chinese = await (await as(auditor, 'zh-CN')).page(`/requests/${request.id}`);
    expect(sectionOf(chinese.text, 'notes-panel')).toContain('内部备注');
  });

  it('refuses an empty or too long note in words, keeping what was typed', async () => {
    const request = await submitReviewable(t);
    const workspace = `/requests/${request.id}`;

    const empty = await note(liNa, request.id, '   \n  ');
    expect(empty.status).toBe(303);
    expect(empty.headers.location).toBe(workspace);
    let page = await (await as(liNa)).page(workspace);
    expect(noteFormOf(page.text).error).toBe(
      'The note is empty: write what the staff should know.',
    );

    const long = 'a'.repeat(2001);
    await note(liNa, request.id, long);
    page = await (await as(liNa)).page(workspace);
    expect(decode(noteFormOf(page.text).error ?? '')).toBe(
      'A note can be at most 2,000 characters; this one has 2,001.',
    );
    expect(noteFormOf(page.text).typed).toBe(long);
    expect(await storedNotesOf(request.id)).toEqual([]);
    expect(
      (await auditEventsOf(t, request.id)).filter((event) => event.action === 'request.note_added'),
    ).toEqual([]);

    // 2,000 characters (after trimming) is the longest note there is, in any script.
    const longest = '备'.repeat(2000);
    expect((await note(liNa, request.id, ` ${longest} `)).status).toBe(303);
    expect(await storedNotesOf(request.id)).toEqual([
      { author_name: 'Li Na', author_role: 'REVIEWER', text: longest },
    ]);

    const chinese = await as(liNa, 'zh-CN');
    await chinese.page(workspace);
    await chinese.submitFrom(workspace, `${workspace}/notes`, { _form: 'note', text: '' });
    page = await chinese.page(workspace);
    expect(noteFormOf(page.text).error).toBe('备注为空：请写下需要告知同事的内容。');
  });

  it('never sends a note to the applicant: the mail asking for information afterwards does not mention it', async () => {
    const request = await submitReviewable(t);
    const marker = 'NOTE-MARKER-7f3a: applicant sounded unsure about the account';
    await note(liNa, request.id, marker);
    const reviewer = await as(liNa);
    await reviewer.page('/queue');
    expect((await reviewer.submit(`/requests/${request.id}/claim`)).status).toBe(303);
    await note(liNa, request.id, `${marker} (while in review)`);
    expect(
      (
        await reviewer.submit(`/requests/${request.id}/request-info`, {
          documents: ['ID_FRONT'],
          fields: '',
          message: 'The front of the ID card is too dark.',
        })
      ).status,
    ).toBe(303);
    await note(liNa, request.id, `${marker} (while awaiting the applicant)`);

    const mails: { kind: string; subject: string; body_text: string; body_html: string | null }[] =
      await t.dataSource.query(
        `SELECT kind, subject, body_text, body_html FROM outbox_messages WHERE request_id = $1`,
        [request.id],
      );
    expect(mails.map((mail) => mail.kind)).toEqual(['request.information_requested']);
    for (const mail of mails) {
      expect(mail.subject).not.toContain('NOTE-MARKER');
      expect(mail.body_text).toContain('The front of the ID card is too dark.');
      expect(mail.body_text).not.toContain('NOTE-MARKER');
      expect(mail.body_html ?? '').not.toContain('NOTE-MARKER');
    }
    expect(await storedNotesOf(request.id)).toHaveLength(3);
  });

  it('allows a note on a decided request, and still sends the applicant nothing of it', async () => {
    const request = await submitReviewable(t);
    const reviewer = await as(liNa);
    await reviewer.page('/queue');
    await reviewer.submit(`/requests/${request.id}/claim`);
    await reviewer.submit(`/requests/${request.id}/checks`, await checksForm(t, request.id));
    expect((await reviewer.submit(`/requests/${request.id}/approve`)).status).toBe(303);
    const [{ status }] = await t.dataSource.query(
      `SELECT status FROM initialization_requests WHERE id = $1`,
      [request.id],
    );
    expect(status).toBe('APPROVED');

    expect(
      (await note(liNa, request.id, 'AFTER-DECISION: applicant phoned to thank us.')).status,
    ).toBe(303);
    const page = await reviewer.page(`/requests/${request.id}`);
    expect(notesOf(page.text)).toEqual(['AFTER-DECISION: applicant phoned to thank us.']);
    const bodies: { body_text: string }[] = await t.dataSource.query(
      `SELECT body_text FROM outbox_messages WHERE request_id = $1`,
      [request.id],
    );
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.every((mail) => !mail.body_text.includes('AFTER-DECISION'))).toBe(true);
  });

  it('keeps every note as written: the table refuses UPDATE, DELETE and TRUNCATE', async () => {
    const request = await submitReviewable(t);
    await note(wangFang, request.id, 'Checked with the registry team.');
    await expect(
      t.dataSource.query(`UPDATE request_notes SET text = 'changed' WHERE request_id = $1`, [
        request.id,
      ]),
    ).rejects.toThrow('request_notes is append-only: UPDATE is not allowed');
    await expect(
      t.dataSource.query(`DELETE FROM request_notes WHERE request_id = $1`, [request.id]),
    ).rejects.toThrow('request_notes is append-only: DELETE is not allowed');
    await expect(t.dataSource.query(`TRUNCATE request_notes`)).rejects.toThrow(
      'request_notes is append-only: TRUNCATE is not allowed',
    );
    expect(await storedNotesOf(request.id)).toEqual([
      {
        author_name: 'Wang Fang',
        author_role: 'SENIOR_REVIEWER',
        text: 'Checked with the registry team.',
      },
    ]);
  });
});
