import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The desk speaks Simplified Chinese and English: a staff member's chosen language
 * (null until they choose; the browser's then decides), and the language an export
 * was requested in, so its worker writes the headers and words its requester reads.
 */
export class Locales1764979200000 implements MigrationInterface {
  name = 'Locales1764979200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE staff_members
        ADD COLUMN locale varchar(8) NULL,
        ADD CONSTRAINT staff_members_locale_check CHECK (locale IN ('zh-CN', 'en'))`);
    await queryRunner.query(`
      ALTER TABLE data_exports
        ADD COLUMN locale varchar(8) NOT NULL DEFAULT 'zh-CN',
        ADD CONSTRAINT data_exports_locale_check CHECK (locale IN ('zh-CN', 'en'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE data_exports DROP COLUMN locale`);
    await queryRunner.query(`ALTER TABLE staff_members DROP COLUMN locale`);
  }
}
