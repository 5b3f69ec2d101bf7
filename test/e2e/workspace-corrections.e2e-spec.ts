import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { filingNumber, residentId } from '../support/credentials.js';
import {
  individualDocuments,
  individualRequest,
  submitIntake,
  type IntakeFile,
} from '../support/intake.js';
import { registerSubject } from '../support/registry.js';
import { checksForm, documentsOf, statusOf } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, WebSession } from '../support/web-session.js';

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

/** An element's text without its tags, spaces collapsed. */
const plain = (html: string): string =>
  text(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

/** The part of a page between an element marked `data-<name>` and the end of that element. */
function section(html: string, marker: string, end = '</section>'): string {
  const start = html.indexOf(marker);
  if (start < 0) return '';
  return html.slice(start, html.indexOf(end, start));
}

/** Each corrected field as the reviewer reads it: "Applicant phone: 133… → 139…". */
function changesOf(html: string): string[] {
  return [
    ...section(html, 'data-corrections').matchAll(
      /<tr data-change><th scope="row">([^<]*)<\/th><td translate="no"><del data-was>([^<]*)<\/del><\/td><td translate="no"><ins data-now>([^<]*)<\/ins><\/td><\/tr>/g,
    ),
  ].map((match) => `${text(match[1]!)}: ${text(match[2]!)} → ${text(match[3]!)}`);
}

function timelineOf(html: string): string[] {
  return [...html.matchAll(/<p class="event-sentence">([^<]*)<\/p>/g)].map((match) =>
    text(match[1]!),
  );
}

/** The values of the checkboxes named `name`, each with its label. */
function checkboxesOf(html: string, name: string): { value: string; label: string }[] {
  return [
    ...html.matchAll(
      new RegExp(
        `<input type="checkbox" id="([^"]+)" name="${name}" value="([^"]*)"[^>]*> <label for="\\1">([^<]*)</label>`,
        'g',
      ),
    ),
  ].map((match) => ({ value: match[2]!, label: text(match[3]!) }));
}

/** A date as the page writes it in this language (Asia/Shanghai). */
const dateIn = (locale: string, at: Date): string =>
  new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(at);

/** The applicant answers through the intake API: corrected values (if any) and documents. */
function resubmit(
  baseUrl: string,
  requestId: string,
  values: Record<string, unknown> | null,
  files: IntakeFile[],
) {
  let call = request(baseUrl)
    .post(`/api/v1/initialization-requests/${requestId}/resubmissions`)
    .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`);
  if (values) call = call.field('request', JSON.stringify(values));
  for (const file of files)
    call = call.attach(file.field, file.content, {
      filename: file.filename,
      contentType: 'application/octet-stream',
    });
  return call;
}

describe('what the reviewer sees of corrections and document versions', () => {
  let t: TestApp;
  let liNa: TestStaff;
  let auditor: TestStaff;

  beforeAll(async () => {
    t = await startTestApp();
    [liNa, auditor] = await Promise.all([
      createStaff(t.app, 'REVIEWER', 'Li Na'),
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
    ]);
  });
  afterAll(() => t?.close());

  /**
   * An individual whose subject name was mistyped (the registry says 周杰): flagged
   * SUBJECT_MISMATCH, claimed by Li Na, every document checked, the ID card's front
   * found not legible.
   */
  async function mistypedAndChecked(session: WebSession) {
    const subject = await registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '周杰',
      credentialNumber: residentId('330106', '19910203', 100 + Math.floor(Math.random() * 800)),
      filingNumber: filingNumber(),
    });
    const body = individualRequest({
      filingNumber: subject.filingNumber,
      subjectName: '周杰伦',
      credentialNumber: subject.credentialNumber,
      applicant: {
        name: '周杰',
        idNumber: subject.credentialNumber,
        role: 'SUBJECT_ADMIN',
        phone: '13300133000',
      },
    });
    const submitted = await submitIntake(t.url, body, individualDocuments());
    expect(submitted.status).toBe(201);
    const id: string = submitted.body.id;
    const workspace = `/requests/${id}`;
    await session.page(workspace);
    await session.submit(`${workspace}/claim`);
    await session.page(workspace);
    const [front] = (await documentsOf(t, id)).filter((document) => document.kind === 'ID_FRONT');
    const checks = await checksForm(t, id, (kind) =>
      kind === 'ID_FRONT' ? { legible: 'no' } : {},
    );
    checks[`checks[${front!.id}][note]`] = 'Too blurred to read';
    expect((await session.submit(`${workspace}/checks`, checks)).status).toBe(303);
    return { id, workspace, subject, frontId: front!.id };
  }

  it('asks for fields with checkboxes, then shows was → now, the flag that cleared, and the timeline in words', async () => {
    const session = await signedIn(t.url, liNa.email, liNa.password);
    const { id, workspace } = await mistypedAndChecked(session);

    const held = await session.page(workspace);
    expect(held.text).toContain('Subject mismatch');
    // The form offers exactly the correctable fields, by their intake names, in words.
    expect(checkboxesOf(held.text, 'fields')).toEqual([
      { value: 'applicant.name', label: 'Applicant name' },
      { value: 'applicant.idNumber', label: 'Applicant ID number' },
      { value: 'applicant.phone', label: 'Applicant phone' },
      { value: 'newAccountEmail', label: 'New account email' },
      { value: 'aliyunAccountId', label: 'Alibaba Cloud account ID' },
      { value: 'subjectName', label: 'Subject name' },
      { value: 'credentialNumber', label: 'Credential number' },
    ]);
    expect(checkboxesOf(held.text, 'documents').map(({ value }) => value)).toContain('ID_FRONT');
    expect(held.text).not.toContain('id="ask-fields"');

    const asked = await session.submitFrom(workspace, `${workspace}/request-info`, {
      _form: 'request-info',
      version: String((await statusOf(t, id)).version),
      documents: ['ID_FRONT'],
      fields: ['subjectName', 'applicant.phone'],
      message: 'Please correct the subject name and your phone number, and send a sharper front.',
    });
    expect(asked.status).toBe(303);
    expect((await statusOf(t, id)).status).toBe('AWAITING_APPLICANT');

    // While the applicant answers, the panel names what was asked in words.
    const waiting = await session.page(workspace);
    expect(plain(section(waiting.text, 'data-asked-fields>', '</p>'))).toBe(
      'data-asked-fields>Fields: Applicant phone; Subject name',
    );

    const [front] = individualDocuments();
    const answered = await resubmit(
      t.url,
      id,
      { applicant: { phone: '13911112222' }, subjectName: '周杰' },
      [front!],
    );
    expect(answered.status).toBe(200);
    expect((await statusOf(t, id)).status).toBe('IN_REVIEW');

    const back = await session.page(workspace);
    // Was → now, in full for the holder, and the flag the new assessment cleared.
    expect(changesOf(back.text)).toEqual([
      'Applicant phone: 13300133000 → 13911112222',
      'Subject name: 周杰伦 → 周杰',
    ]);
    const corrections = plain(section(back.text, 'data-corrections'));
    expect(corrections).toContain('New versions sent: ID card, front');
    expect(corrections).toContain('Risk flags cleared: Subject mismatch');
    expect(corrections).not.toContain('Risk flags raised');
    expect(plain(section(back.text, 'aria-labelledby="h-flags"'))).not.toContain(
      'Subject mismatch',
    );

    // The timeline says which fields were corrected (masked, as the audit trail keeps them).
    expect(timelineOf(back.text)).toContain(
      'The filing system (test-client) resubmitted the request: ' +
        'corrected Applicant phone (133****3000 → 139****2222), Subject name (周** → 周*); ' +
        'replaced ID card, front; risk flags cleared: Subject mismatch',
    );

    // An auditor reads the same changes with the phone number masked.
    const audit = await signedIn(t.url, auditor.email, auditor.password);
    const audited = await audit.page(workspace);
    expect(changesOf(audited.text)).toEqual([
      'Applicant phone: 133****3000 → 139****2222',
      'Subject name: 周杰伦 → 周杰',
    ]);
    expect(audited.text).not.toContain('13911112222');

    // The same in Chinese, once.
    const chinese = new WebSession(t.url, 'zh-CN');
    expect((await chinese.signIn(liNa.email, liNa.password)).status).toBe(303);
    const zh = await chinese.page(workspace);
    expect(zh.text).toContain('<h2 id="h-corrections">申请人补正的内容</h2>');
    expect(changesOf(zh.text)).toEqual([
      '申请人手机号码: 13300133000 → 13911112222',
      '主体名称: 周杰伦 → 周杰',
    ]);
    expect(plain(section(zh.text, 'data-corrections'))).toContain(
      '已解除风险标记： 主体信息不一致',
    );
    expect(timelineOf(zh.text)).toContain(
      '备案系统（test-client） 重新提交了该申请：' +
        '更正了申请人手机号码（133****3000 → 139****2222）、主体名称（周** → 周*）；' +
        '替换了身份证人像面；解除风险标记：主体信息不一致',
    );
  });

  it('shows the new version of a document with the version it replaces, and the earlier one with its kept checks', async () => {
    const session = await signedIn(t.url, liNa.email, liNa.password);
    const { id, workspace, frontId } = await mistypedAndChecked(session);
    const firstUploaded: { uploaded_at: Date }[] = await t.dataSource.query(
      `SELECT uploaded_at FROM request_documents WHERE id = $1`,
      [frontId],
    );
    await session.page(workspace);
    await session.submitFrom(workspace, `${workspace}/request-info`, {
      _form: 'request-info',
      documents: ['ID_FRONT'],
      message: 'Please send a sharper photo of the front of your ID card.',
    });
    const [front] = individualDocuments();
    expect((await resubmit(t.url, id, null, [front!])).status).toBe(200);
    const [current] = (await documentsOf(t, id)).filter((document) => document.kind === 'ID_FRONT');
    expect(current!.id).not.toBe(frontId);

    const page = await session.page(workspace);
    const card = section(
      page.text,
      `<article class="document-card" id="document-${current!.id}"`,
      '</article>',
    );
    // The new version: what it replaces, and no checks until someone records them.
    expect(plain(card)).toContain(
      `replaces the version of ${dateIn('en', firstUploaded[0]!.uploaded_at)}`,
    );
    expect(plain(card)).toContain('Not checked yet');
    expect(plain(card)).toContain('This new version needs its own checks.');
    expect(card.slice(0, card.indexOf('data-earlier-versions'))).not.toContain(
      'Too blurred to read',
    );
    // The earlier version beside it: its file, and the checks recorded on it, read-only.
    const earlier = section(card, 'data-earlier-versions', '</details>');
    expect(plain(earlier)).toContain('The earlier version');
    expect(earlier).toContain(`href="/requests/${id}/documents/${frontId}"`);
    expect(plain(earlier)).toContain('Failed: not legible (Li Na)');
    expect(plain(earlier)).toContain('Too blurred to read');
    expect(earlier).not.toContain(`name="checks[${frontId}]`);
    // Nothing was overwritten: the earlier file is still served, its view audited.
    const old = await session.agent.get(`/requests/${id}/documents/${frontId}`);
    expect(old.status).toBe(200);
    const [viewed] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE request_id = $1 AND action = 'document.viewed' ORDER BY seq DESC LIMIT 1`,
      [id],
    );
    expect(viewed.details).toMatchObject({ documentId: frontId, superseded: true });
    // The resubmission answered documents alone: no field table, and the flags stayed.
    expect(changesOf(page.text)).toEqual([]);
    expect(plain(section(page.text, 'data-corrections'))).toContain(
      'The risk assessment ran again: the risk flags did not change.',
    );

    // In Chinese, the date as Chinese readers write it.
    const chinese = new WebSession(t.url, 'zh-CN');
    expect((await chinese.signIn(liNa.email, liNa.password)).status).toBe(303);
    const zh = await chinese.page(workspace);
    const zhCard = section(
      zh.text,
      `<article class="document-card" id="document-${current!.id}"`,
      '</article>',
    );
    expect(plain(zhCard)).toContain(
      `替换了 ${dateIn('zh-CN', firstUploaded[0]!.uploaded_at)} 的版本`,
    );
  });
});
