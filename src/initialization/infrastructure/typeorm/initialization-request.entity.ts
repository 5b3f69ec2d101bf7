import { Column, Entity, PrimaryColumn } from 'typeorm';
import type {
  Approval,
  Decision,
  InformationRequest,
  ReturnNote,
} from '../../domain/initialization-request.js';

/** JSON columns hold dates as ISO strings. */
type Stored<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

@Entity({ name: 'initialization_requests' })
export class InitializationRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'varchar' }) reference!: string;
  @Column({ name: 'external_id', type: 'varchar' }) externalId!: string;
  @Column({ name: 'intake_client', type: 'varchar' }) intakeClient!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'subject_type', type: 'varchar' }) subjectType!: string;
  @Column({ name: 'filing_number', type: 'varchar' }) filingNumber!: string;
  @Column({ name: 'subject_filing_number', type: 'varchar' }) subjectFilingNumber!: string;
  @Column({ type: 'varchar', nullable: true }) province!: string | null;
  @Column({ name: 'subject_name', type: 'varchar' }) subjectName!: string;
  @Column({ name: 'credential_number', type: 'varchar' }) credentialNumber!: string;
  @Column({ name: 'applicant_name', type: 'varchar' }) applicantName!: string;
  @Column({ name: 'applicant_id_number', type: 'varchar' }) applicantIdNumber!: string;
  @Column({ name: 'applicant_role', type: 'varchar' }) applicantRole!: string;
  @Column({ name: 'applicant_phone', type: 'varchar' }) applicantPhone!: string;
  @Column({ name: 'new_account_email', type: 'varchar' }) newAccountEmail!: string;
  @Column({ name: 'aliyun_account_id', type: 'varchar' }) aliyunAccountId!: string;
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId!: string | null;
  @Column({ name: 'risk_flags', type: 'text', array: true }) riskFlags!: string[];
  @Column({ type: 'varchar' }) status!: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'assignee_name', type: 'varchar', nullable: true }) assigneeName!: string | null;
  @Column({ name: 'first_approval', type: 'jsonb', nullable: true })
  firstApproval!: Stored<Approval> | null;
  @Column({ name: 'second_approval', type: 'jsonb', nullable: true })
  secondApproval!: Stored<Approval> | null;
  @Column({ type: 'jsonb', nullable: true }) decision!: Stored<Decision> | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'information_request', type: 'jsonb', nullable: true })
  informationRequest!: Stored<InformationRequest> | null;
  @Column({ name: 'return_note', type: 'jsonb', nullable: true })
  returnNote!: Stored<ReturnNote> | null;
  @Column({ name: 'clock_started_at', type: 'timestamptz' }) clockStartedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'at_risk_at', type: 'timestamptz', nullable: true }) atRiskAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'at_risk_flagged_at', type: 'timestamptz', nullable: true })
  atRiskFlaggedAt!: Date | null;
  @Column({ name: 'breached_flagged_at', type: 'timestamptz', nullable: true })
  breachedFlaggedAt!: Date | null;
  @Column({ name: 'sla_outcome', type: 'varchar', nullable: true }) slaOutcome!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'request_documents' })
export class RequestDocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ type: 'varchar' }) kind!: string;
  @Column({ name: 'media_type', type: 'varchar' }) mediaType!: string;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'original_name', type: 'varchar' }) originalName!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
}

@Entity({ name: 'document_checks' })
export class DocumentCheckEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' }) documentId!: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId!: string;
  @Column({ type: 'boolean' }) legible!: boolean;
  @Column({ type: 'boolean' }) authentic!: boolean;
  @Column({ type: 'boolean' }) valid!: boolean;
  @Column({ name: 'matches_application', type: 'boolean' }) matchesApplication!: boolean;
  @Column({ type: 'text' }) note!: string;
  @Column({ name: 'checked_by', type: 'uuid' }) checkedBy!: string;
  @Column({ name: 'checked_by_name', type: 'varchar' }) checkedByName!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
}

export type { Stored };
