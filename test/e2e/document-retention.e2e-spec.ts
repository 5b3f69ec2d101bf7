import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CommandBus } from '@nestjs/cqrs';
import { VerifyAuditChainCommand } from '../../src/audit/application/commands/verify-audit-chain/verify-audit-chain.command.js';
import { PurgeExpiredDocumentsCommand } from '../../src/initialization/application/commands/purge-expired-documents/purge-expired-documents.command.js';
import {
  DOCUMENT_STORE,
  type DocumentStore,
} from '../../src/initialization/application/ports/document-store.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../src/initialization/application/ports/initialization-request.repository.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../src/shared/application/unit-of-work.js';
import { systemActor } from '../../src/shared/domain/actor.js';
import { Translator } from '../../src/shared/i18n/translator.js';
import {
  DOCUMENT_OBJECTS,
  type ObjectStore,
} from '../../src/shared/infrastructure/object-store/object-store.js';
import { filingNumber, residentId } from '../support/credentials.js';
import { individualDocuments, individualRequest, submitIntake } from '../support/intake.js';
import { registerSubject } from '../support/registry.js';
import { statusOf, submitReviewable } from '../support/review.js';
import { createStaff, startTestApp, type TestApp, type TestStaff } from '../support/test-app.js';
import { signedIn, type WebSession } from '../support/web-session.js';

const DAY_MS = 86_400_000;
const RETENTION_DAYS = 180;
type Outcome = 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'WITHDRAWN';

interface StoredDocument {
  id: string;
  kind: string;
  sha256: string;
  storage_key: string | null;
  purged_at: Date | null;
}

