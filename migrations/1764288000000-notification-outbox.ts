import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional mail outbox (written in the deciding transaction, delivered
 * by the bull workers) and the demo mailbox that stands in for SMTP when no
 * SMTP_URL is set.
 */
export class NotificationOutbox1764288000000 implements MigrationInterface {
  name = 'NotificationOutbox1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_messages (
        id uuid PRIMARY KEY,
        kind varchar(64) NOT NULL,
        recipient varchar(254) NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text,
        request_id uuid,
        dedupe_key varchar(200),
        status varchar(10) NOT NULL DEFAULT 'PENDING'
          CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED', 'ABANDONED')),
        attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
        last_error text,
        created_at timestamptz NOT NULL,
        next_attempt_at timestamptz NOT NULL,
        attempt_started_at timestamptz,
        sent_at timestamptz,
        CONSTRAINT outbox_messages_dedupe_key_key UNIQUE (dedupe_key)
      )`);
    // The relay reads only what is due, the sweep only what is in flight.
    await queryRunner.query(`
      CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at)
      WHERE status = 'PENDING'`);
    await queryRunner.query(`
      CREATE INDEX outbox_messages_in_flight_idx ON outbox_messages (attempt_started_at)
      WHERE status = 'SENDING'`);
    // The admin page: newest first, keyset-paginated.
    await queryRunner.query(
      `CREATE INDEX outbox_messages_recent_idx ON outbox_messages (created_at DESC, id DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX outbox_messages_request_idx ON outbox_messages (request_id) WHERE request_id IS NOT NULL`,
    );

    await queryRunner.query(`
      CREATE TABLE mail_sink (
        id uuid PRIMARY KEY,
        outbox_id uuid NOT NULL REFERENCES outbox_messages (id) ON DELETE CASCADE,
        recipient varchar(254) NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        body_html text,
        delivered_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX mail_sink_outbox_idx ON mail_sink (outbox_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE mail_sink`);
    await queryRunner.query(`DROP TABLE outbox_messages`);
  }
}
