import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An admin may resend an ABANDONED mail (delivery unknown) once, as a new message:
 * `resend_of_id` names the message it resends, unique, so a second resend (or two at
 * once) is refused by the database. The admin's mail page filters by status, newest
 * first and keyset-paginated, from its own index.
 */
export class OutboxResends1765497600000 implements MigrationInterface {
  name = 'OutboxResends1765497600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE outbox_messages
        ADD COLUMN resend_of_id uuid
        CONSTRAINT outbox_messages_resend_of_id_fkey REFERENCES outbox_messages (id)`);
    await queryRunner.query(`
      CREATE UNIQUE INDEX outbox_messages_resend_of_key ON outbox_messages (resend_of_id)
      WHERE resend_of_id IS NOT NULL`);
    await queryRunner.query(`
      CREATE INDEX outbox_messages_status_recent_idx
          ON outbox_messages (status, created_at DESC, id DESC)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX outbox_messages_status_recent_idx`);
    await queryRunner.query(`DROP INDEX outbox_messages_resend_of_key`);
    await queryRunner.query(`ALTER TABLE outbox_messages DROP COLUMN resend_of_id`);
  }
}
