import { Check, Column, Entity, ForeignKey, Index, PrimaryColumn, Unique } from 'typeorm';
import type {
  Approval,
  Correction,
  Decision,
  InformationRequest,
  ReturnNote,
} from '../../domain/initialization-request.js';

/** JSON columns hold dates as ISO strings. */
type Stored<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

/**
 * An information request as stored: rows written before fields were named by code hold
 * free text in `fields` and no `freeTextFields`.
 */
type StoredInformationRequest = Omit<Stored<InformationRequest>, 'fields' | 'freeTextFields'> & {
  fields: string[];
  freeTextFields?: string[];
};

const RUNNING = `('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`;

@Entity({ name: 'initialization_requests' })
@Check(
  'initialization_requests_subject_type_check',
  `subject_type IN ('INDIVIDUAL', 'ORGANIZATION')`,
)
@Check(
  'initialization_requests_applicant_role_check',
  `applicant_role IN ('SUBJECT_ADMIN', 'WEBSITE_ADMIN', 'OTHER')`,
)
@Check(
  'initialization_requests_status_check',
  `status IN ('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL', 'AWAITING_APPLICANT', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')`,
)
@Check('initialization_requests_sla_outcome_check', `sla_outcome IN ('MET', 'MISSED')`)
@Unique('initialization_requests_reference_key', ['reference'])
@Unique('initialization_requests_external_id_key', ['intakeClient', 'externalId'])
@Index('initialization_requests_queue_idx', ['status', 'dueAt', 'id'])
@Index('initialization_requests_assignee_idx', ['assigneeId', 'status', 'dueAt', 'id'])
@Index('initialization_requests_subject_filing_idx', ['subjectFilingNumber', 'status'])
@Index('initialization_requests_subject_idx', ['subjectId'])
@Index('initialization_requests_filing_number_idx', ['filingNumber'])
// The audit trail's search by credential number and by subject name (migration 1765411200000).
@Index('initialization_requests_credential_number_idx', ['credentialNumber'])
@Index('initialization_requests_subject_name_trgm_idx', { synchronize: false })
@Index('initialization_requests_subject_name_idx', { synchronize: false })
@Index('initialization_requests_decided_idx', ['decidedAt'], { where: `decided_at IS NOT NULL` })
@Index('initialization_requests_received_idx', ['receivedAt'])
@Index('initialization_requests_at_risk_due_idx', ['atRiskAt'], {
  where: `at_risk_flagged_at IS NULL AND status IN ${RUNNING}`,
})
@Index('initialization_requests_breach_due_idx', ['dueAt'], {
  where: `breached_flagged_at IS NULL AND status IN ${RUNNING}`,
})
@Index('initialization_requests_expiry_idx', ['expiresAt'], {
  where: `status = 'AWAITING_APPLICANT'`,
})
// TypeORM cannot declare these; the migrations own them: a trigram index on an expression
// (search) and the portal's index-only queue indexes (INCLUDE columns).
@Index('initialization_requests_search_idx', { synchronize: false })
@Index('initialization_requests_open_queue_idx', { synchronize: false })
@Index('initialization_requests_running_due_idx', { synchronize: false })
@Index('initialization_requests_held_due_idx', { synchronize: false })
@Index('initialization_requests_due_idx', { synchronize: false })
@Index('initialization_requests_open_province_idx', { synchronize: false })
@Index('initialization_requests_awaiting_reply_idx', { synchronize: false })
export class InitializationRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 24 }) reference!: string;
  @Column({ name: 'external_id', type: 'varchar', length: 100 }) externalId!: string;
  @Column({ name: 'intake_client', type: 'varchar', length: 100 }) intakeClient!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'subject_type', type: 'varchar', length: 12 }) subjectType!: string;
  @Column({ name: 'filing_number', type: 'varchar', length: 48 }) filingNumber!: string;
  @Column({ name: 'subject_filing_number', type: 'varchar', length: 40 })
  subjectFilingNumber!: string;
  @Column({ type: 'varchar', length: 4, nullable: true }) province!: string | null;
  @Column({ name: 'subject_name', type: 'varchar', length: 200 }) subjectName!: string;
  @Column({ name: 'credential_number', type: 'varchar', length: 40 }) credentialNumber!: string;
  @Column({ name: 'applicant_name', type: 'varchar', length: 100 }) applicantName!: string;
  @Column({ name: 'applicant_id_number', type: 'varchar', length: 18 }) applicantIdNumber!: string;
  @Column({ name: 'applicant_role', type: 'varchar', length: 16 }) applicantRole!: string;
  @Column({ name: 'applicant_phone', type: 'varchar', length: 32 }) applicantPhone!: string;
  @Column({ name: 'new_account_email', type: 'varchar', length: 254 }) newAccountEmail!: string;
  @Column({ name: 'aliyun_account_id', type: 'varchar', length: 64 }) aliyunAccountId!: string;
  @Column({ name: 'subject_id', type: 'uuid', nullable: true }) subjectId!: string | null;
  @Column({ name: 'risk_flags', type: 'text', array: true, default: [] }) riskFlags!: string[];
  @Column({ type: 'varchar', length: 32 }) status!: string;
  @Column({ name: 'assignee_id', type: 'uuid', nullable: true }) assigneeId!: string | null;
  @Column({ name: 'assignee_name', type: 'varchar', length: 120, nullable: true })
  assigneeName!: string | null;
  @Column({ name: 'first_approval', type: 'jsonb', nullable: true })
  firstApproval!: Stored<Approval> | null;
  @Column({ name: 'second_approval', type: 'jsonb', nullable: true })
  secondApproval!: Stored<Approval> | null;
  @Column({ type: 'jsonb', nullable: true }) decision!: Stored<Decision> | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'information_request', type: 'jsonb', nullable: true })
  informationRequest!: StoredInformationRequest | null;
  @Column({ name: 'return_note', type: 'jsonb', nullable: true })
  returnNote!: Stored<ReturnNote> | null;
  @Column({ type: 'jsonb', default: () => `'[]'` }) corrections!: Stored<Correction>[];
  @Column({ name: 'clock_started_at', type: 'timestamptz' }) clockStartedAt!: Date;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Column({ name: 'at_risk_at', type: 'timestamptz', nullable: true }) atRiskAt!: Date | null;
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt!: Date | null;
  @Column({ name: 'at_risk_flagged_at', type: 'timestamptz', nullable: true })
  atRiskFlaggedAt!: Date | null;
  @Column({ name: 'breached_flagged_at', type: 'timestamptz', nullable: true })
  breachedFlaggedAt!: Date | null;
  @Column({ name: 'sla_outcome', type: 'varchar', length: 8, nullable: true })
  slaOutcome!: string | null;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

