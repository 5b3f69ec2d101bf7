import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import request from 'supertest';
import { runCli } from '../../src/cli/run-cli.js';
import { SweepOrphanDocumentsCommand } from '../../src/initialization/application/commands/sweep-orphan-documents/sweep-orphan-documents.command.js';
import {
  DOCUMENT_STORE,
  type DocumentStore,
} from '../../src/initialization/application/ports/document-store.js';
import {
  DOCUMENT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import {
  individualDocuments,
  individualRequest,
  submitIntake,
  type IntakeFile,
} from '../support/intake.js';
import { auditKeyEnv, s3StoreEnv, testServices, testsUseS3 } from '../support/services.js';
import {
  createStaff,
  startTestApp,
  TEST_DOCUMENT_ENCRYPTION_KEYS,
  TEST_INTAKE_TOKEN,
  type TestApp,
  type TestStaff,
} from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';
import { registerSubject } from '../support/registry.js';
import { filingNumber, residentId } from '../support/credentials.js';

const OLD_KEY = TEST_DOCUMENT_ENCRYPTION_KEYS; // test-1
const NEW_KEY = `test-2:${Buffer.alloc(32, 8).toString('base64')}`;
/** The same id as the current key, other bytes: what a mistyped secret looks like. */
const IMPOSTOR_KEY = `test-1:${Buffer.alloc(32, 6).toString('base64')}`;

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

interface StoredDocument {
  id: string;
  kind: string;
  sha256: string;
  storage_key: string | null;
}

describe('documents encrypted at rest', () => {
  // A database of its own: key rotation re-wraps every data key it holds.
  let t: TestApp;
  let reviewer: TestStaff;
  const others: TestApp[] = [];

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    reviewer = await createStaff(t.app, 'REVIEWER', 'Sun Li');
  });
  afterAll(async () => {
    for (const other of others) await other.close();
    await t.close();
  });

  /** Another instance on the same database (and the same store unless `env` says otherwise). */
  async function instance(env: Record<string, string>): Promise<TestApp> {
    const other = await startTestApp({ env: { DATABASE_URL: t.config.DATABASE_URL, ...env } });
    others.push(other);
    return other;
  }

  /** An individual's request through the intake API, with the files it sent. */
  async function submitted(
    through: TestApp = t,
    files: IntakeFile[] = individualDocuments(),
  ): Promise<{ id: string; files: IntakeFile[] }> {
    const id = residentId('330106', '19880808', 100 + Math.floor(Math.random() * 800));
    const subject = await registerSubject(t, {
      type: 'INDIVIDUAL',
      name: '孙丽',
      credentialNumber: id,
      filingNumber: filingNumber(),
    });
    const response = await submitIntake(
      through.url,
      individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '孙丽',
        credentialNumber: id,
        applicant: { name: '孙丽', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13700137000' },
      }),
      files,
    );
    expect(response.status).toBe(201);
    return { id: response.body.id, files };
  }

  async function documentsOf(requestId: string): Promise<StoredDocument[]> {
    const rows: StoredDocument[] = await t.dataSource.query(
      `SELECT id, kind, sha256, storage_key FROM request_documents WHERE request_id = $1 ORDER BY kind`,
      [requestId],
    );
    return rows.map((row) => ({ ...row, sha256: row.sha256.trim() }));
  }

  const sessions = new Map<TestApp, WebSession>();
  /** A document as the workspace serves it, through the given instance. */
  async function view(through: TestApp, requestId: string, documentId: string) {
    let session = sessions.get(through);
    if (!session) {
      session = await signedIn(through.url, reviewer.email, reviewer.password);
      sessions.set(through, session);
    }
    return session.agent
      .get(`/requests/${requestId}/documents/${documentId}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  }

  function objects(app: TestApp = t): ObjectStore {
    return app.app.get<ObjectStore>(DOCUMENT_OBJECTS);
  }

  async function cli(command: string, keys: string) {
    const lines: string[] = [];
    const output = {
      out: (line: string) => lines.push(line),
      err: (line: string) => lines.push(line),
    };
    const code = await runCli(
      [command],
      {
        DATABASE_URL: t.config.DATABASE_URL,
        REDIS_URL: t.config.REDIS_URL,
        SESSION_SECRET: t.config.SESSION_SECRET,
        PUBLIC_BASE_URL: t.config.PUBLIC_BASE_URL,
        INTAKE_TOKENS: 'cli:cli-token-000000000000',
        DOCUMENT_DIR: t.config.DOCUMENT_DIR,
        EXPORT_DIR: t.config.EXPORT_DIR,
        DOCUMENT_ENCRYPTION_KEYS: keys,
        ...(testsUseS3() ? s3StoreEnv() : {}),
        ...auditKeyEnv(),
      },
      output,
    );
    return { code, lines };
  }

  async function auditEvents(
    action: string,
  ): Promise<{ actor_name: string; details: Record<string, unknown> }[]> {
    return t.dataSource.query(
      `SELECT actor_name, details FROM audit_events WHERE action = $1 ORDER BY seq`,
      [action],
    );
  }

  /** Windows of the file at several places: none may appear in what is stored. */
  function slicesOf(content: Buffer): Buffer[] {
    const at = [0, 64, Math.floor(content.length / 2), content.length - 32];
    return at.map((offset) => content.subarray(offset, offset + 32));
  }

  it('stores each file encrypted under a key of its own: the object holds none of its bytes, and the workspace serves the exact file', async () => {
    const { id, files } = await submitted();
    const documents = await documentsOf(id);
    expect(documents.map((document) => document.kind)).toEqual([
      'HALF_LENGTH_PHOTO',
      'ID_BACK',
      'ID_FRONT',
    ]);
    const keys: { storage_key: string; key_id: string; wrapped: number }[] =
      await t.dataSource.query(
        `SELECT storage_key, key_id, octet_length(wrapped_key) AS wrapped FROM document_keys
        WHERE storage_key = ANY($1::uuid[]) ORDER BY storage_key`,
        [documents.map((document) => document.storage_key)],
      );
    expect(keys).toHaveLength(3);
    for (const key of keys) expect(key).toMatchObject({ key_id: 'test-1', wrapped: 60 });

    for (const document of documents) {
      const upload = files.find((file) => file.field === document.kind)!.content;
      expect(sha256(upload)).toBe(document.sha256);
      const stored = await objects().read(document.storage_key!);
      expect(stored.subarray(0, 4).toString('ascii')).toBe('BDOC');
      // IV and tag around the ciphertext, nothing of the file in the clear.
      expect(stored.length).toBe(upload.length + 5 + 12 + 16);
      for (const slice of slicesOf(upload)) expect(stored.includes(slice)).toBe(false);
      // No copy in the clear under its hash either.
      const legacyKey = `${document.sha256.slice(0, 2)}/${document.sha256.slice(2, 4)}/${document.sha256}`;
      expect(await objects().exists(legacyKey)).toBe(false);

      const served = await view(t, id, document.id);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, upload)).toBe(0);
    }
  });

  it('refuses to serve a document with a wrong master key, saying in the log which key and why', async () => {
    const { id, files } = await submitted();
    const [photo] = await documentsOf(id);
    const upload = files.find((file) => file.field === photo!.kind)!.content;

    const impostor = await instance({ DOCUMENT_ENCRYPTION_KEYS: IMPOSTOR_KEY });
    const refused = await view(impostor, id, photo!.id);
    expect(refused.status).toBe(500);
    for (const slice of slicesOf(upload))
      expect((refused.body as Buffer).includes(slice)).toBe(false);
    expect(JSON.stringify(impostor.logs)).toContain(
      `the data key of document ${photo!.storage_key} does not unwrap with master key \\"test-1\\": DOCUMENT_ENCRYPTION_KEYS holds a different key under that id`,
    );

    const without = await instance({ DOCUMENT_ENCRYPTION_KEYS: NEW_KEY });
    // Said at start-up already: documents wrapped by a key it does not have.
    expect(JSON.stringify(without.logs)).toMatch(
      /data keys are wrapped by master keys not in DOCUMENT_ENCRYPTION_KEYS: test-1 \(\d+\)/,
    );
    expect((await view(without, id, photo!.id)).status).toBe(500);
    expect(JSON.stringify(without.logs)).toContain(
      `is wrapped by master key \\"test-1\\", which is not in DOCUMENT_ENCRYPTION_KEYS (configured: test-2)`,
    );
    // Nothing was audited as viewed: the file never left the desk.
    const views: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE action = 'document.viewed' AND details->>'documentId' = $1`,
      [photo!.id],
    );
    expect(views[0]!.n).toBe(0);
  });

  it('rotates master keys: a new first key wraps new documents and old ones stay readable; after documents:rewrap-keys the old key can go', async () => {
    const before = await submitted();
    const [oldDocument] = await documentsOf(before.id);
    const oldUpload = before.files.find((file) => file.field === oldDocument!.kind)!.content;

    const rotated = await instance({ DOCUMENT_ENCRYPTION_KEYS: `${NEW_KEY},${OLD_KEY}` });
    const oldView = await view(rotated, before.id, oldDocument!.id);
    expect(oldView.status).toBe(200);
    expect(Buffer.compare(oldView.body as Buffer, oldUpload)).toBe(0);
    const after = await submitted(rotated);
    const [newDocument] = await documentsOf(after.id);
    const [{ key_id: newKeyId }] = await t.dataSource.query(
      `SELECT key_id FROM document_keys WHERE storage_key = $1`,
      [newDocument!.storage_key],
    );
    expect(newKeyId).toBe('test-2');

    const objectBefore = await objects().read(oldDocument!.storage_key!);
    const [{ n: underOld }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_keys WHERE key_id = 'test-1'`,
    );
    expect(underOld).toBeGreaterThan(0);
    const rewrap = await cli('documents:rewrap-keys', `${NEW_KEY},${OLD_KEY}`);
    expect(rewrap).toEqual({
      code: 0,
      lines: [
        `${underOld} document key(s) re-wrapped; every data key is now wrapped by master key "test-2".`,
      ],
    });
    const keyIds: { key_id: string }[] = await t.dataSource.query(
      `SELECT DISTINCT key_id FROM document_keys`,
    );
    expect(keyIds).toEqual([{ key_id: 'test-2' }]);
    // Rows only: the object is byte for byte what it was.
    expect(Buffer.compare(await objects().read(oldDocument!.storage_key!), objectBefore)).toBe(0);
    expect(await auditEvents('document.keys_rewrapped')).toEqual([
      expect.objectContaining({ details: { count: underOld, keyId: 'test-2' } }),
    ]);

    const newOnly = await instance({ DOCUMENT_ENCRYPTION_KEYS: NEW_KEY });
    for (const [requestId, document, upload] of [
      [before.id, oldDocument!, oldUpload],
      [
        after.id,
        newDocument!,
        after.files.find((file) => file.field === newDocument!.kind)!.content,
      ],
    ] as const) {
      const served = await view(newOnly, requestId, document.id);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, upload)).toBe(0);
    }
    // The original instance still holds only test-1: the rewrapped keys are now beyond it.
    expect((await view(t, before.id, oldDocument!.id)).status).toBe(500);
  });

  it('reads documents stored in the clear before, and documents:encrypt-legacy encrypts them and removes the file in the clear once nobody needs it', async () => {
    const keys = `${NEW_KEY},${OLD_KEY}`;
    const app = await instance({ DOCUMENT_ENCRYPTION_KEYS: keys });
    // Two requests sending the same ID card: two rows, one file in the clear.
    const seed = Math.floor(Math.random() * 1e9);
    const first = await submitted(app, individualDocuments(seed));
    const second = await submitted(app, individualDocuments(seed));
    const fronts = [
      (await documentsOf(first.id)).find((document) => document.kind === 'ID_FRONT')!,
      (await documentsOf(second.id)).find((document) => document.kind === 'ID_FRONT')!,
    ];
    const upload = first.files.find((file) => file.field === 'ID_FRONT')!.content;
    expect(fronts[1]!.sha256).toBe(fronts[0]!.sha256);
    const legacyKey = `${fronts[0]!.sha256.slice(0, 2)}/${fronts[0]!.sha256.slice(2, 4)}/${fronts[0]!.sha256}`;
    // As the desk stored them before encryption: in the clear under the hash, no storage key.
    await objects(app).put(legacyKey, upload);
    for (const front of fronts) {
      await objects(app).remove(front.storage_key!);
      await t.dataSource.query(`DELETE FROM document_keys WHERE storage_key = $1`, [
        front.storage_key,
      ]);
      await t.dataSource.query(`UPDATE request_documents SET storage_key = NULL WHERE id = $1`, [
        front.id,
      ]);
    }
    const legacyView = await view(app, first.id, fronts[0]!.id);
    expect(legacyView.status).toBe(200);
    expect(Buffer.compare(legacyView.body as Buffer, upload)).toBe(0);

    const encrypted = await cli('documents:encrypt-legacy', keys);
    expect(encrypted).toEqual({
      code: 0,
      lines: ['2 document(s) encrypted; 1 file(s) in the clear removed.'],
    });
    expect(await objects(app).exists(legacyKey)).toBe(false);
    const now = [
      (await documentsOf(first.id)).find((document) => document.kind === 'ID_FRONT')!,
      (await documentsOf(second.id)).find((document) => document.kind === 'ID_FRONT')!,
    ];
    expect(now[0]!.storage_key).not.toBeNull();
    expect(now[1]!.storage_key).not.toBeNull();
    expect(now[0]!.storage_key).not.toBe(now[1]!.storage_key);
    for (const [index, document] of now.entries()) {
      const stored = await objects(app).read(document.storage_key!);
      for (const slice of slicesOf(upload)) expect(stored.includes(slice)).toBe(false);
      const served = await view(app, [first.id, second.id][index]!, document.id);
      expect(served.status).toBe(200);
      expect(Buffer.compare(served.body as Buffer, upload)).toBe(0);
    }
    expect(await auditEvents('document.legacy_encrypted')).toEqual([
      expect.objectContaining({ details: { count: 2 } }),
    ]);
    // Nothing left to do: a second run changes nothing.
    expect(await cli('documents:encrypt-legacy', keys)).toEqual({
      code: 0,
      lines: ['0 document(s) encrypted; 0 file(s) in the clear removed.'],
    });
  });

  it('removes a document (retention) with its object and data key; a file in the clear shared by two documents only with the last of them', async () => {
    const store = t.app.get<DocumentStore>(DOCUMENT_STORE);
    const staged = await store.stage(Buffer.from('an ID card past its retention period'));
    await store.remove({ storageKey: staged.storageKey, sha256: staged.sha256 });
    expect(await objects().exists(staged.storageKey)).toBe(false);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_keys WHERE storage_key = $1`,
      [staged.storageKey],
    );
    expect(n).toBe(0);

    const seed = Math.floor(Math.random() * 1e9);
    const first = await submitted(t, individualDocuments(seed));
    const second = await submitted(t, individualDocuments(seed));
    const fronts = [first.id, second.id].map(async (requestId) =>
      (await documentsOf(requestId)).find((document) => document.kind === 'ID_FRONT')!,
    );
    const [one, two] = await Promise.all(fronts);
    const legacyKey = `${one!.sha256.slice(0, 2)}/${one!.sha256.slice(2, 4)}/${one!.sha256}`;
    await objects().put(legacyKey, first.files.find((file) => file.field === 'ID_FRONT')!.content);
    // As stored before encryption: in the clear under the hash, no storage key.
    for (const front of [one!, two!])
      await store.remove({ storageKey: front.storage_key, sha256: front.sha256 });
    await t.dataSource.query(
      `UPDATE request_documents SET storage_key = NULL WHERE id = ANY($1::uuid[])`,
      [[one!.id, two!.id]],
    );
    await store.remove({ id: one!.id, storageKey: null, sha256: one!.sha256 });
    await t.dataSource.query(`UPDATE request_documents SET purged_at = now() WHERE id = $1`, [
      one!.id,
    ]);
    expect(await objects().exists(legacyKey)).toBe(true);
    await store.remove({ id: two!.id, storageKey: null, sha256: two!.sha256 });
    await t.dataSource.query(`UPDATE request_documents SET purged_at = now() WHERE id = $1`, [
      two!.id,
    ]);
    expect(await objects().exists(legacyKey)).toBe(false);
  });

  it('sweeps uploads no request names once they are older than the grace period, once across two instances, audited as a count', async () => {
    const keys = `${NEW_KEY},${OLD_KEY}`;
    const [one, two] = [
      await instance({ DOCUMENT_ENCRYPTION_KEYS: keys }),
      await instance({ DOCUMENT_ENCRYPTION_KEYS: keys }),
    ];
    const store = one.app.get<DocumentStore>(DOCUMENT_STORE);
    // What a crash between the upload and the commit leaves: a staged file nobody names.
    const old = await store.stage(Buffer.from('an old upload whose request never committed'));
    const young = await store.stage(Buffer.from('an upload whose request is still on its way'));
    const kept = await submitted(one);
    const [keptDocument] = await documentsOf(kept.id);
    await t.dataSource.query(
      `UPDATE document_keys SET created_at = now() - interval '25 hours' WHERE storage_key = ANY($1::uuid[])`,
      [[old.storageKey, keptDocument!.storage_key]],
    );
    expect(await objects(one).exists(old.storageKey)).toBe(true);

    const results = await Promise.all(
      [one, two].map((app) => app.app.get(CommandBus).execute(new SweepOrphanDocumentsCommand(24))),
    );
    expect(results.map((result) => result.removed).sort()).toEqual([0, 1]);
    expect(await objects(one).exists(old.storageKey)).toBe(false);
    const left: { storage_key: string }[] = await t.dataSource.query(
      `SELECT storage_key FROM document_keys WHERE storage_key = ANY($1::uuid[]) ORDER BY storage_key`,
      [[old.storageKey, young.storageKey, keptDocument!.storage_key]],
    );
    expect(left.map((row) => row.storage_key).sort()).toEqual(
      [young.storageKey, keptDocument!.storage_key].sort(),
    );
    expect(await objects(one).exists(young.storageKey)).toBe(true);
    expect(await auditEvents('document.orphans_removed')).toEqual([
      { actor_name: 'document sweep', details: { count: 1, graceHours: 24 } },
    ]);
    const served = await view(two, kept.id, keptDocument!.id);
    expect(served.status).toBe(200);

    await young.discard();
    expect(await objects(one).exists(young.storageKey)).toBe(false);
    const [{ n }] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM document_keys WHERE storage_key = $1`,
      [young.storageKey],
    );
    expect(n).toBe(0);
  });

  describe('a store that refuses', () => {
    async function counts(): Promise<Record<string, number>> {
      const [row] = await t.dataSource.query(
        `SELECT (SELECT count(*) FROM initialization_requests)::int AS requests,
                (SELECT count(*) FROM request_documents)::int AS documents,
                (SELECT count(*) FROM document_keys)::int AS keys,
                (SELECT count(*) FROM audit_events)::int AS events`,
      );
      return row;
    }

    async function refusesIntake(down: TestApp): Promise<void> {
      const id = residentId('330106', '19930303', 100 + Math.floor(Math.random() * 800));
      const subject = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name: '钱八',
        credentialNumber: id,
        filingNumber: filingNumber(),
      });
      const body = individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: '钱八',
        credentialNumber: id,
        applicant: { name: '钱八', idNumber: id, role: 'SUBJECT_ADMIN', phone: '13600136000' },
      });
      const before = await counts();
      const response = await submitIntake(down.url, body, individualDocuments());
      expect(response.status).toBe(503);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.headers['retry-after']).toBe('30');
      expect(response.body).toMatchObject({
        status: 503,
        code: 'store.unavailable',
        detail:
          'The document store cannot be reached just now. Nothing was stored; send the request again in a minute.',
      });
      expect(await counts()).toEqual(before);

      const zh = await request(down.url)
        .post('/api/v1/initialization-requests')
        .set('Authorization', `Bearer ${TEST_INTAKE_TOKEN}`)
        .set('Accept-Language', 'zh-CN')
        .field('request', JSON.stringify({ ...body, externalId: `${body.externalId}-zh` }))
        .attach('ID_FRONT', individualDocuments()[0]!.content, 'front.jpg')
        .attach('ID_BACK', individualDocuments()[1]!.content, 'back.jpg')
        .attach('HALF_LENGTH_PHOTO', individualDocuments()[2]!.content, 'photo.jpg');
      expect(zh.status).toBe(503);
      expect(zh.body.detail).toBe(
        '暂时无法连接材料存储，本次提交未保存任何内容，请一分钟后重新发送。',
      );
      expect(await counts()).toEqual(before);
    }

    it('a disk that cannot be written: the intake answers 503 problem+json with Retry-After, and nothing is left behind', async () => {
      const blocker = path.join(testServices().scratchDir, `not-a-folder-${Date.now()}`);
      await writeFile(blocker, 'a file where the documents folder should be');
      const down = await instance({
        DOCUMENT_DIR: path.join(blocker, 'documents'),
        // On the disk even in a run against the S3 server.
        ...Object.fromEntries(Object.keys(s3StoreEnv()).map((key) => [key, ''])),
      });
      await refusesIntake(down);

      // A document view through it: a page in words, not a 500 or a "not found".
      const { id } = await submitted();
      const [document] = await documentsOf(id);
      const page = await view(down, id, document!.id);
      expect(page.status).toBe(503);
      expect(page.headers['retry-after']).toBe('30');
      expect((page.body as Buffer).toString('utf8')).toContain(
        'The desk cannot reach its document store just now. Nothing was changed; try again in a minute.',
      );
    });

    it('an S3 server that does not answer: the intake answers 503 problem+json, and nothing is left behind', async () => {
      const closed = await new Promise<number>((resolve) => {
        const server = createServer();
        server.listen(0, '127.0.0.1', () => {
          const { port } = server.address() as { port: number };
          server.close(() => resolve(port));
        });
      });
      const down = await instance({
        OBJECT_STORE_URL: `http://127.0.0.1:${closed}`,
        OBJECT_STORE_REGION: 'us-east-1',
        OBJECT_STORE_BUCKET: 'beian-closed',
        OBJECT_STORE_ACCESS_KEY_ID: 'closed',
        OBJECT_STORE_SECRET_ACCESS_KEY: 'closed-secret',
        OBJECT_STORE_FORCE_PATH_STYLE: 'true',
      });
      await refusesIntake(down);
    });
  });
});
