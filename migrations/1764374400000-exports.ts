import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Exports of the audit trail and of requests: their state, progress, file, hash and chain head. */
export class Exports1764374400000 implements MigrationInterface {
  name = 'Exports1764374400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE data_exports (
        id uuid PRIMARY KEY,
        dataset varchar(20) NOT NULL CHECK (dataset IN ('audit-events', 'requests')),
        format varchar(8) NOT NULL CHECK (format IN ('CSV', 'XLSX')),
        filters jsonb NOT NULL,
        status varchar(12) NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'REMOVED')),
        requested_by_id uuid,
        requested_by_name varchar(200) NOT NULL,
        requested_at timestamptz NOT NULL,
        started_at timestamptz,
        finished_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        rows_expected bigint,
        rows_written bigint NOT NULL DEFAULT 0,
        row_count bigint,
        file_key varchar(255),
        size_bytes bigint,
        sha256 char(64),
        chain_head_seq bigint,
        chain_head_hash char(64),
        last_error text,
        removed_at timestamptz,
        updated_at timestamptz NOT NULL,
        CONSTRAINT data_exports_completed_has_file CHECK (
          status <> 'COMPLETED' OR (file_key IS NOT NULL AND sha256 IS NOT NULL AND row_count IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX data_exports_requested_idx ON data_exports (requested_at DESC, id DESC)`,
    );
    // The retention job reads only finished exports, oldest first.
    await queryRunner.query(`
      CREATE INDEX data_exports_retention_idx ON data_exports (finished_at)
      WHERE status IN ('COMPLETED', 'FAILED')`);
    // The sweep that queues lost jobs again reads only pending exports.
    await queryRunner.query(`
      CREATE INDEX data_exports_pending_idx ON data_exports (updated_at)
      WHERE status IN ('QUEUED', 'RUNNING')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE data_exports`);
  }
}