@Entity({ name: 'request_documents' })
@Check(
  'request_documents_kind_check',
  `kind IN ('ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO', 'AUTHORIZATION_LETTER')`,
)
@Index('request_documents_request_idx', ['requestId'])
@Index('request_documents_sha256_idx', ['sha256'])
@Index('request_documents_storage_key_key', ['storageKey'], {
  unique: true,
  where: `storage_key IS NOT NULL`,
})
@Index('request_documents_unpurged_idx', ['requestId'], { where: `purged_at IS NULL` })
export class RequestDocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column({ name: 'request_id', type: 'uuid' })
  @ForeignKey(() => InitializationRequestEntity, {
    name: 'request_documents_request_id_fkey',
    onDelete: 'CASCADE',
  })
  requestId!: string;
  @Column({ type: 'varchar', length: 24 }) kind!: string;
  @Column({ name: 'media_type', type: 'varchar', length: 40 }) mediaType!: string;
  @Column({ name: 'size_bytes', type: 'integer' }) sizeBytes!: number;
  @Column({ type: 'char', length: 64 }) sha256!: string;
  @Column({ name: 'original_name', type: 'varchar', length: 255 }) originalName!: string;
  @Column({ name: 'uploaded_at', type: 'timestamptz' }) uploadedAt!: Date;
  @Column({ name: 'superseded_at', type: 'timestamptz', nullable: true })
  supersededAt!: Date | null;
  @Column({ name: 'replaces_document_id', type: 'uuid', nullable: true })
  @ForeignKey(() => RequestDocumentEntity, { name: 'request_documents_replaces_document_id_fkey' })
  replacesDocumentId!: string | null;
  /** The encrypted object's key in the documents store (null: a file stored in the clear, by SHA-256). */
  @Column({ name: 'storage_key', type: 'uuid', nullable: true })
  storageKey!: string | null;
  /**
   * When the retention job removed the file (null: still stored). Written only by that
   * job's statement: saving a request leaves it as it is (see the mapper).
   */
  @Column({ name: 'purged_at', type: 'timestamptz', nullable: true })
  purgedAt!: Date | null;
}

@Entity({ name: 'document_checks' })
@Index('document_checks_request_idx', ['requestId'])
export class DocumentCheckEntity {
  @PrimaryColumn({ name: 'document_id', type: 'uuid' })
  @ForeignKey(() => RequestDocumentEntity, {
    name: 'document_checks_document_id_fkey',
    onDelete: 'CASCADE',
  })
  documentId!: string;
  @Column({ name: 'request_id', type: 'uuid' })
  @ForeignKey(() => InitializationRequestEntity, {
    name: 'document_checks_request_id_fkey',
    onDelete: 'CASCADE',
  })
  requestId!: string;
  @Column({ type: 'boolean' }) legible!: boolean;
  @Column({ type: 'boolean' }) authentic!: boolean;
  @Column({ type: 'boolean' }) valid!: boolean;
  @Column({ name: 'matches_application', type: 'boolean' }) matchesApplication!: boolean;
  @Column({ type: 'text', default: '' }) note!: string;
  @Column({ name: 'checked_by', type: 'uuid' }) checkedBy!: string;
  @Column({ name: 'checked_by_name', type: 'varchar', length: 120 }) checkedByName!: string;
  @Column({ name: 'checked_at', type: 'timestamptz' }) checkedAt!: Date;
}

export type { Stored, StoredInformationRequest };
