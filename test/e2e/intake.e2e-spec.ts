import { randomBytes } from 'node:crypto';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { unifiedSocialCreditCodeCheckCharacter } from '@lib/credentials';
import { creditCode, filingNumber, residentId } from '../support/credentials.js';
import {
  authorizationLetter,
  individualDocuments,
  individualRequest,
  submitIntake,
  type IntakeBody,
  type IntakeFile,
} from '../support/intake.js';
import {
  DOCUMENT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import { registerSubject } from '../support/registry.js';
import { checksForm, submitReviewable } from '../support/review.js';
import { testServices } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

describe('the intake API', () => {
  let t: TestApp;
  let reviewer: TestStaff;
  let session: WebSession | undefined;
  const auth = { Authorization: `Bearer ${TEST_INTAKE_TOKEN}` };

  beforeAll(async () => {
    t = await startTestApp();
    reviewer = await createStaff(t.app, 'REVIEWER', 'Liu Yang');
  });
  afterAll(() => t.close());

  /** A staff-portal action by the reviewer (claim, checks, approve, reject, request-info). */
  async function act(
    requestId: string,
    action: string,
    fields: Record<string, string | string[]> = {},
  ) {
    if (!session) {
      session = await signedIn(t.url, reviewer.email, reviewer.password);
      await session.page('/queue');
    }
    const response = await session.submit(`/requests/${requestId}/${action}`, fields);
    expect(response.status).toBe(303);
    return response;
  }

  /**
   * Every object in the documents' store: on disk, every file under DOCUMENT_DIR (unfinished
   * writes included); on the S3 server, every key the store lists.
   */
  async function storedFiles(): Promise<string[]> {
    const store = t.app.get<ObjectStore>(DOCUMENT_OBJECTS);
    if (store.kind === 'disk') return filesUnder(t.config.DOCUMENT_DIR);
    const keys: string[] = [];
    for await (const object of store.list('')) keys.push(object.key);
    return keys.sort();
  }

  /** Every file under a folder, as paths relative to it. */
  async function filesUnder(root: string): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) await walk(full);
        else found.push(path.relative(root, full));
      }
    };
    await walk(root);
    return found.sort();
  }

  async function counts(): Promise<{
    requests: number;
    documents: number;
    events: number;
    files: number;
    keys: number;
  }> {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*) FROM initialization_requests)::int AS requests,
              (SELECT count(*) FROM request_documents)::int AS documents,
              (SELECT count(*) FROM document_keys)::int AS keys,
              (SELECT count(*) FROM audit_events)::int AS events`,
    );
    return { ...row, files: (await storedFiles()).length };
  }

  /** The request row and its documents, to show that a refused call changed nothing. */
  async function snapshotOf(requestId: string): Promise<unknown> {
    const [row] = await t.dataSource.query(
      `SELECT status, version, due_at, updated_at FROM initialization_requests WHERE id = $1`,
      [requestId],
    );
    const documents = await t.dataSource.query(
      `SELECT id, kind, sha256, superseded_at FROM request_documents WHERE request_id = $1 ORDER BY id`,
      [requestId],
    );
    return { row, documents };
  }

  /** A JPEG (by its content) of exactly `size` bytes: a real photo padded with zeros. */
  function jpegOfSize(file: IntakeFile, size: number): IntakeFile {
    expect(file.content.length).toBeLessThanOrEqual(size);
    return {
      ...file,
      content: Buffer.concat([file.content, Buffer.alloc(size - file.content.length)]),
    };
  }

  /** A request the reviewer has asked to resubmit its ID_FRONT and HALF_LENGTH_PHOTO. */
  async function awaitingApplicant(): Promise<{ id: string }> {
    const created = await submitReviewable(t);
    await act(created.id, 'claim');
    await act(created.id, 'request-info', {
      documents: ['ID_FRONT', 'HALF_LENGTH_PHOTO'],
      fields: '',
      message: 'The photos are too dark.',
    });
    return created;
  }

  /** A registered individual subject and a request for it that raises no flag. */
  async function cleanIndividual(): Promise<{ body: IntakeBody }> {
    const id = residentId('330106', '19850412', 200 + Math.floor(Math.random() * 700));
    const subject = await registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '李娜',
      credentialNumber: id,
      filingNumber: filingNumber(),
    });
    return {
      body: individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '李娜',
        credentialNumber: id,
        applicant: { name: '李娜', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13900139000' },
      }),
    };
  }

  it('accepts a valid individual request: 201 with its reference, deadline and no flags, stored with its documents and audited', async () => {
    const { body } = await cleanIndividual();
    const response = await submitIntake(t.url, body, individualDocuments());
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^INIT-\d{4}-\d{6}$/),
      status: 'PENDING_REVIEW',
      receivedAt: new Date(body.receivedAt).toISOString(),
      dueAt: expect.any(String),
      riskFlags: [],
    });
    expect(response.headers.location).toBe(`/api/v1/initialization-requests/${response.body.id}`);
    const documents: { kind: string; media_type: string; storage_key: string }[] =
      await t.dataSource.query(
        `SELECT kind, media_type, storage_key FROM request_documents WHERE request_id = $1 ORDER BY kind`,
        [response.body.id],
      );
    expect(documents.map((document) => [document.kind, document.media_type])).toEqual([
      ['HALF_LENGTH_PHOTO', 'image/jpeg'],
      ['ID_BACK', 'image/jpeg'],
      ['ID_FRONT', 'image/jpeg'],
    ]);
    // Each file encrypted under a storage key of its own (test/e2e/document-encryption.e2e-spec.ts).
    const objects = t.app.get<ObjectStore>(DOCUMENT_OBJECTS);
    for (const document of documents) expect(await objects.exists(document.storage_key)).toBe(true);
    const [event] = await t.dataSource.query(
      `SELECT actor_type, actor_name, details FROM audit_events WHERE request_id = $1 AND action = 'request.submitted'`,
      [response.body.id],
    );
    expect(event).toMatchObject({
      actor_type: 'INTAKE_CLIENT',
      actor_name: 'test-client',
      details: { reference: response.body.reference },
    });
  });

  it('accepts a valid organization request from an applicant with an authorization letter', async () => {
    const code = creditCode();
    const subject = await registerSubject(t, {
      type: 'ORGANIZATION',
      name: '杭州示例科技有限公司',
      credentialNumber: code,
      filingNumber: filingNumber(),
    });
    const body = individualRequest({
      subjectType: 'ORGANIZATION',
      filingNumber: `${subject.filingNumber}-1`,
      subjectName: '杭州示例科技有限公司',
      credentialNumber: code,
      applicant: {
        name: '李四',
        idNumber: residentId('330102', '19920101', 311),
        role: 'OTHER',
        phone: '13700137000',
      },
    });
    const response = await submitIntake(t.url, body, [
      ...individualDocuments(),
      await authorizationLetter(),
    ]);
    expect(response.status).toBe(201);
    expect(response.body.riskFlags).toEqual([]);
    const kinds: { kind: string; media_type: string }[] = await t.dataSource.query(
      `SELECT kind, media_type FROM request_documents WHERE request_id = $1`,
      [response.body.id],
    );
    expect(kinds).toContainEqual({ kind: 'AUTHORIZATION_LETTER', media_type: 'application/pdf' });
  });

  describe('refuses a request missing a required document, naming it, and stores nothing', () => {
    for (const missing of ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO']) {
      it(`an individual without ${missing}`, async () => {
        const before = await counts();
        const response = await submitIntake(
          t.url,
          individualRequest(),
          individualDocuments().filter((file) => file.field !== missing),
        );
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.code).toBe('request.invalid');
        expect(response.body.errors).toEqual([
          {
            field: missing,
            code: 'document.required',
            message: expect.stringContaining(`${missing} is required`),
          },
        ]);
        expect(await counts()).toEqual(before);
      });
    }

    for (const missing of ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO']) {
      it(`an organization without ${missing}`, async () => {
        const before = await counts();
        const body = individualRequest({
          subjectType: 'ORGANIZATION',
          subjectName: '杭州示例科技有限公司',
          credentialNumber: creditCode(),
          applicant: { name: '李四', idNumber: residentId(), role: 'OTHER', phone: '13700137000' },
        });
        const response = await submitIntake(t.url, body, [
          ...individualDocuments().filter((file) => file.field !== missing),
          await authorizationLetter(),
        ]);
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.body.errors).toEqual([
          {
            field: missing,
            code: 'document.required',
            message: expect.stringContaining(`${missing} is required for an organization subject`),
          },
        ]);
        expect(await counts()).toEqual(before);
      });
    }

    it('an organization applicant who is not an administrator, without the authorization letter', async () => {
      const before = await counts();
      const body = individualRequest({
        subjectType: 'ORGANIZATION',
        credentialNumber: creditCode(),
        applicant: { name: '李四', idNumber: residentId(), role: 'OTHER', phone: '13700137000' },
      });
      const response = await submitIntake(t.url, body, individualDocuments());
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'AUTHORIZATION_LETTER',
          code: 'document.required',
          message: expect.stringContaining('stamped with the company seal'),
        },
      ]);
      expect(await counts()).toEqual(before);
    });
  });

  it('judges files by content: a PDF named .jpg is stored as a PDF', async () => {
    const { body } = await cleanIndividual();
    const letter = await authorizationLetter();
    const files = individualDocuments().map((file) =>
      file.field === 'ID_BACK'
        ? { ...letter, field: 'ID_BACK', filename: 'back.jpg', contentType: 'image/jpeg' }
        : file,
    );
    const response = await submitIntake(t.url, body, files);
    expect(response.status).toBe(201);
    const [document] = await t.dataSource.query(
      `SELECT media_type, original_name FROM request_documents WHERE request_id = $1 AND kind = 'ID_BACK'`,
      [response.body.id],
    );
    expect(document).toEqual({ media_type: 'application/pdf', original_name: 'back.jpg' });
  });

  it('refuses a text file named .png with 415 and stores nothing', async () => {
    const before = await counts();
    const files = individualDocuments().map((file) =>
      file.field === 'ID_FRONT'
        ? {
            ...file,
            content: Buffer.from('just some text, not an image\n'.repeat(20)),
            filename: 'front.png',
            contentType: 'image/png',
          }
        : file,
    );
    const response = await submitIntake(t.url, individualRequest(), files);
    expect(response.status).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.code).toBe('file.unsupported-type');
    expect(response.body.errors).toContainEqual({
      field: 'ID_FRONT',
      code: 'file.unsupported-type',
      message: expect.stringContaining('is not a JPEG, PNG or PDF file'),
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a 30 MB file with 413 and stores nothing', async () => {
    const before = await counts();
    const huge = Buffer.alloc(30 * 1024 * 1024, 0);
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(huge);
    const files = individualDocuments().map((file) =>
      file.field === 'HALF_LENGTH_PHOTO' ? { ...file, content: huge } : file,
    );
    const response = await submitIntake(t.url, individualRequest(), files).catch(
      (error: { response?: request.Response }) => error.response!,
    );
    expect(response.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('refuses a single file over the per-file limit with 413 even when the request is small enough', async () => {
    const small = await startTestApp({ env: { MAX_FILE_BYTES: String(16 * 1024) } });
    try {
      const before = await counts();
      const response = await submitIntake(small.url, individualRequest(), individualDocuments());
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        code: 'file.too-large',
        detail: `Each document may be at most ${16 * 1024} bytes.`,
        errors: [
          {
            field: expect.stringMatching(/^(ID_FRONT|ID_BACK|HALF_LENGTH_PHOTO)$/),
            code: 'file.too-large',
            message: expect.stringContaining(`is larger than ${16 * 1024} bytes`),
          },
        ],
      });
      expect(await counts()).toEqual(before);
    } finally {
      await small.close();
    }
  });

  describe('with small limits: each file under MAX_FILE_BYTES, the request over MAX_REQUEST_BYTES', () => {
    // Photos vary in size by a few KB, so each gets a margin of `slack` bytes. Three
    // files of `unit` bytes add up to more than MAX_REQUEST_BYTES, three of
    // `unit - slack` do not; `large` files overflow the request by more than the
    // multipart envelope the size guard allows for. Every file fits MAX_FILE_BYTES.
    const slack = 32 * 1024;
    const photos = individualDocuments();
    const unit =
      Math.ceil(Math.max(...photos.map((file) => file.content.length)) / 1024) * 1024 + 2 * slack;
    const maxRequestBytes = 3 * unit - slack;
    const large = unit + 100 * 1024;
    const maxFileBytes = unit + 128 * 1024;
    let limited: TestApp;

    beforeAll(async () => {
      limited = await startTestApp({
        env: { MAX_FILE_BYTES: String(maxFileBytes), MAX_REQUEST_BYTES: String(maxRequestBytes) },
      });
    });
    afterAll(() => limited.close());

    it('accepts three files that together stay under the per-request limit', async () => {
      const response = await submitIntake(
        limited.url,
        individualRequest(),
        individualDocuments().map((file) => jpegOfSize(file, unit - slack)),
      );
      expect(response.status).toBe(201);
    });

    it('refuses files that together exceed the per-request limit with 413 and stores nothing', async () => {
      const before = await counts();
      const response = await submitIntake(
        limited.url,
        individualRequest(),
        individualDocuments().map((file) => jpegOfSize(file, unit)),
      );
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body).toMatchObject({
        status: 413,
        code: 'request.too-large',
        detail: `The files add up to ${3 * unit} bytes; at most ${maxRequestBytes} bytes are accepted per request.`,
      });
      expect(await counts()).toEqual(before);
    });

    it('says a 413 in Chinese for Accept-Language: zh-CN, with the same code', async () => {
      const response = await submitIntake(
        limited.url,
        individualRequest(),
        individualDocuments().map((file) => jpegOfSize(file, unit)),
      ).set('Accept-Language', 'zh-CN');
      expect(response.status).toBe(413);
      expect(response.body).toMatchObject({
        code: 'request.too-large',
        title: '材料过大',
        detail: `文件合计 ${3 * unit} 字节；每个请求最多接受 ${maxRequestBytes} 字节。`,
      });
    });

    it('refuses a submission whose declared size is far over the per-request limit with 413 before reading it', async () => {
      const before = await counts();
      const response = await submitIntake(
        limited.url,
        individualRequest(),
        individualDocuments().map((file) => jpegOfSize(file, large)),
      ).catch((error: { response?: request.Response }) => error.response!);
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.detail).toMatch(/bytes of documents are accepted per request/);
      expect(response.body.code).toBe('request.too-large');
      expect(await counts()).toEqual(before);
    });

    it('refuses a resubmitted file over the per-file limit with 413 and changes nothing', async () => {
      const created = await awaitingApplicant();
      const before = { counts: await counts(), request: await snapshotOf(created.id) };
      const [front] = individualDocuments();
      const response = await request(limited.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set(auth)
        .attach('ID_FRONT', jpegOfSize(front!, maxFileBytes + 1024).content, 'front.jpg');
      expect(response.status).toBe(413);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('file.too-large');
      expect(response.body.errors).toEqual([
        { field: 'ID_FRONT', code: 'file.too-large', message: expect.any(String) },
      ]);
      expect({ counts: await counts(), request: await snapshotOf(created.id) }).toEqual(before);
    });
  });

  it('stores a file whose name tries path traversal safely, keeping the name only as a record', async () => {
    const { body } = await cleanIndividual();
    const scratch = testServices().scratchDir;
    const marker = `escaped-${randomBytes(6).toString('hex')}`;
    // Deep enough to climb out of DOCUMENT_DIR (and its staging and hash folders) to the root.
    const traversal = `${'../'.repeat(12)}${marker}.jpg`;
    const files = individualDocuments().map((file) =>
      file.field === 'ID_FRONT'
        ? { ...file, filename: traversal }
        : file.field === 'ID_BACK'
          ? { ...file, filename: `..\\..\\..\\${marker}-back.jpg` }
          : file,
    );
    const response = await submitIntake(t.url, body, files);
    expect(response.status).toBe(201);
    const documents: { kind: string; storage_key: string; original_name: string }[] =
      await t.dataSource.query(
        `SELECT kind, storage_key, original_name FROM request_documents WHERE request_id = $1 AND kind IN ('ID_FRONT', 'ID_BACK') ORDER BY kind`,
        [response.body.id],
      );
    // The name is kept as the client's record (at most its last segment), never as a path.
    expect(documents.map((document) => document.kind)).toEqual(['ID_BACK', 'ID_FRONT']);
    for (const document of documents) expect(document.original_name).toContain(marker);
    const stored = await storedFiles();
    for (const document of documents) expect(stored).toContain(document.storage_key);
    expect(stored.filter((file) => file.includes(marker) || file.startsWith('..'))).toEqual([]);
    // Nothing anywhere in the scratch folder (documents, exports, staging) carries the name...
    expect((await filesUnder(scratch)).filter((file) => file.includes(marker))).toEqual([]);
    // ...and nothing was written where the name points, from any folder the store writes in.
    const writtenIn = [
      t.config.DOCUMENT_DIR,
      ...stored.map((file) => path.dirname(path.join(t.config.DOCUMENT_DIR, file))),
    ];
    const targets = new Set<string>();
    for (const dir of writtenIn) {
      targets.add(path.resolve(dir, traversal));
      for (let ancestor = dir; ; ancestor = path.dirname(ancestor)) {
        targets.add(path.join(ancestor, `${marker}.jpg`));
        targets.add(path.join(ancestor, `${marker}-back.jpg`));
        if (ancestor === path.dirname(ancestor)) break;
      }
    }
    for (const target of targets)
      expect(
        await stat(target).then(
          () => target,
          () => null,
        ),
      ).toBeNull();
  });

  it('answers a replayed externalId with the first result (200) and stores nothing new', async () => {
    const { body } = await cleanIndividual();
    const first = await submitIntake(t.url, body, individualDocuments());
    expect(first.status).toBe(201);
    const before = await counts();
    const replay = await submitIntake(
      t.url,
      { ...body, newAccountEmail: 'someone-else@example.cn' },
      individualDocuments(),
    );
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first.body);
    expect(await counts()).toEqual(before);
  });

  it('stores one request when the same externalId arrives ten times at once', async () => {
    const startedAt = new Date(Date.now() - 1000);
    const { body } = await cleanIndividual();
    const documents = individualDocuments();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => submitIntake(t.url, body, documents)),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([
      200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
    ]);
    expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
    const [row] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM initialization_requests WHERE external_id = $1`,
      [body.externalId],
    );
    expect(row.n).toBe(1);
    // The nine uploads staged for the losing deliveries were discarded: objects and data keys.
    const [orphans] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_keys k
        WHERE k.created_at >= $1
          AND NOT EXISTS (SELECT 1 FROM request_documents d WHERE d.storage_key = k.storage_key)`,
      [startedAt],
    );
    expect(orphans.n).toBe(0);
    expect((await storedFiles()).filter((file) => file.startsWith('.'))).toEqual([]);
  });

  describe('raises each risk flag for a request built to raise it', () => {
    it('SUBJECT_NOT_FOUND for a filing number the registry does not know', async () => {
      const response = await submitIntake(
        t.url,
        individualRequest({ filingNumber: filingNumber('粤') }),
        individualDocuments(),
      );
      expect(response.body.riskFlags).toEqual(['SUBJECT_NOT_FOUND']);
    });

    it('SUBJECT_MISMATCH when the name differs from the registry', async () => {
      const { body } = await cleanIndividual();
      const response = await submitIntake(
        t.url,
        { ...body, subjectName: '李小娜' },
        individualDocuments(),
      );
      expect(response.body.riskFlags).toEqual(['SUBJECT_MISMATCH']);
    });

    it('ACCOUNT_HOLDS_OTHER_SUBJECT when the Alibaba Cloud account is bound to another subject', async () => {
      const other = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: '张伟',
        credentialNumber: residentId('110101', '19800101', 555),
        filingNumber: filingNumber('京'),
        aliyunAccountId: '5550001112223334',
      });
      expect(other.aliyunAccountId).toBe('5550001112223334');
      const { body } = await cleanIndividual();
      const response = await submitIntake(
        t.url,
        { ...body, aliyunAccountId: '5550001112223334' },
        individualDocuments(),
      );
      expect(response.body.riskFlags).toEqual(['ACCOUNT_HOLDS_OTHER_SUBJECT']);
    });

    it("INVALID_ID_CHECKSUM when the individual subject's ID number fails its checksum", async () => {
      const { body } = await cleanIndividual();
      const broken =
        body.credentialNumber.slice(0, 17) + (body.credentialNumber.endsWith('1') ? '2' : '1');
      const response = await submitIntake(
        t.url,
        { ...body, credentialNumber: broken },
        individualDocuments(),
      );
      expect(response.status).toBe(201);
      expect(response.body.riskFlags).toEqual(['SUBJECT_MISMATCH', 'INVALID_ID_CHECKSUM']);
    });

    it("INVALID_USCC_CHECKSUM when the organization's credit code fails its checksum", async () => {
      const code = creditCode();
      const broken = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
      const response = await submitIntake(
        t.url,
        individualRequest({
          subjectType: 'ORGANIZATION',
          filingNumber: filingNumber('苏'),
          credentialNumber: broken,
        }),
        individualDocuments(),
      );
      expect(response.body.riskFlags).toEqual(['SUBJECT_NOT_FOUND', 'INVALID_USCC_CHECKSUM']);
    });

    it('DUPLICATE_OPEN_REQUEST when another request for the subject is still open', async () => {
      const { body } = await cleanIndividual();
      await submitIntake(t.url, body, individualDocuments());
      const response = await submitIntake(
        t.url,
        { ...body, externalId: `${body.externalId}-again` },
        individualDocuments(),
      );
      expect(response.body.riskFlags).toEqual(['DUPLICATE_OPEN_REQUEST']);
    });

    it('DOCUMENT_REUSED when a file was sent before for a different subject', async () => {
      const first = await cleanIndividual();
      const documents = individualDocuments();
      await submitIntake(t.url, first.body, documents);
      const second = await cleanIndividual();
      const response = await submitIntake(t.url, second.body, documents);
      expect(response.body.riskFlags).toEqual(['DOCUMENT_REUSED']);
    });

    it("RECENT_EMAIL_CHANGE when the subject's account email changed in the last 30 days", async () => {
      const id = residentId('330106', '19870909', 777);
      const subject = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: '陈杰',
        credentialNumber: id,
        filingNumber: filingNumber(),
        accountEmailChangedDaysAgo: 10,
      });
      const body = individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '陈杰',
        credentialNumber: id,
        applicant: { name: '陈杰', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13600136000' },
      });
      const response = await submitIntake(t.url, body, individualDocuments());
      expect(response.body.riskFlags).toEqual(['RECENT_EMAIL_CHANGE']);
    });
  });

  it('refuses a wrong or missing token with 401 and stores nothing', async () => {
    const before = await counts();
    const missing = await submitIntake(t.url, individualRequest(), individualDocuments(), null);
    const wrong = await submitIntake(
      t.url,
      individualRequest(),
      individualDocuments(),
      'not-the-token-at-all-000',
    );
    for (const response of [missing, wrong]) {
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(missing.body.code).toBe('token.missing');
    expect(wrong.body.code).toBe('token.invalid');
    expect(await counts()).toEqual(before);
  });

  describe("answers in the caller's language, with the same codes in every language", () => {
    /** A text file sent as ID_FRONT: not a JPEG, PNG or PDF by its content. */
    const textAsFront = (): IntakeFile[] =>
      individualDocuments().map((file) =>
        file.field === 'ID_FRONT'
          ? {
              ...file,
              content: Buffer.from('just some text, not an image\n'.repeat(20)),
              filename: 'front.png',
              contentType: 'image/png',
            }
          : file,
      );
    const fieldsAndCodes = (response: request.Response) =>
      (response.body.errors as { field: string; code: string }[]).map(({ field, code }) => ({
        field,
        code,
      }));

    it('an invalid submission: English by default, Chinese for Accept-Language: zh-CN, the same codes and fields', async () => {
      const before = await counts();
      const body = individualRequest();
      const idNumber = body.applicant.idNumber;
      const invalid = {
        ...body,
        externalId: '',
        receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
        filingNumber: '京ICP证030173号',
        subjectName: '王'.repeat(201),
        applicant: {
          ...body.applicant,
          idNumber: idNumber.slice(0, 17) + (idNumber.endsWith('1') ? '2' : '1'),
          role: 'OWNER',
          phone: 'call me',
        },
        newAccountEmail: 'not-an-email',
        aliyunAccountId: 'abc',
      };
      const files = individualDocuments().filter((file) => file.field !== 'ID_FRONT');
      const english = await submitIntake(t.url, invalid, files);
      const chinese = await submitIntake(t.url, invalid, files).set(
        'Accept-Language',
        'zh-CN,zh;q=0.9,en;q=0.8',
      );
      for (const response of [english, chinese]) {
        expect(response.status).toBe(400);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(english.body).toMatchObject({
        type: expect.stringContaining('validation'),
        title: 'The request is not valid',
        code: 'request.invalid',
        detail: '10 fields are invalid.',
      });
      expect(chinese.body).toMatchObject({
        type: english.body.type,
        title: '请求无效',
        code: 'request.invalid',
        detail: '10 个字段无效。',
      });
      expect(fieldsAndCodes(english)).toEqual([
        { field: 'externalId', code: 'field.required' },
        { field: 'subjectName', code: 'field.too-long' },
        { field: 'applicant.role', code: 'applicant-role.invalid' },
        { field: 'applicant.phone', code: 'phone.invalid' },
        { field: 'newAccountEmail', code: 'email.invalid' },
        { field: 'aliyunAccountId', code: 'aliyun-account-id.invalid' },
        { field: 'receivedAt', code: 'received-at.future' },
        { field: 'filingNumber', code: 'filing-number.icp-licence' },
        { field: 'applicant.idNumber', code: 'id-number.checksum' },
        { field: 'ID_FRONT', code: 'document.required' },
      ]);
      expect(fieldsAndCodes(chinese)).toEqual(fieldsAndCodes(english));
      const messages = (response: request.Response): string[] =>
        (response.body.errors as { message: string }[]).map(({ message }) => message);
      expect(messages(english)).toEqual([
        'externalId is required',
        'subjectName must be at most 200 characters',
        'applicant.role must be SUBJECT_ADMIN, WEBSITE_ADMIN or OTHER',
        'applicant.phone must be a phone number',
        'newAccountEmail must be an email address',
        'aliyunAccountId must be the numeric Alibaba Cloud account id',
        'receivedAt is in the future',
        'filingNumber This is a commercial ICP licence number (ICP证), not an ICP filing number (ICP备).',
        expect.stringMatching(
          /^applicant\.idNumber is not a valid resident ID number: The check character should be [0-9X]\.$/,
        ),
        'ID_FRONT is required for an individual subject (ID card, front)',
      ]);
      expect(messages(chinese)).toEqual([
        'externalId 为必填项',
        'subjectName 最多 200 个字符',
        'applicant.role 必须是 SUBJECT_ADMIN、WEBSITE_ADMIN 或 OTHER',
        'applicant.phone 必须是电话号码',
        'newAccountEmail 必须是电子邮箱地址',
        'aliyunAccountId 必须是数字形式的阿里云账号 ID',
        'receivedAt 晚于当前时间',
        'filingNumber：这是经营性ICP许可证号（ICP证），不是ICP备案号（ICP备）。',
        expect.stringMatching(
          /^applicant\.idNumber 不是有效的居民身份证号码：校验位应为 [0-9X]。$/,
        ),
        '个人主体须提交 ID_FRONT（身份证人像面）',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('a refused token: 401 coded token.missing or token.invalid, in English and in Chinese', async () => {
      const cases = [
        {
          token: null,
          code: 'token.missing',
          en: 'Send the intake token as "Authorization: Bearer <token>".',
          zh: '请以 "Authorization: Bearer <token>" 发送接入令牌。',
        },
        {
          token: 'not-the-token-at-all-000',
          code: 'token.invalid',
          en: 'The intake token is not valid.',
          zh: '接入令牌无效。',
        },
      ];
      for (const { token, code, en, zh } of cases) {
        const english = await submitIntake(t.url, individualRequest(), [], token);
        const chinese = await submitIntake(t.url, individualRequest(), [], token).set(
          'Accept-Language',
          'zh-CN',
        );
        expect(english.status).toBe(401);
        expect(english.body).toMatchObject({ status: 401, code, detail: en });
        expect(chinese.status).toBe(401);
        expect(chinese.body).toMatchObject({ status: 401, code, detail: zh });
      }
    });

    it('a document that is not a JPEG, PNG or PDF: 415 coded file.unsupported-type, in Chinese too', async () => {
      const before = await counts();
      const response = await submitIntake(t.url, individualRequest(), textAsFront()).set(
        'Accept-Language',
        'zh-CN',
      );
      expect(response.status).toBe(415);
      expect(response.body).toMatchObject({
        code: 'file.unsupported-type',
        title: '材料文件类型不受支持',
        detail: '材料须为 JPEG、PNG 或 PDF 文件（按文件内容判断，而非文件名）。',
      });
      expect(response.body.errors).toEqual([
        {
          field: 'ID_FRONT',
          code: 'file.unsupported-type',
          message: 'ID_FRONT 不是 JPEG、PNG 或 PDF 文件',
        },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('what the multipart reader refuses is coded too: another content type (415), a file in an unknown field (400)', async () => {
      const before = await counts();
      const mixed = await request(t.url)
        .post('/api/v1/initialization-requests')
        .set(auth)
        .set('Content-Type', 'multipart/mixed; boundary=x')
        .send('--x--\r\n');
      expect(mixed.status).toBe(415);
      expect(mixed.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(mixed.body.code).toBe('request.unsupported-content-type');
      const [front] = individualDocuments();
      const passport = await submitIntake(t.url, individualRequest(), [
        ...individualDocuments(),
        { ...front!, field: 'PASSPORT' },
      ]).set('Accept-Language', 'zh-CN');
      expect(passport.status).toBe(400);
      expect(passport.body).toMatchObject({
        code: 'request.invalid',
        errors: [
          {
            field: 'PASSPORT',
            code: 'file.unexpected-field',
            message: expect.stringMatching(/^PASSPORT 不是材料字段/),
          },
        ],
      });
      expect(await counts()).toEqual(before);
    });
  });

  it('lists every invalid field of a request with five mistakes in one problem+json answer', async () => {
    const before = await counts();
    const body = individualRequest();
    const response = await submitIntake(
      t.url,
      {
        ...body,
        receivedAt: '2026-11-25 10:00',
        filingNumber: '京ICP证030173号',
        newAccountEmail: 'not-an-email',
        applicant: {
          ...body.applicant,
          idNumber:
            body.applicant.idNumber.slice(0, 17) +
            (body.applicant.idNumber.endsWith('1') ? '2' : '1'),
        },
        aliyunAccountId: 'abc',
      },
      individualDocuments(),
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      type: expect.stringContaining('validation'),
      title: 'The request is not valid',
      status: 400,
      detail: '5 fields are invalid.',
    });
    expect(response.body.code).toBe('request.invalid');
    expect(
      response.body.errors
        .map((error: { field: string; code: string }) => `${error.field} ${error.code}`)
        .sort(),
    ).toEqual([
      'aliyunAccountId aliyun-account-id.invalid',
      'applicant.idNumber id-number.checksum',
      'filingNumber filing-number.icp-licence',
      'newAccountEmail email.invalid',
      'receivedAt datetime.invalid',
    ]);
    expect(
      response.body.errors.find((error: { field: string }) => error.field === 'filingNumber')
        .message,
    ).toMatch(/licen[cs]e/i);
    expect(await counts()).toEqual(before);
  });

  it('lists a bad email, a receipt time in the future and a missing document in one answer, and stores nothing', async () => {
    const before = await counts();
    const response = await submitIntake(
      t.url,
      individualRequest({
        newAccountEmail: 'not-an-email',
        receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
      }),
      individualDocuments().filter((file) => file.field !== 'ID_FRONT'),
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toBe('3 fields are invalid.');
    expect(
      [...response.body.errors].sort((a: { field: string }, b: { field: string }) =>
        a.field.localeCompare(b.field),
      ),
    ).toEqual([
      {
        field: 'ID_FRONT',
        code: 'document.required',
        message: expect.stringContaining('ID_FRONT is required for an individual subject'),
      },
      {
        field: 'newAccountEmail',
        code: 'email.invalid',
        message: 'newAccountEmail must be an email address',
      },
      { field: 'receivedAt', code: 'received-at.future', message: 'receivedAt is in the future' },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('names the documents every subject requires even when the subject type is malformed', async () => {
    const before = await counts();
    const response = await submitIntake(
      t.url,
      { ...individualRequest(), subjectType: 'COMPANY' },
      [],
    );
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'HALF_LENGTH_PHOTO',
      'ID_BACK',
      'ID_FRONT',
      'subjectType',
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses control characters in text fields with 400 (a NUL byte cannot be stored) and stores nothing', async () => {
    const before = await counts();
    const body = individualRequest();
    const response = await submitIntake(
      t.url,
      {
        ...body,
        subjectName: '王\u0000小明',
        applicant: { ...body.applicant, name: '王小明\u0007' },
      },
      individualDocuments(),
    );
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors).toEqual([
      {
        field: 'subjectName',
        code: 'field.control-characters',
        message: 'subjectName must not contain control characters',
      },
      {
        field: 'applicant.name',
        code: 'field.control-characters',
        message: 'applicant.name must not contain control characters',
      },
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a receipt time in the future', async () => {
    const response = await submitIntake(
      t.url,
      individualRequest({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
      individualDocuments(),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      { field: 'receivedAt', code: 'received-at.future', message: 'receivedAt is in the future' },
    ]);
  });

  it('tells a client the status of its request, and lets it withdraw it once', async () => {
    const { body } = await cleanIndividual();
    const created = await submitIntake(t.url, body, individualDocuments());
    const status = await request(t.url)
      .get(`/api/v1/initialization-requests/${created.body.id}`)
      .set(auth);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({
      id: created.body.id,
      status: 'PENDING_REVIEW',
      externalId: body.externalId,
      receivedAt: new Date(body.receivedAt).toISOString(),
      dueAt: created.body.dueAt,
      decision: null,
    });
    expect(status.body.dueAt).toEqual(expect.any(String));
    const withdrawn = await request(t.url)
      .post(`/api/v1/initialization-requests/${created.body.id}/withdrawal`)
      .set(auth);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toEqual({ id: created.body.id, status: 'WITHDRAWN' });
    const again = await request(t.url)
      .post(`/api/v1/initialization-requests/${created.body.id}/withdrawal`)
      .set(auth);
    expect(again.status).toBe(409);
    expect(again.body.title).toBe('This request is withdrawn, so it cannot be withdrawn.');
    const after = await request(t.url)
      .get(`/api/v1/initialization-requests/${created.body.id}`)
      .set(auth);
    expect(after.body.decision).toMatchObject({ outcome: 'WITHDRAWN', reasons: [] });
    const unknown = await request(t.url)
      .get(`/api/v1/initialization-requests/00000000-0000-4000-8000-000000000000`)
      .set(auth);
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({
      code: 'request.not-found',
      detail:
        'There is no initialization request 00000000-0000-4000-8000-000000000000 for this client.',
    });
    const notAnId = await request(t.url)
      .get(`/api/v1/initialization-requests/not-a-uuid`)
      .set(auth);
    expect(notAnId.status).toBe(404);
    expect(notAnId.body).toMatchObject({
      code: 'request.not-found',
      detail: 'There is no initialization request not-a-uuid for this client.',
    });
  });

  it('refuses to withdraw an approved request (409) and tells its decision', async () => {
    const created = await submitReviewable(t);
    await act(created.id, 'claim');
    await act(created.id, 'checks', await checksForm(t, created.id));
    await act(created.id, 'approve');
    const refused = await request(t.url)
      .post(`/api/v1/initialization-requests/${created.id}/withdrawal`)
      .set(auth);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.title).toBe('This request is approved, so it cannot be withdrawn.');
    const status = await request(t.url)
      .get(`/api/v1/initialization-requests/${created.id}`)
      .set(auth);
    expect(status.body).toMatchObject({
      id: created.id,
      status: 'APPROVED',
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
      decision: { outcome: 'APPROVED', decidedAt: expect.any(String), reasons: [] },
    });
  });

  it('refuses to withdraw a rejected request (409) and tells its decision with the reason codes', async () => {
    const created = await submitReviewable(t);
    await act(created.id, 'claim');
    await act(created.id, 'reject', {
      reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
      message: 'The ID photo is blurred.',
    });
    const refused = await request(t.url)
      .post(`/api/v1/initialization-requests/${created.id}/withdrawal`)
      .set(auth);
    expect(refused.status).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.title).toBe('This request is rejected, so it cannot be withdrawn.');
    const status = await request(t.url)
      .get(`/api/v1/initialization-requests/${created.id}`)
      .set(auth);
    expect(status.body).toMatchObject({
      id: created.id,
      status: 'REJECTED',
      receivedAt: expect.any(String),
      dueAt: expect.any(String),
      decision: {
        outcome: 'REJECTED',
        decidedAt: expect.any(String),
        reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        message: 'The ID photo is blurred.',
      },
    });
  });

  describe('a resubmission is validated as intake is, and a refused one changes nothing', () => {
    it('refuses a missing or wrong token with 401', async () => {
      const created = await awaitingApplicant();
      const before = { counts: await counts(), request: await snapshotOf(created.id) };
      const [front, , photo] = individualDocuments();
      const resubmit = () =>
        request(t.url)
          .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
          .attach('ID_FRONT', front!.content, 'front.jpg')
          .attach('HALF_LENGTH_PHOTO', photo!.content, 'photo.jpg');
      const missing = await resubmit();
      const wrong = await resubmit().set('Authorization', 'Bearer not-the-token-at-all-000');
      for (const response of [missing, wrong]) {
        expect(response.status).toBe(401);
        expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
      }
      expect({ counts: await counts(), request: await snapshotOf(created.id) }).toEqual(before);
      // The same documents with the token are taken, so the refusals were about the token.
      expect((await resubmit().set(auth)).status).toBe(200);
    });

    it('refuses a text file named .png with 415', async () => {
      const created = await awaitingApplicant();
      const before = { counts: await counts(), request: await snapshotOf(created.id) };
      const [, , photo] = individualDocuments();
      const response = await request(t.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set(auth)
        .attach('ID_FRONT', Buffer.from('just some text, not an image\n'.repeat(20)), {
          filename: 'front.png',
          contentType: 'image/png',
        })
        .attach('HALF_LENGTH_PHOTO', photo!.content, 'photo.jpg');
      expect(response.status).toBe(415);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('file.unsupported-type');
      expect(response.body.errors).toContainEqual({
        field: 'ID_FRONT',
        code: 'file.unsupported-type',
        message: expect.stringContaining('is not a JPEG, PNG or PDF file'),
      });
      expect({ counts: await counts(), request: await snapshotOf(created.id) }).toEqual(before);
    });
  });

  it('keeps ID numbers, credential numbers and tokens out of the logs, and marks every line of a request with its id', async () => {
    const { body } = await cleanIndividual();
    const organization = individualRequest({
      subjectType: 'ORGANIZATION',
      credentialNumber: creditCode(),
      applicant: {
        name: '李四',
        idNumber: residentId('330102', '19880808', 432),
        role: 'OTHER',
        phone: '13700137000',
      },
    });
    const badId =
      body.applicant.idNumber.slice(0, 17) + (body.applicant.idNumber.endsWith('1') ? '2' : '1');
    const wrongToken = `wrong-${randomBytes(8).toString('hex')}`;
    const from = t.logs.length;
    const ids: string[] = [];
    const tagged = <T extends { set(name: string, value: string): T }>(call: T): T => {
      const id = `log-test-${randomBytes(6).toString('hex')}`;
      ids.push(id);
      return call.set('X-Request-Id', id);
    };
    const created = await tagged(submitIntake(t.url, body, individualDocuments()));
    expect(created.status).toBe(201);
    expect((await tagged(submitIntake(t.url, body, individualDocuments()))).status).toBe(200);
    expect((await tagged(submitIntake(t.url, organization, individualDocuments()))).status).toBe(
      400,
    );
    expect(
      (
        await tagged(
          submitIntake(
            t.url,
            {
              ...body,
              externalId: `${body.externalId}-bad`,
              applicant: { ...body.applicant, idNumber: badId },
            },
            individualDocuments(),
          ),
        )
      ).status,
    ).toBe(400);
    expect(
      (await tagged(submitIntake(t.url, body, individualDocuments(), wrongToken))).status,
    ).toBe(401);
    expect(
      (
        await tagged(
          request(t.url).get(`/api/v1/initialization-requests/${created.body.id}`).set(auth),
        )
      ).status,
    ).toBe(200);
    // The response line of the last request is written as it finishes.
    await new Promise((resolve) => setTimeout(resolve, 100));

    const text = JSON.stringify(t.logs);
    for (const secret of [
      body.applicant.idNumber,
      body.credentialNumber,
      badId,
      organization.applicant.idNumber,
      organization.credentialNumber,
      TEST_INTAKE_TOKEN,
      wrongToken,
    ])
      expect(text).not.toContain(secret);
    const lines = t.logs.slice(from);
    const ours = lines.filter((line) => ids.includes(line.requestId as string));
    expect(new Set(ours.map((line) => line.requestId))).toEqual(new Set(ids));
    const untagged = lines.filter((line) => line.requestId === undefined);
    expect(untagged).toEqual([]);
  });

  describe('the OpenAPI document', () => {
    it('lists exactly the routes the API serves', async () => {
      const document = (await request(t.url).get('/api/docs')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const documented = Object.entries(document.paths)
        .flatMap(([route, operations]) =>
          Object.keys(operations).map(
            (method) => `${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`,
          ),
        )
        .sort();
      const router = t.app.getHttpAdapter().getInstance() as {
        router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
      };
      const served = router.router.stack
        .filter((layer) => layer.route?.path.startsWith('/api/v1/'))
        .flatMap((layer) =>
          Object.keys(layer.route!.methods).map(
            (method) => `${method.toUpperCase()} ${layer.route!.path}`,
          ),
        )
        .sort();
      expect(documented).toEqual(served);
    });

    it('describes the answers the API actually gives', async () => {
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
        const content =
          declared!.content?.[String(response.headers['content-type']).split(';')[0]!];
        expect(content).toBeDefined();
        const validate = ajv.compile(content!.schema as object);
        expect(validate(response.body) ? [] : validate.errors).toEqual([]);
      };
      const { body } = await cleanIndividual();
      const created = await submitIntake(t.url, body, individualDocuments());
      check('/api/v1/initialization-requests', 'post', created);
      check(
        '/api/v1/initialization-requests',
        'post',
        await submitIntake(t.url, body, individualDocuments()),
      );
      check(
        '/api/v1/initialization-requests',
        'post',
        await submitIntake(t.url, { ...body, externalId: '' }, individualDocuments()),
      );
      check(
        '/api/v1/initialization-requests',
        'post',
        await submitIntake(t.url, body, individualDocuments(), null),
      );
      check(
        '/api/v1/initialization-requests',
        'post',
        await submitIntake(t.url, { ...body, externalId: '' }, individualDocuments()).set(
          'Accept-Language',
          'zh-CN',
        ),
      );
      check(
        '/api/v1/initialization-requests',
        'post',
        await submitIntake(
          t.url,
          body,
          individualDocuments().map((file) =>
            file.field === 'ID_BACK'
              ? { ...file, content: Buffer.from('not an image\n'.repeat(20)) }
              : file,
          ),
        ),
      );
      const auth = { Authorization: `Bearer ${TEST_INTAKE_TOKEN}` };
      const itemRoute = '/api/v1/initialization-requests/{id}';
      check(
        itemRoute,
        'get',
        await request(t.url).get(`/api/v1/initialization-requests/${created.body.id}`).set(auth),
      );
      check(
        itemRoute,
        'get',
        await request(t.url)
          .get(`/api/v1/initialization-requests/00000000-0000-4000-8000-000000000000`)
          .set(auth),
      );
      check(
        itemRoute,
        'get',
        await request(t.url).get(`/api/v1/initialization-requests/not-a-uuid`).set(auth),
      );
      check(
        `${itemRoute}/withdrawal`,
        'post',
        await request(t.url)
          .post(`/api/v1/initialization-requests/${created.body.id}/withdrawal`)
          .set(auth),
      );
      check(
        `${itemRoute}/withdrawal`,
        'post',
        await request(t.url)
          .post(`/api/v1/initialization-requests/${created.body.id}/withdrawal`)
          .set(auth),
      );
    });
  });

  describe('the edges a real day hits: what the contract refuses, by name', () => {
    /** `field code` of each entry of `errors`, sorted. */
    const coded = (response: request.Response): string[] =>
      (response.body.errors as { field: string; code: string }[])
        .map((error) => `${error.field} ${error.code}`)
        .sort();

    it('refuses unknown keys of the request JSON at any depth, naming each, and stores nothing', async () => {
      const before = await counts();
      const body = individualRequest();
      const response = await submitIntake(
        t.url,
        {
          ...body,
          subjectname: body.subjectName,
          applicant: { ...body.applicant, mobile: '13911112222' },
        },
        individualDocuments(),
      );
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.code).toBe('request.invalid');
      expect(response.body.errors).toEqual(
        expect.arrayContaining([
          {
            field: 'subjectname',
            code: 'field.unknown',
            message: 'subjectname is not a field of the request',
          },
          {
            field: 'applicant.mobile',
            code: 'field.unknown',
            message: 'applicant.mobile is not a field of the request',
          },
        ]),
      );
      expect(response.body.errors).toHaveLength(2);
      expect(await counts()).toEqual(before);
    });

    it("names a file in an unknown field and a text field the submission does not have, never in multer's words", async () => {
      const before = await counts();
      const [front] = individualDocuments();
      const passport = await submitIntake(t.url, individualRequest(), [
        ...individualDocuments(),
        { ...front!, field: 'passport', filename: 'passport.jpg' },
      ]);
      expect(passport.status).toBe(400);
      expect(passport.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(passport.body.errors).toEqual([
        {
          field: 'passport',
          code: 'file.unexpected-field',
          message: expect.stringMatching(/^passport is not a document field/),
        },
      ]);
      expect(JSON.stringify(passport.body)).not.toMatch(/Unexpected (file )?field/i);

      const notes = await submitIntake(t.url, individualRequest(), individualDocuments())
        .field('notes', 'please hurry')
        .field('ID_BACK', 'aGVsbG8=');
      expect(notes.status).toBe(400);
      expect(notes.body.errors).toEqual([
        { field: 'notes', code: 'field.unknown', message: 'notes is not a field of the request' },
        { field: 'ID_BACK', code: 'field.invalid-type', message: 'ID_BACK must be of type file' },
      ]);

      const created = await awaitingApplicant();
      const resubmission = await request(t.url)
        .post(`/api/v1/initialization-requests/${created.id}/resubmissions`)
        .set(auth)
        .attach('PHOTO', front!.content, 'photo.jpg');
      expect(resubmission.status).toBe(400);
      expect(coded(resubmission)).toEqual(['PHOTO file.unexpected-field']);
      expect((await counts()).documents).toBe(before.documents + 3);
    });

    it('says which document was too large in a 413: its field and its file name, in both languages', async () => {
      const photos = individualDocuments();
      const maxFileBytes = Math.max(...photos.map((file) => file.content.length)) + 4096;
      const small = await startTestApp({ env: { MAX_FILE_BYTES: String(maxFileBytes) } });
      try {
        const before = await counts();
        const files = photos.map((file) =>
          file.field === 'HALF_LENGTH_PHOTO'
            ? { ...jpegOfSize(file, maxFileBytes + 8192), filename: 'IMG_2041.jpg' }
            : file,
        );
        const english = await submitIntake(small.url, individualRequest(), files);
        expect(english.status).toBe(413);
        expect(english.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(english.body).toMatchObject({
          code: 'file.too-large',
          errors: [
            {
              field: 'HALF_LENGTH_PHOTO',
              code: 'file.too-large',
              message: `HALF_LENGTH_PHOTO (IMG_2041.jpg) is larger than ${maxFileBytes} bytes`,
            },
          ],
        });
        const chinese = await submitIntake(small.url, individualRequest(), files).set(
          'Accept-Language',
          'zh-CN',
        );
        expect(chinese.status).toBe(413);
        expect(chinese.body.errors).toEqual([
          {
            field: 'HALF_LENGTH_PHOTO',
            code: 'file.too-large',
            message: `HALF_LENGTH_PHOTO（IMG_2041.jpg）超过 ${maxFileBytes} 字节`,
          },
        ]);
        expect(await counts()).toEqual(before);
      } finally {
        await small.close();
      }
    });

    it('counts a subject name as it is stored: 12 × U+FDFA passes 200 characters only before NFKC, so it is refused (400, not 500)', async () => {
      const before = await counts();
      const ligatures = '\ufdfa'.repeat(12);
      expect(ligatures.normalize('NFKC').length).toBeGreaterThan(200);
      const response = await submitIntake(
        t.url,
        individualRequest({ subjectName: ligatures }),
        individualDocuments(),
      );
      expect(response.status).toBe(400);
      expect(response.body.errors).toEqual([
        {
          field: 'subjectName',
          code: 'field.too-long',
          message: 'subjectName must be at most 200 characters',
        },
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses half a surrogate pair in any text field with 400 problem+json (not a 500 from PostgreSQL), and stores nothing', async () => {
      const before = await counts();
      const body = individualRequest();
      const json = JSON.stringify({
        ...body,
        externalId: 'abc\ud800',
        applicant: { ...body.applicant, name: '\udc00王小明' },
      });
      expect(json).toContain('"abc\\ud800"');
      const response = await submitIntake(t.url, json, individualDocuments());
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(coded(response)).toEqual([
        'applicant.name field.unpaired-surrogate',
        'externalId field.unpaired-surrogate',
      ]);
      expect(await counts()).toEqual(before);
    });

    it('refuses a receipt time older than INTAKE_MAX_AGE_DAYS (30 by default) or in the future, and accepts one 29 days old', async () => {
      const before = await counts();
      const day = 24 * 3_600_000;
      const refusal = async (receivedAt: string) => {
        const response = await submitIntake(
          t.url,
          individualRequest({ receivedAt }),
          individualDocuments(),
        );
        expect(response.status).toBe(400);
        return response.body.errors;
      };
      const tooOld = {
        field: 'receivedAt',
        code: 'received-at.too-old',
        message: 'receivedAt is more than 30 days ago',
      };
      expect(await refusal(new Date(Date.now() - 31 * day).toISOString())).toEqual([tooOld]);
      expect(await refusal('0001-01-01T00:00:00Z')).toEqual([tooOld]);
      expect(await refusal(new Date(Date.now() + 3_600_000).toISOString())).toEqual([
        { field: 'receivedAt', code: 'received-at.future', message: 'receivedAt is in the future' },
      ]);
      expect(await counts()).toEqual(before);

      const { body } = await cleanIndividual();
      const receivedAt = new Date(Date.now() - 29 * day).toISOString();
      const accepted = await submitIntake(t.url, { ...body, receivedAt }, individualDocuments());
      expect(accepted.status).toBe(201);
      expect(new Date(accepted.body.receivedAt).toISOString()).toBe(receivedAt);
    });

    it('counts an ID number without a province code, or a credit code GB 32100 does not issue, as a failed checksum: 400 for the applicant, a risk flag for the filing', async () => {
      const before = await counts();
      const noProvince = residentId('160105', '19850412', 321);
      const body = individualRequest();
      const refused = await submitIntake(
        t.url,
        { ...body, applicant: { ...body.applicant, idNumber: noProvince } },
        individualDocuments(),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        {
          field: 'applicant.idNumber',
          code: 'id-number.province',
          message:
            'applicant.idNumber is not a valid resident ID number: The address code starts with 16, which is not a province code.',
        },
      ]);
      expect(await counts()).toEqual(before);

      const { body: clean } = await cleanIndividual();
      const individual = await submitIntake(
        t.url,
        { ...clean, credentialNumber: noProvince },
        individualDocuments(),
      );
      expect(individual.status).toBe(201);
      expect(individual.body.riskFlags).toEqual(['SUBJECT_MISMATCH', 'INVALID_ID_CHECKSUM']);

      // 9 (market regulation) issues 1, 2 and 3 only; the check character is right.
      const first17 = `94${creditCode().slice(2, 17)}`;
      const organization = await submitIntake(
        t.url,
        individualRequest({
          subjectType: 'ORGANIZATION',
          filingNumber: filingNumber('苏'),
          credentialNumber: first17 + unifiedSocialCreditCodeCheckCharacter(first17),
        }),
        individualDocuments(),
      );
      expect(organization.status).toBe(201);
      expect(organization.body.riskFlags).toEqual(['SUBJECT_NOT_FOUND', 'INVALID_USCC_CHECKSUM']);
    });

    it('accepts a receipt time of any age with INTAKE_MAX_AGE_DAYS=0, for back-filling history', async () => {
      const backfill = await startTestApp({ env: { INTAKE_MAX_AGE_DAYS: '0' } });
      try {
        const { body } = await cleanIndividual();
        const response = await submitIntake(
          backfill.url,
          { ...body, receivedAt: '2025-03-03T10:00:00+08:00' },
          individualDocuments(),
        );
        expect(response.status).toBe(201);
        expect(response.body.receivedAt).toBe('2025-03-03T02:00:00.000Z');
        const future = await submitIntake(
          backfill.url,
          individualRequest({ receivedAt: new Date(Date.now() + 3_600_000).toISOString() }),
          individualDocuments(),
        );
        expect(future.status).toBe(400);
        expect(coded(future)).toEqual(['receivedAt received-at.future']);
      } finally {
        await backfill.close();
      }
    });
  });
});
