import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of documents (issue 17): the documents of a request that ended more than
 * DOCUMENT_RETENTION_DAYS ago are purged from the store, and `purged_at` says when. The
 * row stays (its SHA-256 keeps reuse detection working; the audit trail names it). The
 * daily job reads the documents not yet purged, from their own partial index: a set the
 * retention window bounds, however many old requests the desk keeps.
 */
export class DocumentRetention1765670400000 implements MigrationInterface {
  name = 'DocumentRetention1765670400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE request_documents ADD COLUMN purged_at timestamptz`);
    await queryRunner.query(`
      CREATE INDEX request_documents_unpurged_idx ON request_documents (request_id)
      WHERE purged_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX request_documents_unpurged_idx`);
    await queryRunner.query(`ALTER TABLE request_documents DROP COLUMN purged_at`);
  }
}
