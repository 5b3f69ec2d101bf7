import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import {
  individualDocuments,
  individualRequest,
  submitIntake,
  type IntakeFile,
} from '../support/intake.js';
import { registerSubject, type TestSubject } from '../support/registry.js';
import { checksForm, messagesAfter, submitReviewable } from '../support/review.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

/**
 * Corrections that come back: a reviewer asks for fields (by their intake names) and
 * documents, the applicant answers through the intake API with exactly those, the values
 * are stored and the risk is assessed again; every earlier document version is kept with
 * its checks.
 */
describe('corrections and document versions', () => {
  let t: TestApp;
  let reviewer: TestStaff;
  let session: WebSession | undefined;
  const auth = { Authorization: `Bearer ${TEST_INTAKE_TOKEN}` };

  beforeAll(async () => {
    t = await startTestApp();
    reviewer = await createStaff(t.app, 'REVIEWER', 'Liu Yang');
  });
  afterAll(() => t.close());

  async function reviewerSession(): Promise<WebSession> {
    if (!session) {
      session = await signedIn(t.url, reviewer.email, reviewer.password);
      await session.page('/queue');
    }
    return session;
  }

  /** A staff-portal action by the reviewer (claim, checks, approve, request-info). */
  async function act(
    requestId: string,
    action: string,
    fields: Record<string, string | string[]> = {},
  ) {
    const response = await (
      await reviewerSession()
    ).submit(`/requests/${requestId}/${action}`, fields);
    expect(response.status).toBe(303);
    return response;
  }

  function resubmit(
    requestId: string,
    correction: Record<string, unknown> | string | null,
    files: IntakeFile[] = [],
  ) {
    let call = request(t.url)
      .post(`/api/v1/initialization-requests/${requestId}/resubmissions`)
      .set(auth);
    if (correction !== null)
      call = call.field(
        'request',
        typeof correction === 'string' ? correction : JSON.stringify(correction),
      );
    for (const file of files) call = call.attach(file.field, file.content, file.filename);
    return call;
  }

  const statusOf = async (requestId: string) =>
    (await request(t.url).get(`/api/v1/initialization-requests/${requestId}`).set(auth)).body;

  async function rowOf(requestId: string) {
    const [row] = await t.dataSource.query(
      `SELECT status, version, risk_flags, credential_number, subject_name, applicant_phone,
              applicant_id_number, new_account_email, aliyun_account_id, corrections, updated_at
       FROM initialization_requests WHERE id = $1`,
      [requestId],
    );
    return row;
  }

  /** Everything a refused answer must leave as it was. */
  async function snapshotOf(requestId: string) {
    const documents = await t.dataSource.query(
      `SELECT id, kind, sha256, superseded_at, replaces_document_id FROM request_documents
       WHERE request_id = $1 ORDER BY uploaded_at, kind`,
      [requestId],
    );
    const [{ events }] = await t.dataSource.query(
      `SELECT count(*)::int AS events FROM audit_events WHERE request_id = $1`,
      [requestId],
    );
    return { row: await rowOf(requestId), documents, events };
  }

  async function lastEvent(requestId: string) {
    const [event] = await t.dataSource.query(
      `SELECT action, details FROM audit_events WHERE request_id = $1 ORDER BY seq DESC LIMIT 1`,
      [requestId],
    );
    return event;
  }

  /**
   * An individual's request whose credential number differs from the registry's
   * (SUBJECT_MISMATCH), claimed by the reviewer.
   */
  async function mismatchedRequest(): Promise<{ id: string; subject: TestSubject; typo: string }> {
    const registered = residentId('330106', '19880516', 100 + Math.floor(Math.random() * 800));
    const subject = await registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '陈静',
      credentialNumber: registered,
      filingNumber: filingNumber(),
    });
    const typo = residentId('330106', '19880615', 100 + Math.floor(Math.random() * 800));
    const response = await submitIntake(
      t.url,
      individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '陈静',
        credentialNumber: typo,
        applicant: {
          name: '陈静',
          idNumber: registered,
          role: 'SUBJECT_ADMIN',
          phone: '13800138000',
        },
      }),
      individualDocuments(),
    );
    expect(response.status).toBe(201);
    expect(response.body.riskFlags).toEqual(['SUBJECT_MISMATCH']);
    await act(response.body.id, 'claim');
    return { id: response.body.id, subject, typo };
  }

  /** A reviewable request, claimed, asked for these documents and fields. */
  async function askedFor(
    documents: string[],
    fields: string | string[],
  ): Promise<{ id: string; subject: TestSubject }> {
    const created = await submitReviewable(t);
    await act(created.id, 'claim');
    await act(created.id, 'request-info', {
      documents,
      fields,
      message: 'Please correct what is asked.',
    });
    expect((await statusOf(created.id)).status).toBe('AWAITING_APPLICANT');
    return created;
  }

  it('a field correction round trip: asked, corrected, stored, the risk assessed again, and audited masked', async () => {
    const { id, subject, typo } = await mismatchedRequest();
    // The form's fields as a comma-separated list.
    await act(id, 'request-info', {
      fields: 'credentialNumber, applicant.phone',
      message: 'The credential number does not match the registry; please check it.',
    });

    // While waiting, the status says what was asked for, and until when.
    const waiting = await statusOf(id);
    const [{ expires_at: expiresAt }] = await t.dataSource.query(
      `SELECT expires_at FROM initialization_requests WHERE id = $1`,
      [id],
    );
    expect(waiting).toMatchObject({
      status: 'AWAITING_APPLICANT',
      subjectType: 'INDIVIDUAL',
      slaState: 'PAUSED',
      informationRequest: {
        documents: [],
        fields: ['applicant.phone', 'credentialNumber'],
        message: 'The credential number does not match the registry; please check it.',
        requestedAt: expect.any(String),
        expiresAt: expiresAt.toISOString(),
      },
    });
    expect(new Date(waiting.informationRequest.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const answered = await resubmit(id, {
      credentialNumber: subject.credentialNumber.toLowerCase(),
      applicant: { phone: '13911112222' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toEqual({ id, status: 'IN_REVIEW', dueAt: expect.any(String) });

    // Stored as intake stores it (the credential number in capitals), and the flag cleared.
    const row = await rowOf(id);
    expect(row).toMatchObject({
      status: 'IN_REVIEW',
      credential_number: subject.credentialNumber.toUpperCase(),
      applicant_phone: '13911112222',
      risk_flags: [],
    });
    expect(row.corrections).toEqual([
      {
        at: expect.any(String),
        fields: ['applicant.phone', 'credentialNumber'],
        documents: [],
        changes: [
          { field: 'applicant.phone', was: '13800138000', now: '13911112222' },
          { field: 'credentialNumber', was: typo, now: subject.credentialNumber.toUpperCase() },
        ],
        flagsRaised: [],
        flagsCleared: ['SUBJECT_MISMATCH'],
      },
    ]);
    expect(await statusOf(id)).toMatchObject({ status: 'IN_REVIEW' });

    // The audit trail names the fields and what changed, personal data masked.
    const event = await lastEvent(id);
    expect(event).toMatchObject({
      action: 'request.resubmitted',
      details: {
        documents: [],
        fields: ['applicant.phone', 'credentialNumber'],
        changes: [
          { field: 'applicant.phone', was: '138****8000', now: '139****2222' },
          {
            field: 'credentialNumber',
            was: `${typo.slice(0, 3)}***********${typo.slice(-4)}`,
            now: expect.stringMatching(/^\d{3}\*{11}[0-9X]{4}$/),
          },
        ],
        flagsRaised: [],
        flagsCleared: ['SUBJECT_MISMATCH'],
      },
    });
    expect(JSON.stringify(event.details)).not.toContain(typo);
    expect(JSON.stringify(event.details)).not.toContain(subject.credentialNumber);

    // Without the flag and with every document checked, one approval decides it.
    await act(id, 'checks', await checksForm(t, id));
    await act(id, 'approve');
    expect((await rowOf(id)).status).toBe('APPROVED');
  });

  it('raises the flags a correction brings: an Alibaba Cloud account bound to another subject', async () => {
    const other = await registerSubject(t, {
      type: 'ORGANIZATION',
      name: '杭州另一家科技有限公司',
      credentialNumber: creditCode(),
      filingNumber: filingNumber(),
      aliyunAccountId: String(2_000_000_000_000 + Math.floor(Math.random() * 1e9)),
    });
    const { id } = await askedFor([], ['aliyunAccountId']);
    const answered = await resubmit(id, { aliyunAccountId: other.aliyunAccountId });
    expect(answered.status).toBe(200);
    const row = await rowOf(id);
    expect(row.aliyun_account_id).toBe(other.aliyunAccountId);
    expect(row.risk_flags).toEqual(['ACCOUNT_HOLDS_OTHER_SUBJECT']);
    expect(row.corrections[0]).toMatchObject({
      changes: [{ field: 'aliyunAccountId', now: other.aliyunAccountId }],
      flagsRaised: ['ACCOUNT_HOLDS_OTHER_SUBJECT'],
      flagsCleared: [],
    });
    // The approval is blocked by the new flag.
    await act(id, 'checks', await checksForm(t, id));
    await act(id, 'approve');
    expect(await messagesAfter(await reviewerSession())).toContain(
      'The Alibaba Cloud account already holds another filing subject (one account, one subject), so this request cannot be approved.',
    );
    expect((await rowOf(id)).status).toBe('IN_REVIEW');
  });

  it('refuses a field not asked for, one that cannot be corrected and an unknown key, naming each; nothing changes', async () => {
    const { id } = await askedFor([], ['applicant.phone']);
    const before = await snapshotOf(id);
    const answer = {
      applicant: { phone: '13911112222', role: 'OTHER' },
      subjectName: '王大明',
      subjectType: 'ORGANIZATION',
      nickname: 'ming',
    };
    const refused = await resubmit(id, answer);
    expect(refused.status).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('request.invalid');
    expect(refused.body.errors).toEqual([
      {
        field: 'applicant.role',
        code: 'field.not-correctable',
        message:
          'applicant.role cannot be corrected: another subject type, filing number or applicant role needs a new application',
      },
      {
        field: 'subjectName',
        code: 'field.not-requested',
        message:
          'subjectName was not asked for: correct only the fields the reviewer asked for (applicant.phone)',
      },
      {
        field: 'subjectType',
        code: 'field.not-correctable',
        message: expect.stringContaining('subjectType cannot be corrected'),
      },
      {
        field: 'nickname',
        code: 'field.unknown',
        message: 'nickname is not a field of the request',
      },
    ]);
    // The same in Chinese, with the same codes.
    const chinese = await resubmit(id, answer).set('Accept-Language', 'zh-CN');
    expect(chinese.status).toBe(400);
    expect(chinese.body.errors.map((error: { code: string }) => error.code)).toEqual(
      refused.body.errors.map((error: { code: string }) => error.code),
    );
    expect(chinese.body.errors[1].message).toBe(
      'subjectName 不在补正要求之内：只能补正审核员要求的信息项（applicant.phone）',
    );
    expect(await snapshotOf(id)).toEqual(before);
  });

  it('refuses a document not asked for, and a field when only documents were asked for', async () => {
    const { id } = await askedFor(['ID_BACK'], []);
    const before = await snapshotOf(id);
    const [front, back] = individualDocuments();
    const refused = await resubmit(id, { applicant: { phone: '13911112222' } }, [front!, back!]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'applicant.phone',
        code: 'field.not-requested',
        message:
          'applicant.phone was not asked for: correct only the fields the reviewer asked for (none)',
      },
      {
        field: 'ID_FRONT',
        code: 'document.not-requested',
        message:
          'ID_FRONT was not asked for: send new versions only of the documents the reviewer asked for (ID_BACK)',
      },
    ]);
    expect(await snapshotOf(id)).toEqual(before);
    // What was asked for, alone, is taken.
    expect((await resubmit(id, null, [back!])).status).toBe(200);
  });

  it('names every document and field asked for but missing, and stores nothing', async () => {
    const { id } = await askedFor(['ID_FRONT', 'HALF_LENGTH_PHOTO'], ['newAccountEmail']);
    const before = await snapshotOf(id);
    const [front] = individualDocuments();
    const refused = await resubmit(id, null, [front!]);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      {
        field: 'newAccountEmail',
        code: 'field.required',
        message: 'newAccountEmail was asked for: send its corrected value',
      },
      {
        field: 'HALF_LENGTH_PHOTO',
        code: 'document.required',
        message:
          'HALF_LENGTH_PHOTO was asked for (Half-length photo holding the credential): send its new version',
      },
    ]);
    expect(await snapshotOf(id)).toEqual(before);
  });

  it("checks each corrected value with the intake's rules, listing every problem at once", async () => {
    const { id } = await askedFor(
      [],
      ['applicant.phone', 'applicant.idNumber', 'credentialNumber', 'newAccountEmail'],
    );
    const before = await snapshotOf(id);
    const refused = await resubmit(id, {
      applicant: { phone: 'call me', idNumber: '110105194912310021' },
      credentialNumber: '91330106MA2B0000XX',
      newAccountEmail: 'not-an-email',
    });
    expect(refused.status).toBe(400);
    const codes = Object.fromEntries(
      refused.body.errors.map((error: { field: string; code: string }) => [
        error.field,
        error.code,
      ]),
    );
    expect(codes).toEqual({
      'applicant.phone': 'phone.invalid',
      'applicant.idNumber': 'id-number.checksum',
      credentialNumber: 'credential-number.invalid',
      newAccountEmail: 'email.invalid',
    });
    expect(await snapshotOf(id)).toEqual(before);
  });

  it('keeps every document version with its checks, serves the earlier file, and refuses approval until the new version is checked', async () => {
    const created = await submitReviewable(t);
    const { id } = created;
    await act(id, 'claim');
    await act(id, 'checks', await checksForm(t, id));
    const [earlier] = await t.dataSource.query(
      `SELECT id, sha256 FROM request_documents WHERE request_id = $1 AND kind = 'ID_FRONT'`,
      [id],
    );
    await act(id, 'request-info', {
      documents: ['ID_FRONT'],
      fields: [],
      message: 'The front of the ID is blurred.',
    });
    const [front] = individualDocuments();
    expect((await resubmit(id, null, [front!])).status).toBe(200);

    const versions = await t.dataSource.query(
      `SELECT d.id, d.sha256, d.superseded_at, d.replaces_document_id, c.legible AS checked
       FROM request_documents d LEFT JOIN document_checks c ON c.document_id = d.id
       WHERE d.request_id = $1 AND d.kind = 'ID_FRONT' ORDER BY d.uploaded_at`,
      [id],
    );
    const fresh = createHash('sha256').update(front!.content).digest('hex');
    expect(versions).toEqual([
      {
        id: earlier.id,
        sha256: earlier.sha256,
        superseded_at: expect.any(Date),
        replaces_document_id: null,
        checked: true,
      },
      {
        id: expect.any(String),
        sha256: fresh,
        superseded_at: null,
        replaces_document_id: earlier.id,
        checked: null,
      },
    ]);
    // The other documents' checks are untouched: three checks in all, none on the new version.
    const [{ checks }] = await t.dataSource.query(
      `SELECT count(*)::int AS checks FROM document_checks WHERE request_id = $1`,
      [id],
    );
    expect(checks).toBe(3);

    // The earlier file is still served, byte for byte.
    const served = await (
      await reviewerSession()
    ).agent
      .get(`/requests/${id}/documents/${earlier.id}`)
      .buffer(true)
      .parse((response, callback) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => callback(null, Buffer.concat(chunks)));
      });
    expect(served.status).toBe(200);
    expect(
      createHash('sha256')
        .update(served.body as Buffer)
        .digest('hex'),
    ).toBe(earlier.sha256);

    // The earlier version's check does not count for the new one.
    await act(id, 'approve');
    expect((await messagesAfter(await reviewerSession())).join(' ')).toContain(
      'ID card, front is not checked',
    );
    expect((await rowOf(id)).status).toBe('IN_REVIEW');
    await act(id, 'checks', await checksForm(t, id));
    await act(id, 'approve');
    expect((await rowOf(id)).status).toBe('APPROVED');
    // Four checks now: the earlier version's kept beside the new one's.
    const [{ after }] = await t.dataSource.query(
      `SELECT count(*)::int AS after FROM document_checks WHERE request_id = $1`,
      [id],
    );
    expect(after).toBe(4);
  });

  it('still loads a request asked for fields in free text before fields had codes, and takes its documents', async () => {
    const { id } = await askedFor(['ID_BACK'], []);
    await t.dataSource.query(
      `UPDATE initialization_requests
       SET information_request = (information_request - 'freeTextFields')
         || '{"fields": ["applicant phone", "newAccountEmail"]}'::jsonb
       WHERE id = $1`,
      [id],
    );
    // A code among the old free text is read as the field; the rest stays text to show.
    const status = await statusOf(id);
    expect(status.informationRequest).toMatchObject({
      documents: ['ID_BACK'],
      fields: ['newAccountEmail'],
    });
    expect((await (await reviewerSession()).page(`/requests/${id}`)).status).toBe(200);
    const [, back] = individualDocuments();
    const answered = await resubmit(id, { newAccountEmail: 'Fixed@Example.cn' }, [back!]);
    expect(answered.status).toBe(200);
    expect((await rowOf(id)).new_account_email).toBe('fixed@example.cn');
  });

  it('refuses an answer once the request no longer waits for the applicant (409)', async () => {
    const { id } = await askedFor([], ['applicant.phone']);
    expect((await resubmit(id, { applicant: { phone: '13911112222' } })).status).toBe(200);
    const again = await resubmit(id, { applicant: { phone: '13922223333' } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('request.resubmission-not-expected');
    expect((await rowOf(id)).applicant_phone).toBe('13911112222');
  });

  it('answers as the OpenAPI document describes: the status while waiting, an answer, a refusal', async () => {
    const document = (await request(t.url).get('/api/docs')).body as {
      paths: Record<
        string,
        Record<
          string,
          { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas))
      ajv.addSchema(schema as object, `#/components/schemas/${name}`);
    const check = (route: string, method: string, response: request.Response): void => {
      const declared = document.paths[route]?.[method]?.responses[String(response.status)];
      expect(declared).toBeDefined();
      const content = declared!.content?.[String(response.headers['content-type']).split(';')[0]!];
      expect(content).toBeDefined();
      const validate = ajv.compile(content!.schema as object);
      expect(validate(response.body) ? [] : validate.errors).toEqual([]);
    };
    // The correction the document describes is the one the API takes.
    const validateCorrection = ajv.compile({ $ref: '#/components/schemas/CorrectionRequest' });
    expect(validateCorrection({ applicant: { phone: '13911112222' } })).toBe(true);
    expect(validateCorrection({ subjectType: 'ORGANIZATION' })).toBe(false);

    const item = '/api/v1/initialization-requests/{id}';
    const { id } = await askedFor(['ID_BACK'], ['applicant.phone']);
    check(item, 'get', await request(t.url).get(`/api/v1/initialization-requests/${id}`).set(auth));
    check(`${item}/resubmissions`, 'post', await resubmit(id, { subjectName: 'x' }));
    const [, back] = individualDocuments();
    check(
      `${item}/resubmissions`,
      'post',
      await resubmit(id, { applicant: { phone: '13911112222' } }, [back!]),
    );
    check(`${item}/resubmissions`, 'post', await resubmit(id, null, [back!]));
  });
});
