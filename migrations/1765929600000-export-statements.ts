import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed export statements (issue 18): each finished export gets a statement beside its
 * file (`<id>.statement.json` in the exports' store), signed with the audit signing key at
 * a checkpoint made for it. The export's record keeps the statement's key, the checkpoint's
 * number and the SHA-256 of the data rows it attests; exports made before stay without.
 */
export class ExportStatements1765929600000 implements MigrationInterface {
  name = 'ExportStatements1765929600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE data_exports
        ADD COLUMN statement_key varchar(255),
        ADD COLUMN statement_checkpoint_no integer,
        ADD COLUMN rows_sha256 char(64)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE data_exports
        DROP COLUMN rows_sha256,
        DROP COLUMN statement_checkpoint_no,
        DROP COLUMN statement_key`);
  }
}