/** Decodes what Handlebars escaped, to compare with plain text. */
const text = (html: string): string =>
  html
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&#x3D;/g, '=')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** A page's words without its markup. */
const wordsOf = (html: string): string =>
  text(html.replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();

describe('retention of documents', () => {
  // Two instances on one database of their own (the purge reads every request in it).
  let t: TestApp;
  let t2: TestApp;
  let auditor: TestStaff;
  let reviewer: TestStaff;
  const sessions = new Map<string, WebSession>();

  async function as(staff: TestStaff, language = 'en'): Promise<WebSession> {
    const key = `${staff.id} ${language}`;
    let session = sessions.get(key);
    if (!session) {
      session = await signedIn(t.url, staff.email, staff.password, language);
      sessions.set(key, session);
    }
    return session;
  }

  /** A request as the intake stores it, then decided `daysAgo` days ago. */
  async function endedRequest(
    daysAgo: number,
    outcome: Outcome = 'REJECTED',
  ): Promise<{ id: string; reference: string }> {
    const request = await submitReviewable(t);
    await end(request.id, daysAgo, outcome);
    return request;
  }

  /** Ends a request as its decision would (status, decision, decided_at), `daysAgo` days ago. */
  async function end(requestId: string, daysAgo: number, outcome: Outcome = 'REJECTED') {
    const at = new Date(Date.now() - daysAgo * DAY_MS);
    await t.dataSource.query(
      `UPDATE initialization_requests
          SET status = $2::text, decided_at = $3, assignee_id = NULL, assignee_name = NULL,
              decision = jsonb_build_object('outcome', $2::text, 'at', $4::text, 'by', NULL,
                'byName', NULL, 'reasons', '[]'::jsonb, 'message', NULL)
        WHERE id = $1`,
      [requestId, outcome, at, at.toISOString()],
    );
  }

  async function documentsOf(requestId: string): Promise<StoredDocument[]> {
    return t.dataSource.query(
      `SELECT id, kind, sha256, storage_key, purged_at FROM request_documents
        WHERE request_id = $1 ORDER BY kind`,
      [requestId],
    );
  }

  /**
   * Whether anything of the document's file is left: readable through the desk's own store,
   * or its object (encrypted, or a legacy one in the clear) still in the documents store.
   */
  async function fileKept(document: StoredDocument): Promise<boolean> {
    const store = t.app.get<DocumentStore>(DOCUMENT_STORE);
    const objects = t.app.get<ObjectStore>(DOCUMENT_OBJECTS);
    const sha256 = document.sha256.trim();
    const key = document.storage_key ?? `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    if (await objects.exists(key)) return true;
    try {
      const content = await store.open({
        id: document.id,
        storageKey: document.storage_key,
        sha256,
      });
      content.destroy();
      return true;
    } catch {
      return false;
    }
  }

  const purge = (app: TestApp, batchSize?: number) =>
    app.app.get(CommandBus).execute(new PurgeExpiredDocumentsCommand(RETENTION_DAYS, batchSize));

  async function purgeEvents(requestIds: string[]) {
    return t.dataSource.query<
      {
        request_id: string;
        actor_type: string;
        actor_name: string;
        details: Record<string, unknown>;
      }[]
    >(
      `SELECT request_id, actor_type, actor_name, details FROM audit_events
        WHERE action = 'document.purged' AND request_id = ANY($1) ORDER BY seq`,
      [requestIds],
    );
  }

  beforeAll(async () => {
    t = await startTestApp({ ownDatabase: true });
    t2 = await startTestApp({ env: { DATABASE_URL: t.config.DATABASE_URL } });
    [auditor, reviewer] = await Promise.all([
      createStaff(t.app, 'AUDITOR', 'Zhao Min'),
      createStaff(t.app, 'REVIEWER', 'Li Na'),
    ]);
  });
  afterAll(async () => {
    await t2?.close();
    await t?.close();
  });

  let rejected: { id: string; reference: string };
  let withdrawn: { id: string; reference: string };
  let expired: { id: string; reference: string };
  let approvedInWindow: { id: string; reference: string };
  let open: { id: string; reference: string };

  it('purges exactly the documents of requests that ended more than DOCUMENT_RETENTION_DAYS ago', async () => {
    rejected = await endedRequest(181, 'REJECTED');
    withdrawn = await endedRequest(200, 'WITHDRAWN');
    expired = await endedRequest(400, 'EXPIRED');
    const approved = await endedRequest(RETENTION_DAYS + 30, 'APPROVED');
    approvedInWindow = await endedRequest(179, 'APPROVED');
    open = await submitReviewable(t);
    const before = new Map<string, StoredDocument[]>();
    for (const request of [rejected, withdrawn, expired, approved, approvedInWindow, open])
      before.set(request.id, await documentsOf(request.id));
    for (const documents of before.values()) {
      expect(documents).toHaveLength(3);
      for (const document of documents) expect(await fileKept(document)).toBe(true);
    }

    const report = await purge(t);

    expect(report).toEqual({ purged: 12, failed: 0 });
    for (const request of [rejected, withdrawn, expired, approved]) {
      for (const document of await documentsOf(request.id)) {
        expect(document.purged_at).toBeInstanceOf(Date);
        expect(await fileKept(document)).toBe(false);
      }
    }
    for (const request of [approvedInWindow, open]) {
      for (const document of await documentsOf(request.id)) {
        expect(document.purged_at).toBeNull();
        expect(await fileKept(document)).toBe(true);
      }
    }
    // The records stay, with their hashes.
    expect((await documentsOf(rejected.id)).map((document) => document.sha256)).toEqual(
      before.get(rejected.id)!.map((document) => document.sha256),
    );
    // A second run finds nothing more to purge.
    expect(await purge(t)).toEqual({ purged: 0, failed: 0 });
  });

  it("audits each purge once, by the system, with the file's SHA-256; the trail still verifies", async () => {
    const events = await purgeEvents([rejected.id, approvedInWindow.id, open.id]);
    const documents = await documentsOf(rejected.id);
    expect(events).toHaveLength(3);
    expect(events).toEqual(
      expect.arrayContaining(
        documents.map((document) =>
          expect.objectContaining({
            request_id: rejected.id,
            actor_type: 'SYSTEM',
            details: expect.objectContaining({
              reference: rejected.reference,
              documentId: document.id,
              kind: document.kind,
              sha256: document.sha256.trim(),
              retentionDays: RETENTION_DAYS,
            }),
          }),
        ),
      ),
    );
    const verification = await t.app
      .get(CommandBus)
      .execute(new VerifyAuditChainCommand(systemActor('test')));
    expect(verification.result.ok).toBe(true);
  });

  it('the workspace says when each document was purged where its image was, in Chinese and in English', async () => {
    const [purgedAt] = (await documentsOf(rejected.id)).map((document) => document.purged_at!);
    const translator = t.app.get(Translator);

    const english = await (await as(auditor, 'en')).page(`/requests/${rejected.id}`);
    expect(english.status).toBe(200);
    expect(english.text.match(/data-purged/g)).toHaveLength(3);
    expect(english.text).not.toContain(`<img class="document-image"`);
    expect(english.text).not.toContain(`/requests/${rejected.id}/documents/`);
    const englishWords = wordsOf(english.text);
    expect(englishWords).toContain(`Purged on ${translator.words('en').date(purgedAt)}`);
    expect(englishWords).toContain(
      'The file was removed when its retention period after the request ended was over.',
    );
    // The timeline tells it too.
    expect(englishWords).toContain(
      'ID card, front: the file was purged after the 180-day retention period',
    );

    const chinese = await (await as(auditor, 'zh-CN')).page(`/requests/${rejected.id}`);
    expect(chinese.status).toBe(200);
    expect(chinese.text.match(/data-purged/g)).toHaveLength(3);
    const chineseWords = wordsOf(chinese.text);
    expect(chineseWords).toContain(`已于 ${translator.words('zh-CN').date(purgedAt)} 删除`);
    expect(chineseWords).toContain('申请结束后保存期已满，文件已删除。');
    expect(chineseWords).toContain('身份证人像面：文件已在 180 天保存期满后删除');

    // A request still inside the window shows its images.
    const kept = await (await as(auditor, 'en')).page(`/requests/${approvedInWindow.id}`);
    expect(kept.text).not.toContain('data-purged');
    expect(kept.text.match(/<img class="document-image"/g)).toHaveLength(3);
  });

  it('a purged document answers 410 in words, and its view is not audited; the compare page says it too', async () => {
    const [document] = await documentsOf(rejected.id);
    const translator = t.app.get(Translator);
    const session = await as(auditor, 'en');
    const response = await session.agent.get(`/requests/${rejected.id}/documents/${document!.id}`);
    expect(response.status).toBe(410);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    const words = wordsOf(response.text);
    expect(words).toContain('No longer kept');
    expect(words).toContain(
      `This file was purged on ${translator.words('en').date(document!.purged_at)}: its retention period after the request ended was over.`,
    );
    const chinese = await (
      await as(auditor, 'zh-CN')
    ).agent.get(`/requests/${rejected.id}/documents/${document!.id}`);
    expect(chinese.status).toBe(410);
    expect(wordsOf(chinese.text)).toContain('已不再保存');
    const views = await t.dataSource.query(
      `SELECT 1 FROM audit_events WHERE request_id = $1 AND action = 'document.viewed'`,
      [rejected.id],
    );
    expect(views).toHaveLength(0);

    const compare = await session.page(`/requests/${rejected.id}/compare`);
    expect(compare.status).toBe(200);
    expect(compare.text.match(/data-purged/g)).toHaveLength(2);
    expect(compare.text).not.toContain('<img class="compare-image"');
    expect(wordsOf(compare.text)).toContain(
      `was purged on ${translator.words('en').date(document!.purged_at)}: the file is no longer kept.`,
    );
  });

  it("DOCUMENT_REUSED still fires for a purged file's hash, and its link opens the request that says it was purged", async () => {
    const seed = 8_000_000 + Math.floor(Math.random() * 1_000_000);
    const submitFor = async (name: string) => {
      const subject = await registerSubject(t, {
        type: 'INDIVIDUAL',
        name,
        credentialNumber: residentId('330106', '19920304', 100 + Math.floor(Math.random() * 800)),
        filingNumber: filingNumber(),
      });
      const body = individualRequest({
        filingNumber: subject.filingNumber,
        subjectName: subject.name,
        credentialNumber: subject.credentialNumber,
        applicant: {
          name: subject.name,
          idNumber: subject.credentialNumber,
          role: 'SUBJECT_ADMIN',
          phone: '13300133000',
        },
      });
      const response = await submitIntake(t.url, body, individualDocuments(seed));
      if (response.status !== 201) throw new Error(JSON.stringify(response.body));
      return { id: response.body.id as string, reference: response.body.reference as string };
    };
    const original = await submitFor('吴芳');
    await end(original.id, 365);
    await purge(t);
    expect((await documentsOf(original.id)).every((document) => document.purged_at)).toBe(true);

    const reused = await submitFor('郑强');
    expect((await statusOf(t, reused.id)).risk_flags).toContain('DOCUMENT_REUSED');
    const session = await as(reviewer, 'en');
    const workspace = await session.page(`/requests/${reused.id}`);
    expect(workspace.text).toContain(`<a href="/requests/${original.id}"`);
    const linked = await session.page(`/requests/${original.id}`);
    expect(linked.status).toBe(200);
    expect(linked.text.match(/data-purged/g)).toHaveLength(3);
    expect(wordsOf(linked.text)).toContain('Purged on');
  });

  it('a request saved from a copy read before the purge does not bring its files back to life', async () => {
    const request = await endedRequest(250);
    const repository = t.app.get<InitializationRequestRepository>(
      INITIALIZATION_REQUEST_REPOSITORY,
    );
    const unitOfWork = t.app.get<UnitOfWork>(UNIT_OF_WORK);
    const before = await repository.findById(request.id);
    expect(before!.toProps().documents.every((document) => document.purgedAt === null)).toBe(true);
    expect((await purge(t)).purged).toBe(3);

    await unitOfWork.run(() => repository.save(before!));

    const documents = await documentsOf(request.id);
    expect(documents.every((document) => document.purged_at instanceof Date)).toBe(true);
    const after = await repository.findById(request.id);
    expect(after!.toProps().documents.map((document) => document.purgedAt)).toEqual(
      documents.map(() => expect.any(Date)),
    );
  });

  it('a file stored in the clear before encryption, shared by two requests, goes with the last of them', async () => {
    const content = individualDocuments()[0]!.content;
    const sha256 = createHash('sha256').update(content).digest('hex');
    const legacyKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    const objects = t.app.get<ObjectStore>(DOCUMENT_OBJECTS);
    await objects.put(legacyKey, content);
    const first = await endedRequest(200);
    const second = await endedRequest(100);
    for (const request of [first, second])
      await t.dataSource.query(
        `UPDATE request_documents SET storage_key = NULL, sha256 = $2
          WHERE request_id = $1 AND kind = 'ID_FRONT'`,
        [request.id, sha256],
      );
    const frontOf = async (requestId: string) =>
      (await documentsOf(requestId)).find((document) => document.kind === 'ID_FRONT')!;

    expect(await purge(t)).toEqual({ purged: 3, failed: 0 });
    expect((await frontOf(first.id)).purged_at).toBeInstanceOf(Date);
    // The second request, still inside the window, needs the file.
    expect(await objects.exists(legacyKey)).toBe(true);
    expect(await fileKept(await frontOf(second.id))).toBe(true);

    await end(second.id, 200);
    expect(await purge(t)).toEqual({ purged: 3, failed: 0 });
    expect(await objects.exists(legacyKey)).toBe(false);
    expect(await fileKept(await frontOf(second.id))).toBe(false);
  });

  it('two instances purging at once purge, and audit, each document once', async () => {
    const requests = [];
    for (let index = 0; index < 6; index += 1) requests.push(await endedRequest(190 + index));
    const ids = requests.map((request) => request.id);

    const [first, second] = await Promise.all([purge(t, 2), purge(t2, 2)]);

    expect(first.failed + second.failed).toBe(0);
    expect(first.purged + second.purged).toBe(18);
    const events = await purgeEvents(ids);
    expect(events).toHaveLength(18);
    expect(new Set(events.map((event) => event.details.documentId)).size).toBe(18);
    for (const id of ids) {
      for (const document of await documentsOf(id)) {
        expect(document.purged_at).toBeInstanceOf(Date);
        expect(await fileKept(document)).toBe(false);
      }
    }
  });
});
