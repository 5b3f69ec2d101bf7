import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The 2026 notice lists Sunday 2026-09-20 as a make-up working day of the
 * National Day break (1–7 October), as the calendar library says; the first
 * calendar migration named it after the Mid-Autumn Festival.
 */
export class CalendarMakeUpDayName1764806400000 implements MigrationInterface {
  name = 'CalendarMakeUpDayName1764806400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE business_calendar_days SET name = 'National Day'
        WHERE day = '2026-09-20' AND kind = 'MAKE_UP_WORKDAY' AND name = 'Mid-Autumn Festival'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE business_calendar_days SET name = 'Mid-Autumn Festival'
        WHERE day = '2026-09-20' AND kind = 'MAKE_UP_WORKDAY' AND name = 'National Day'`,
    );
  }
}
