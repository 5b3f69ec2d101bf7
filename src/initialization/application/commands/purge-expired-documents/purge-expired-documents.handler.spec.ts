import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsoleLogger, Logger } from '@nestjs/common';
import type { AuditEntry, AuditLog } from '../../../../shared/application/audit-log.js';
import { SettableClock } from '../../../../shared/infrastructure/clock/system-clock.js';
import { InMemoryUnitOfWork } from '../../../../shared/infrastructure/in-memory/in-memory-unit-of-work.js';
import type { DocumentStore, StoredDocumentRef } from '../../ports/document-store.js';
import type { ExpiredDocument, ExpiredDocuments } from '../../ports/expired-documents.js';
import { PurgeExpiredDocumentsCommand } from './purge-expired-documents.command.js';
import { PurgeExpiredDocumentsHandler } from './purge-expired-documents.handler.js';

// What reaches PostgreSQL and the store, once across instances: test/e2e/document-retention.e2e-spec.ts.
// Here, what the handler does when the store will not remove a file.

const NOW = new Date('2027-06-01T02:00:00Z');

function expiredDocument(id: string, endedAt: Date): ExpiredDocument {
  return {
    id,
    requestId: `request-of-${id}`,
    reference: `INIT-2026-${id}`,
    subjectId: null,
    kind: 'ID_FRONT',
    sha256: id.padEnd(64, '0'),
    storageKey: `key-${id}`,
    endedAt,
  };
}

/** The documents table in memory: marks, in batches, those that ended before the cut-off. */
class FakeExpiredDocuments implements ExpiredDocuments {
  readonly purgedAt = new Map<string, Date>();
  endedBefore: Date | null = null;

  constructor(private readonly documents: ExpiredDocument[]) {}

  async markPurged(endedBefore: Date, now: Date, limit: number): Promise<ExpiredDocument[]> {
    this.endedBefore = endedBefore;
    const due = this.documents
      .filter((document) => !this.purgedAt.has(document.id) && document.endedAt < endedBefore)
      .slice(0, limit);
    for (const document of due) this.purgedAt.set(document.id, now);
    return due;
  }

  async unmark(documentIds: readonly string[]): Promise<void> {
    for (const id of documentIds) this.purgedAt.delete(id);
  }
}

class FakeStore implements Pick<DocumentStore, 'remove'> {
  readonly removed: string[] = [];
  constructor(private readonly refuses: (ref: StoredDocumentRef) => boolean) {}
  async remove(ref: StoredDocumentRef): Promise<void> {
    if (this.refuses(ref)) throw new Error('the store is not answering');
    this.removed.push(ref.id!);
  }
}

function handlerWith(documents: ExpiredDocument[], refuses: (ref: StoredDocumentRef) => boolean) {
  const expired = new FakeExpiredDocuments(documents);
  const store = new FakeStore(refuses);
  const audited: AuditEntry[] = [];
  const audit: AuditLog = { record: (entry) => void audited.push(entry) };
  const handler = new PurgeExpiredDocumentsHandler(
    expired,
    store as unknown as DocumentStore,
    new InMemoryUnitOfWork(),
    audit,
    new SettableClock(NOW),
  );
  return { handler, expired, store, audited };
}

const daysBefore = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

describe('purging the documents past their retention period', () => {
  // The refused removal is logged as an error: not this test's output.
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(new ConsoleLogger()));

  it('purges in batches until none is left, one audit event per document, cut off at the retention period', async () => {
    const documents = ['a', 'b', 'c', 'd', 'e'].map((id) => expiredDocument(id, daysBefore(200)));
    const { handler, expired, store, audited } = handlerWith(documents, () => false);

    const report = await handler.execute(new PurgeExpiredDocumentsCommand(180, 2));

    expect(report).toEqual({ purged: 5, failed: 0 });
    expect(expired.endedBefore).toEqual(daysBefore(180));
    expect(store.removed).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([...expired.purgedAt.values()]).toEqual(Array(5).fill(NOW));
    expect(audited.map((entry) => [entry.action, entry.details?.documentId])).toEqual(
      ['a', 'b', 'c', 'd', 'e'].map((id) => ['document.purged', id]),
    );
    expect(audited[0]).toMatchObject({
      actor: { kind: 'SYSTEM', name: 'document retention' },
      requestId: 'request-of-a',
      details: { sha256: 'a'.padEnd(64, '0'), kind: 'ID_FRONT', retentionDays: 180 },
    });
  });

  it('a file the store will not remove stays unpurged and unaudited, and the run stops there to try again next time', async () => {
    const documents = ['a', 'b', 'c', 'd', 'e'].map((id) => expiredDocument(id, daysBefore(200)));
    const { handler, expired, store, audited } = handlerWith(documents, (ref) => ref.id === 'b');

    const report = await handler.execute(new PurgeExpiredDocumentsCommand(180, 2));

    // The first batch (a, b): a purged, b given back; the run does not go on to c.
    expect(report).toEqual({ purged: 1, failed: 1 });
    expect(store.removed).toEqual(['a']);
    expect([...expired.purgedAt.keys()]).toEqual(['a']);
    expect(audited.map((entry) => entry.details?.documentId)).toEqual(['a']);

    // The next run, with the store answering again, purges the rest.
    const next = handlerWith(documents, () => false);
    for (const [id, at] of expired.purgedAt) next.expired.purgedAt.set(id, at);
    expect(await next.handler.execute(new PurgeExpiredDocumentsCommand(180, 2))).toEqual({
      purged: 4,
      failed: 0,
    });
    expect(next.store.removed).toEqual(['b', 'c', 'd', 'e']);
  });
});
