import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verification runs of the audit trail (issue 18): each full verification (nightly, or
 * asked for on the page or with `audit:verify --full`) and each incremental one, with its
 * progress and result. At most one full run is running at a time across instances (the
 * partial unique index); a passed full run's last checkpoint is where the incremental
 * verification starts from. The runtime role writes it (it is not part of the trail).
 */
export class AuditVerificationRuns1765843200000 implements MigrationInterface {
  name = 'AuditVerificationRuns1765843200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_verification_runs (
        id uuid PRIMARY KEY,
        kind varchar(12) NOT NULL CHECK (kind IN ('full', 'incremental')),
        status varchar(12) NOT NULL CHECK (status IN ('running', 'passed', 'failed', 'abandoned')),
        requested_by varchar(200) NOT NULL,
        started_at timestamptz NOT NULL,
        heartbeat_at timestamptz NOT NULL,
        finished_at timestamptz,
        events_total bigint NOT NULL DEFAULT 0,
        events_checked bigint NOT NULL DEFAULT 0,
        from_checkpoint_no integer,
        head_seq bigint,
        head_hash varchar(64),
        last_checkpoint_no integer,
        last_checkpoint_seq bigint,
        last_checkpoint_hash varchar(64),
        failure jsonb,
        warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
        error text
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX audit_verification_runs_one_full_running
        ON audit_verification_runs (kind) WHERE status = 'running' AND kind = 'full'`);
    await queryRunner.query(`
      CREATE INDEX audit_verification_runs_recent_idx
        ON audit_verification_runs (kind, started_at DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_verification_runs`);
  }
}
