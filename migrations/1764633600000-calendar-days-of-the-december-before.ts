import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A year's arrangement may list days of the December before it (a notice can
 * move the turn of the year, e.g. 2026-12-31 off in the 2027 notice), as the
 * calendar library accepts. The day stays the primary key: a day belongs to
 * one arrangement and has one kind, so it can never be both off and worked.
 */
export class CalendarDaysOfTheDecemberBefore1764633600000 implements MigrationInterface {
  name = 'CalendarDaysOfTheDecemberBefore1764633600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE business_calendar_days DROP CONSTRAINT business_calendar_days_check`,
    );
    await queryRunner.query(`
      ALTER TABLE business_calendar_days ADD CONSTRAINT business_calendar_days_in_year
        CHECK (day BETWEEN make_date(year - 1, 12, 1) AND make_date(year, 12, 31))`);
  }

  /**
   * The old schema cannot hold a day outside its year: such days are removed
   * (each saved arrangement is in the audit trail, calendar.year_added or
   * calendar.year_changed, to enter again after upgrading).
   */
  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM business_calendar_days WHERE extract(year FROM day) <> year`,
    );
    await queryRunner.query(
      `ALTER TABLE business_calendar_days DROP CONSTRAINT business_calendar_days_in_year`,
    );
    await queryRunner.query(`
      ALTER TABLE business_calendar_days ADD CONSTRAINT business_calendar_days_check
        CHECK (extract(year FROM day) = year)`);
  }
}
