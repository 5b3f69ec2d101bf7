import { Injectable } from '@nestjs/common';
import { TypeormUnitOfWork } from '../../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type {
  ExpiredDocument,
  ExpiredDocuments,
} from '../../application/ports/expired-documents.js';
import type { DocumentKind } from '../../domain/document-kind.js';

const ENDED = `('APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')`;

/**
 * One batch ($1 ended before, $2 now, $3 the batch size): the documents not yet purged,
 * read from their partial index (a set the retention window bounds), of requests that
 * ended in time; rows another transaction holds are skipped. Exported for EXPLAIN.
 */
export const MARK_PURGED = `UPDATE request_documents AS document SET purged_at = $2
     FROM (
       SELECT d.id, r.reference, r.subject_id, r.decided_at
         FROM request_documents d JOIN initialization_requests r ON r.id = d.request_id
        WHERE d.purged_at IS NULL AND r.status IN ${ENDED} AND r.decided_at < $1
        ORDER BY r.decided_at, d.id
        LIMIT $3
        FOR UPDATE OF d SKIP LOCKED
     ) AS due
    WHERE document.id = due.id
    RETURNING document.id, document.request_id, document.kind, document.sha256,
              document.storage_key, due.reference, due.subject_id, due.decided_at`;

interface Row {
  id: string;
  request_id: string;
  kind: string;
  sha256: string;
  storage_key: string | null;
  reference: string;
  subject_id: string | null;
  decided_at: Date;
}

@Injectable()
export class PostgresExpiredDocuments implements ExpiredDocuments {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  async markPurged(endedBefore: Date, now: Date, limit: number): Promise<ExpiredDocument[]> {
    const [rows]: [Row[], number] = await this.unitOfWork
      .manager()
      .query(MARK_PURGED, [endedBefore, now, limit]);
    return rows
      .map((row) => ({
        id: row.id,
        requestId: row.request_id,
        reference: row.reference,
        subjectId: row.subject_id,
        kind: row.kind as DocumentKind,
        sha256: row.sha256.trim(),
        storageKey: row.storage_key,
        endedAt: row.decided_at,
      }))
      .sort((a, b) => a.endedAt.getTime() - b.endedAt.getTime() || a.id.localeCompare(b.id));
  }

  async unmark(documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.unitOfWork
      .manager()
      .query(`UPDATE request_documents SET purged_at = NULL WHERE id = ANY($1)`, [documentIds]);
  }
}
