import { Injectable } from '@nestjs/common';
import type pg from 'pg';
import { DataSource } from 'typeorm';
import type {
  RequestFactsReader,
  RequestScope,
  RequestSnapshot,
} from '../../application/ports/request-facts.reader.js';
import type { RequestRecord } from '../../domain/request-figures.js';
import { readHead } from './postgres-audit-trail.reader.js';
import { poolOf, streamRows, withReadSnapshot } from './pg-snapshot.js';

interface RequestRow {
  id: string;
  reference: string;
  received_at: Date;
  subject_type: string;
  filing_number: string;
  subject_name: string;
  credential_number: string;
  applicant_name: string;
  applicant_id_number: string;
  applicant_phone: string;
  new_account_email: string;
  status: string;
  clock_started_at: Date;
  due_at: Date | null;
  decided_at: Date | null;
  decision_outcome: string | null;
  decided_by: string | null;
  reject_reasons: string[] | null;
  sla_outcome: 'MET' | 'MISSED' | null;
  assignee_name: string | null;
  first_approved_by: string | null;
  second_approved_by: string | null;
  second_approval_submitters: string[] | null;
  sent_back_count: number;
  risk_flags: string[] | null;
}

/**
 * Requests with who sent them for a second approval and how often a senior
 * sent them back; both come from the audit trail (a return clears the first
 * approval on the request itself).
 */
const SELECT_REQUESTS = `
  SELECT r.id, r.reference, r.received_at, r.subject_type, r.filing_number, r.subject_name,
         r.credential_number, r.applicant_name, r.applicant_id_number, r.applicant_phone,
         r.new_account_email, r.status, r.clock_started_at, r.due_at, r.decided_at,
         r.decision->>'outcome' AS decision_outcome,
         r.decision->>'byName' AS decided_by,
         ARRAY(SELECT jsonb_array_elements_text(
                 CASE WHEN jsonb_typeof(r.decision->'reasons') = 'array' THEN r.decision->'reasons' ELSE '[]'::jsonb END))
           AS reject_reasons,
         r.sla_outcome, r.assignee_name,
         r.first_approval->>'byName' AS first_approved_by,
         r.second_approval->>'byName' AS second_approved_by,
         ARRAY(SELECT coalesce(e.actor_name, '')
                 FROM audit_events e
                WHERE e.request_id = r.id AND e.action = 'request.approved'
                  AND e.details->>'awaitingSecondApproval' = 'true'
                ORDER BY e.seq) AS second_approval_submitters,
         (SELECT count(*)::int FROM audit_events e
           WHERE e.request_id = r.id AND e.action = 'request.returned_for_review') AS sent_back_count,
         r.risk_flags
    FROM initialization_requests r`;

function toRecord(row: RequestRow): RequestRecord {
  return {
    id: row.id,
    reference: row.reference,
    receivedAt: row.received_at,
    subjectType: row.subject_type,
    filingNumber: row.filing_number,
    subjectName: row.subject_name,
    credentialNumber: row.credential_number,
    applicantName: row.applicant_name,
    applicantIdNumber: row.applicant_id_number,
    applicantPhone: row.applicant_phone,
    newAccountEmail: row.new_account_email,
    status: row.status,
    clockStartedAt: row.clock_started_at,
    dueAt: row.due_at,
    decidedAt: row.decided_at,
    decisionOutcome: row.decision_outcome,
    decidedBy: row.decided_by,
    rejectReasons: row.reject_reasons ?? [],
    slaOutcome: row.sla_outcome,
    assigneeName: row.assignee_name,
    firstApprovedBy: row.first_approved_by,
    secondApprovedBy: row.second_approved_by,
    secondApprovalSubmitters: row.second_approval_submitters ?? [],
    sentBackCount: Number(row.sent_back_count),
    riskFlags: row.risk_flags ?? [],
  };
}

@Injectable()
export class PostgresRequestFactsReader implements RequestFactsReader {
  private readonly pool: pg.Pool;

  constructor(dataSource: DataSource) {
    this.pool = poolOf(dataSource);
  }

  readRequests<T>(
    scope: RequestScope,
    work: (snapshot: RequestSnapshot) => Promise<T>,
  ): Promise<T> {
    return withReadSnapshot(this.pool, async (client) => {
      const parameters: unknown[] = [scope.receivedOrDecidedFrom, scope.receivedOrDecidedBefore];
      const where = [
        `((r.received_at >= $1 AND r.received_at < $2) OR (r.decided_at >= $1 AND r.decided_at < $2))`,
      ];
      if (scope.status) {
        parameters.push(scope.status);
        where.push(`r.status = $${parameters.length}`);
      }
      if (scope.subjectType) {
        parameters.push(scope.subjectType);
        where.push(`r.subject_type = $${parameters.length}`);
      }
      const condition = `WHERE ${where.join(' AND ')}`;
      const head = await readHead(client);
      const counted = await client.query<{ n: string }>(
        `SELECT count(*) AS n FROM initialization_requests r ${condition}`,
        parameters,
      );
      const rows = streamRows(
        client,
        `${SELECT_REQUESTS} ${condition} ORDER BY r.received_at, r.id`,
        parameters,
        toRecord,
        500,
      );
      return work({ head, expectedRows: Number(counted.rows[0]?.n ?? 0), rows });
    });
  }
}
