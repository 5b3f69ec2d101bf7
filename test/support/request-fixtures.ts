import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

export interface RequestSeed {
  id?: string;
  reference: string;
  receivedAt: Date;
  subjectType?: 'INDIVIDUAL' | 'ORGANIZATION';
  filingNumber?: string;
  subjectName?: string;
  credentialNumber?: string;
  applicantName?: string;
  applicantIdNumber?: string;
  applicantPhone?: string;
  status?: string;
  assigneeName?: string | null;
  clockStartedAt?: Date;
  dueAt?: Date | null;
  decision?: {
    outcome: 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'WITHDRAWN';
    at: Date;
    byName: string | null;
    reasons?: string[];
  } | null;
  firstApprovedBy?: string | null;
  secondApprovedBy?: string | null;
  slaOutcome?: 'MET' | 'MISSED' | null;
  subjectId?: string | null;
  riskFlags?: string[];
  atRiskAt?: Date | null;
  assigneeId?: string | null;
  province?: string;
}

/**
 * A row of initialization_requests written directly (the audit context reads
 * requests; it never writes them), with the columns the reports and exports use.
 */
export async function insertRequest(dataSource: DataSource, seed: RequestSeed): Promise<string> {
  const id = seed.id ?? randomUUID();
  const decision = seed.decision
    ? {
        outcome: seed.decision.outcome,
        at: seed.decision.at.toISOString(),
        by: seed.decision.byName ? randomUUID() : null,
        byName: seed.decision.byName,
        reasons: seed.decision.reasons ?? [],
        message: seed.decision.outcome === 'REJECTED' ? 'Please send clearer documents.' : null,
      }
    : null;
  const approval = (name: string | null | undefined, at: Date | undefined) =>
    name && at ? { by: randomUUID(), byName: name, at: at.toISOString() } : null;
  const status = seed.status ?? seed.decision?.outcome ?? 'PENDING_REVIEW';
  await dataSource.query(
    `INSERT INTO initialization_requests (
       id, reference, external_id, intake_client, received_at, subject_type, filing_number,
       subject_filing_number, province, subject_name, credential_number, applicant_name,
       applicant_id_number, applicant_role, applicant_phone, new_account_email, aliyun_account_id,
       subject_id, risk_flags, status, assignee_id, assignee_name, first_approval, second_approval,
       decision, decided_at, clock_started_at, due_at, sla_outcome, at_risk_at, version, created_at, updated_at)
     VALUES ($1, $2, $3, 'test-client', $4, $5, $6, $6, $26, $7, $8, $9, $10, 'SUBJECT_ADMIN', $11,
       'new-owner@example.com', $12, $13, $14, $15, $25, $16, $17, $18, $19, $20, $21, $22, $23, $24, 1, $4, $4)`,
    [
      id,
      seed.reference,
      `ext-${id}`,
      seed.receivedAt,
      seed.subjectType ?? 'INDIVIDUAL',
      seed.filingNumber ?? '浙ICP备12345678号',
      seed.subjectName ?? '王芳',
      seed.credentialNumber ?? '33010219900101123X',
      seed.applicantName ?? '王芳',
      seed.applicantIdNumber ?? '33010219900101123X',
      seed.applicantPhone ?? '13812345678',
      `aliyun-${id.slice(0, 8)}`,
      seed.subjectId ?? null,
      seed.riskFlags ?? [],
      status,
      seed.assigneeName ?? seed.decision?.byName ?? null,
      approval(seed.firstApprovedBy, seed.decision?.at),
      approval(seed.secondApprovedBy, seed.decision?.at),
      decision,
      seed.decision?.at ?? null,
      seed.clockStartedAt ?? seed.receivedAt,
      seed.dueAt ?? null,
      seed.slaOutcome ?? null,
      seed.atRiskAt ?? null,
      seed.assigneeId ?? null,
      seed.province ?? '浙',
    ],
  );
  return id;
}
