import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staff credentials over a year: when an account's sessions were all ended (a
 * password reset, a role change, "sign out my other sessions") and the one that
 * went on, and the set-password links admins issue. A link is kept as the SHA-256
 * of its token only; an account has at most one link that is neither used nor
 * voided (a new one voids the one before).
 */
export class StaffCredentials1765238400000 implements MigrationInterface {
  name = 'StaffCredentials1765238400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staff_members
        ADD COLUMN sessions_ended_at timestamptz NULL,
        ADD COLUMN session_kept varchar(64) NULL`);
    await queryRunner.query(`
      CREATE TABLE password_reset_links (
        id uuid PRIMARY KEY,
        staff_id uuid NOT NULL REFERENCES staff_members (id),
        token_hash char(64) NOT NULL,
        issued_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        issued_by varchar(200) NOT NULL,
        used_at timestamptz NULL,
        voided_at timestamptz NULL,
        CONSTRAINT password_reset_links_token_hash_key UNIQUE (token_hash),
        CONSTRAINT password_reset_links_expiry_check CHECK (expires_at > issued_at),
        CONSTRAINT password_reset_links_used_or_voided_check CHECK (used_at IS NULL OR voided_at IS NULL)
      )`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX password_reset_links_one_open
        ON password_reset_links (staff_id)
        WHERE used_at IS NULL AND voided_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE password_reset_links`);
    await queryRunner.query(`
      ALTER TABLE staff_members
        DROP COLUMN session_kept,
        DROP COLUMN sessions_ended_at`);
  }
}
