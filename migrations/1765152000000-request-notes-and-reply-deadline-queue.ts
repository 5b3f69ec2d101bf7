import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Working together on a request:
 * - `request_notes`: the staff's internal notes, never sent to the applicant and never
 *   changed afterwards (UPDATE, DELETE and TRUNCATE are refused by trigger, as on
 *   `audit_events`);
 * - the Awaiting applicant tab is read in reply-deadline order (`expires_at`, then id),
 *   keyset-paginated both ways, from a partial index of the requests waiting for the
 *   applicant; the filters' columns ride along, so a page stays index-only.
 */
export class RequestNotesAndReplyDeadlineQueue1765152000000 implements MigrationInterface {
  name = 'RequestNotesAndReplyDeadlineQueue1765152000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE request_notes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        request_id uuid NOT NULL REFERENCES initialization_requests (id),
        author_id uuid NOT NULL,
        author_name varchar(120) NOT NULL,
        author_role varchar(20) NOT NULL CHECK (author_role IN ('REVIEWER', 'SENIOR_REVIEWER')),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX request_notes_request_idx ON request_notes (request_id, created_at, id)`,
    );
    await queryRunner.query(`
      CREATE FUNCTION request_notes_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'request_notes is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER request_notes_no_update_or_delete
      BEFORE UPDATE OR DELETE ON request_notes
      FOR EACH ROW EXECUTE FUNCTION request_notes_are_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER request_notes_no_truncate
      BEFORE TRUNCATE ON request_notes
      FOR EACH STATEMENT EXECUTE FUNCTION request_notes_are_append_only()`);

    await queryRunner.query(`
      CREATE INDEX initialization_requests_awaiting_reply_idx
          ON initialization_requests (expires_at, id)
      INCLUDE (subject_type, province, assignee_id, risk_flags)
       WHERE status = 'AWAITING_APPLICANT'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX initialization_requests_awaiting_reply_idx`);
    await queryRunner.query(`DROP TABLE request_notes`);
    await queryRunner.query(`DROP FUNCTION request_notes_are_append_only()`);
  }
}
