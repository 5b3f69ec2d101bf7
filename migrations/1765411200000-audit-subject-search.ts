import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail is searched by subject name and by credential number through the
 * requests and registry subjects that carry them (the trail itself never stores a
 * credential number in a column): these indexes find those few requests and subjects,
 * and the events are then read through `audit_events_request_idx` and
 * `audit_events_subject_idx`, however long the trail.
 *
 * - a part of a name (three characters or more): trigram indexes on both names;
 * - a whole short name ("李娜"): the lowercased name (`filing_subjects_name_idx`
 *   already serves the registry);
 * - a credential number, matched in full: `filing_subjects_credential_number_idx`
 *   already serves the registry; the requests get theirs.
 */
export class AuditSubjectSearch1765411200000 implements MigrationInterface {
  name = 'AuditSubjectSearch1765411200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_subject_name_trgm_idx ON initialization_requests
      USING gin (subject_name gin_trgm_ops)`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_subject_name_idx ON initialization_requests
      (lower(subject_name))`);
    await queryRunner.query(`
      CREATE INDEX initialization_requests_credential_number_idx ON initialization_requests
      (credential_number)`);
    await queryRunner.query(`
      CREATE INDEX filing_subjects_name_trgm_idx ON filing_subjects USING gin (name gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX filing_subjects_name_trgm_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_credential_number_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_subject_name_idx`);
    await queryRunner.query(`DROP INDEX initialization_requests_subject_name_trgm_idx`);
  }
}
