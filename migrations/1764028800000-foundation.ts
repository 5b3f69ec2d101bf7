import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Staff accounts and sessions, sign-in throttling, and the append-only, hash-chained audit trail. */
export class Foundation1764028800000 implements MigrationInterface {
  name = 'Foundation1764028800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE staff_members (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        display_name varchar(120) NOT NULL,
        role varchar(20) NOT NULL CHECK (role IN ('REVIEWER', 'SENIOR_REVIEWER', 'AUDITOR', 'ADMIN')),
        active boolean NOT NULL DEFAULT true,
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT staff_members_email_lowercase CHECK (email = lower(email))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX staff_members_email_key ON staff_members (email)`);

    // connect-pg-simple's table: sessions shared by every app instance.
    await queryRunner.query(`
      CREATE TABLE staff_sessions (
        sid varchar PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX staff_sessions_expire_idx ON staff_sessions (expire)`);

    // rate-limiter-flexible's table for failed sign-ins (per account and per IP).
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key varchar(255) PRIMARY KEY,
        points integer NOT NULL DEFAULT 0,
        expire bigint
      )`);

    await queryRunner.query(`
      CREATE TABLE audit_events (
        seq bigint PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_type varchar(20) NOT NULL,
        actor_id uuid,
        actor_role varchar(20),
        actor_name varchar(200),
        action varchar(80) NOT NULL,
        request_id uuid,
        subject_id uuid,
        details jsonb NOT NULL DEFAULT '{}'::jsonb,
        ip varchar(64),
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE
      )`);
    await queryRunner.query(
      `CREATE INDEX audit_events_request_idx ON audit_events (request_id, seq) WHERE request_id IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX audit_events_subject_idx ON audit_events (subject_id, seq) WHERE subject_id IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await queryRunner.query(`CREATE INDEX audit_events_action_idx ON audit_events (action, seq)`);
    await queryRunner.query(
      `CREATE INDEX audit_events_occurred_idx ON audit_events (occurred_at, seq)`,
    );

    await queryRunner.query(`
      CREATE TABLE audit_chain_head (
        id smallint PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL,
        hash char(64) NOT NULL,
        updated_at timestamptz
      )`);
    await queryRunner.query(
      `INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, repeat('0', 64))`,
    );

    await queryRunner.query(`
      CREATE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_update_or_delete
      BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_are_append_only()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_events_no_truncate
      BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_are_append_only()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE audit_events`);
    await queryRunner.query(`DROP FUNCTION audit_events_are_append_only()`);
    await queryRunner.query(`DROP TABLE audit_chain_head`);
    await queryRunner.query(`DROP TABLE login_throttle`);
    await queryRunner.query(`DROP TABLE staff_sessions`);
    await queryRunner.query(`DROP TABLE staff_members`);
  }
}
