import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RelatedRequest, RelatedRequests } from '../../application/ports/related-requests.js';
import type { RequestStatus } from '../../domain/request-status.js';

interface RelatedRow {
  id: string;
  reference: string;
  status: RequestStatus;
  received_at: Date;
}

const toRelated = (row: RelatedRow): RelatedRequest => ({
  id: row.id,
  reference: row.reference,
  status: row.status,
  receivedAt: row.received_at,
});

/** Reads straight from the tables, by their indexes (documents by sha256, requests by subject). */
@Injectable()
export class PostgresRelatedRequests implements RelatedRequests {
  constructor(private readonly dataSource: DataSource) {}

  async sharingFilesWith(
    requestId: string,
    subjectFilingNumber: string,
    limit: number,
  ): Promise<RelatedRequest[]> {
    const rows: RelatedRow[] = await this.dataSource.query(
      `SELECT r.id, r.reference, r.status, r.received_at
         FROM initialization_requests r
        WHERE r.subject_filing_number <> $2
          AND r.id IN (SELECT other.request_id
                         FROM request_documents mine
                         JOIN request_documents other
                           ON other.sha256 = mine.sha256 AND other.request_id <> mine.request_id
                        WHERE mine.request_id = $1)
        ORDER BY r.received_at DESC, r.id DESC
        LIMIT $3`,
      [requestId, subjectFilingNumber, limit],
    );
    return rows.map(toRelated);
  }

  async ofSubject(
    subjectId: string,
    subjectFilingNumber: string,
    limit: number,
  ): Promise<RelatedRequest[]> {
    const rows: RelatedRow[] = await this.dataSource.query(
      `SELECT id, reference, status, received_at
         FROM initialization_requests
        WHERE subject_id = $1 OR subject_filing_number = $2
        ORDER BY received_at DESC, id DESC
        LIMIT $3`,
      [subjectId, subjectFilingNumber, limit],
    );
    return rows.map(toRelated);
  }
}
