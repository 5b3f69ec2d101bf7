import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Initialization requests, their documents and the reviewers' document checks. */
export class InitializationRequests1764201600000 implements MigrationInterface {
  name = 'InitializationRequests1764201600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE SEQUENCE initialization_request_reference_seq`);
    await queryRunner.query(`
      CREATE TABLE initialization_requests (
        id uuid PRIMARY KEY,
        reference varchar(24) NOT NULL UNIQUE,
        external_id varchar(100) NOT NULL,
        intake_client varchar(100) NOT NULL,
        received_at timestamptz NOT NULL,
        subject_type varchar(12) NOT NULL CHECK (subject_type IN ('INDIVIDUAL', 'ORGANIZATION')),
        filing_number varchar(48) NOT NULL,
        subject_filing_number varchar(40) NOT NULL,
        province varchar(4),
        subject_name varchar(200) NOT NULL,
        credential_number varchar(40) NOT NULL,
        applicant_name varchar(100) NOT NULL,
        applicant_id_number varchar(18) NOT NULL,
        applicant_role varchar(16) NOT NULL CHECK (applicant_role IN ('SUBJECT_ADMIN', 'WEBSITE_ADMIN', 'OTHER')),
        applicant_phone varchar(32) NOT NULL,
        new_account_email varchar(254) NOT NULL,
        aliyun_account_id varchar(64) NOT NULL,
        subject_id uuid,
        risk_flags text[] NOT NULL DEFAULT '{}',
        status varchar(32) NOT NULL CHECK (status IN ('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL',
          'AWAITING_APPLICANT', 'APPROVED', 'REJECTED', 'EXPIRED', 'WITHDRAWN')),
        assignee_id uuid,
        assignee_name varchar(120),
        first_approval jsonb,
        second_approval jsonb,
        decision jsonb,
        decided_at timestamptz,
        information_request jsonb,
        return_note jsonb,
        clock_started_at timestamptz NOT NULL,
        due_at timestamptz,
        at_risk_at timestamptz,
        expires_at timestamptz,
        at_risk_flagged_at timestamptz,
        breached_flagged_at timestamptz,
        sla_outcome varchar(8) CHECK (sla_outcome IN ('MET', 'MISSED')),
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT initialization_requests_external_id_key UNIQUE (intake_client, external_id)
      )`);
    // The queue: each tab is a status (or SLA) slice read in dueAt order, keyset-paginated.
    await queryRunner.query(
      `CREATE INDEX initialization_requests_queue_idx ON initialization_requests (status, due_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX initialization_requests_assignee_idx ON initialization_requests (assignee_id, status, due_at, id)`,
    );
    await queryRunner.query(
      `CREATE INDEX initialization_requests_subject_filing_idx ON initialization_requests (subject_filing_number, status)`,
    );
    await queryRunner.query(
      `CREATE INDEX initialization_requests_subject_idx ON initialization_requests (subject_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX initialization_requests_decided_idx ON initialization_requests (decided_at) WHERE decided_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX initialization_requests_received_idx ON initialization_requests (received_at)`,
    );
    // The SLA watch reads only what still needs a flag, so its work never grows with history.
    await queryRunner.query(`
      CREATE INDEX initialization_requests_at_risk_due_idx ON initialization_requests (at_risk_at)
      WHERE at_risk_flagged_at IS NULL AND status IN ('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_breach_due_idx ON initialization_requests (due_at)
      WHERE breached_flagged_at IS NULL AND status IN ('PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL')`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_expiry_idx ON initialization_requests (expires_at)
      WHERE status = 'AWAITING_APPLICANT'`);
    // Search by reference, filing number or subject name.
    await queryRunner.query(`
      CREATE INDEX initialization_requests_search_idx ON initialization_requests
      USING gin ((reference || ' ' || filing_number || ' ' || subject_name) gin_trgm_ops)`);

    await queryRunner.query(`
      CREATE TABLE request_documents (
        id uuid PRIMARY KEY,
        request_id uuid NOT NULL REFERENCES initialization_requests (id) ON DELETE CASCADE,
        kind varchar(24) NOT NULL CHECK (kind IN ('ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO', 'AUTHORIZATION_LETTER')),
        media_type varchar(40) NOT NULL,
        size_bytes integer NOT NULL,
        sha256 char(64) NOT NULL,
        original_name varchar(255) NOT NULL,
        uploaded_at timestamptz NOT NULL,
        superseded_at timestamptz
      )`);
    await queryRunner.query(
      `CREATE INDEX request_documents_request_idx ON request_documents (request_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX request_documents_sha256_idx ON request_documents (sha256)`,
    );

    await queryRunner.query(`
      CREATE TABLE document_checks (
        document_id uuid PRIMARY KEY REFERENCES request_documents (id) ON DELETE CASCADE,
        request_id uuid NOT NULL REFERENCES initialization_requests (id) ON DELETE CASCADE,
        legible boolean NOT NULL,
        authentic boolean NOT NULL,
        valid boolean NOT NULL,
        matches_application boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        checked_by uuid NOT NULL,
        checked_by_name varchar(120) NOT NULL,
        checked_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX document_checks_request_idx ON document_checks (request_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE document_checks`);
    await queryRunner.query(`DROP TABLE request_documents`);
    await queryRunner.query(`DROP TABLE initialization_requests`);
    await queryRunner.query(`DROP SEQUENCE initialization_request_reference_seq`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
