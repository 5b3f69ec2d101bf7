import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The official working calendar (days off and make-up working days) per year,
 * seeded with the State Council's arrangements for 2024, 2025 and 2026.
 * Admins add later years from the portal.
 */
export class BusinessCalendar1764460800000 implements MigrationInterface {
  name = 'BusinessCalendar1764460800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE business_calendar_years (
        year smallint PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        source_notice text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by varchar(120) NOT NULL DEFAULT 'migration'
      )`);
    await queryRunner.query(`
      CREATE TABLE business_calendar_days (
        day date PRIMARY KEY,
        year smallint NOT NULL REFERENCES business_calendar_years (year) ON DELETE CASCADE,
        kind varchar(16) NOT NULL CHECK (kind IN ('DAY_OFF', 'MAKE_UP_WORKDAY')),
        name varchar(80) NOT NULL,
        CHECK (extract(year FROM day) = year)
      )`);
    await queryRunner.query(
      `CREATE INDEX business_calendar_days_year_idx ON business_calendar_days (year)`,
    );
    await queryRunner.query(`
      INSERT INTO business_calendar_years (year, source_notice) VALUES
        (2024, '国务院办公厅关于2024年部分节假日安排的通知, issued 2023-10-25'),
        (2025, '国务院办公厅关于2025年部分节假日安排的通知, issued 2024-11-12'),
        (2026, '国务院办公厅关于2026年部分节假日安排的通知, issued 2025-11-04')`);
    await queryRunner.query(`
      INSERT INTO business_calendar_days (day, year, kind, name) VALUES
        ('2024-01-01', 2024, 'DAY_OFF', 'New Year''s Day'),
        ('2024-02-10', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-11', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-12', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-13', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-14', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-15', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-16', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-02-17', 2024, 'DAY_OFF', 'Spring Festival'),
        ('2024-04-04', 2024, 'DAY_OFF', 'Qingming Festival'),
        ('2024-04-05', 2024, 'DAY_OFF', 'Qingming Festival'),
        ('2024-04-06', 2024, 'DAY_OFF', 'Qingming Festival'),
        ('2024-05-01', 2024, 'DAY_OFF', 'Labour Day'),
        ('2024-05-02', 2024, 'DAY_OFF', 'Labour Day'),
        ('2024-05-03', 2024, 'DAY_OFF', 'Labour Day'),
        ('2024-05-04', 2024, 'DAY_OFF', 'Labour Day'),
        ('2024-05-05', 2024, 'DAY_OFF', 'Labour Day'),
        ('2024-06-10', 2024, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2024-09-15', 2024, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2024-09-16', 2024, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2024-09-17', 2024, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2024-10-01', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-02', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-03', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-04', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-05', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-06', 2024, 'DAY_OFF', 'National Day'),
        ('2024-10-07', 2024, 'DAY_OFF', 'National Day'),
        ('2024-02-04', 2024, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2024-02-18', 2024, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2024-04-07', 2024, 'MAKE_UP_WORKDAY', 'Qingming Festival'),
        ('2024-04-28', 2024, 'MAKE_UP_WORKDAY', 'Labour Day'),
        ('2024-05-11', 2024, 'MAKE_UP_WORKDAY', 'Labour Day'),
        ('2024-09-14', 2024, 'MAKE_UP_WORKDAY', 'Mid-Autumn Festival'),
        ('2024-09-29', 2024, 'MAKE_UP_WORKDAY', 'National Day'),
        ('2024-10-12', 2024, 'MAKE_UP_WORKDAY', 'National Day'),
        ('2025-01-01', 2025, 'DAY_OFF', 'New Year''s Day'),
        ('2025-01-28', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-01-29', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-01-30', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-01-31', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-02-01', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-02-02', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-02-03', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-02-04', 2025, 'DAY_OFF', 'Spring Festival'),
        ('2025-04-04', 2025, 'DAY_OFF', 'Qingming Festival'),
        ('2025-04-05', 2025, 'DAY_OFF', 'Qingming Festival'),
        ('2025-04-06', 2025, 'DAY_OFF', 'Qingming Festival'),
        ('2025-05-01', 2025, 'DAY_OFF', 'Labour Day'),
        ('2025-05-02', 2025, 'DAY_OFF', 'Labour Day'),
        ('2025-05-03', 2025, 'DAY_OFF', 'Labour Day'),
        ('2025-05-04', 2025, 'DAY_OFF', 'Labour Day'),
        ('2025-05-05', 2025, 'DAY_OFF', 'Labour Day'),
        ('2025-05-31', 2025, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2025-06-01', 2025, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2025-06-02', 2025, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2025-10-01', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-02', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-03', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-04', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-05', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-06', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-07', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-10-08', 2025, 'DAY_OFF', 'National Day and Mid-Autumn Festival'),
        ('2025-01-26', 2025, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2025-02-08', 2025, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2025-04-27', 2025, 'MAKE_UP_WORKDAY', 'Labour Day'),
        ('2025-09-28', 2025, 'MAKE_UP_WORKDAY', 'National Day and Mid-Autumn Festival'),
        ('2025-10-11', 2025, 'MAKE_UP_WORKDAY', 'National Day and Mid-Autumn Festival'),
        ('2026-01-01', 2026, 'DAY_OFF', 'New Year''s Day'),
        ('2026-01-02', 2026, 'DAY_OFF', 'New Year''s Day'),
        ('2026-01-03', 2026, 'DAY_OFF', 'New Year''s Day'),
        ('2026-02-15', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-16', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-17', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-18', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-19', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-20', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-21', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-22', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-02-23', 2026, 'DAY_OFF', 'Spring Festival'),
        ('2026-04-04', 2026, 'DAY_OFF', 'Qingming Festival'),
        ('2026-04-05', 2026, 'DAY_OFF', 'Qingming Festival'),
        ('2026-04-06', 2026, 'DAY_OFF', 'Qingming Festival'),
        ('2026-05-01', 2026, 'DAY_OFF', 'Labour Day'),
        ('2026-05-02', 2026, 'DAY_OFF', 'Labour Day'),
        ('2026-05-03', 2026, 'DAY_OFF', 'Labour Day'),
        ('2026-05-04', 2026, 'DAY_OFF', 'Labour Day'),
        ('2026-05-05', 2026, 'DAY_OFF', 'Labour Day'),
        ('2026-06-19', 2026, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2026-06-20', 2026, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2026-06-21', 2026, 'DAY_OFF', 'Dragon Boat Festival'),
        ('2026-09-25', 2026, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2026-09-26', 2026, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2026-09-27', 2026, 'DAY_OFF', 'Mid-Autumn Festival'),
        ('2026-10-01', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-02', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-03', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-04', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-05', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-06', 2026, 'DAY_OFF', 'National Day'),
        ('2026-10-07', 2026, 'DAY_OFF', 'National Day'),
        ('2026-01-04', 2026, 'MAKE_UP_WORKDAY', 'New Year''s Day'),
        ('2026-02-14', 2026, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2026-02-28', 2026, 'MAKE_UP_WORKDAY', 'Spring Festival'),
        ('2026-05-09', 2026, 'MAKE_UP_WORKDAY', 'Labour Day'),
        ('2026-09-20', 2026, 'MAKE_UP_WORKDAY', 'Mid-Autumn Festival'),
        ('2026-10-10', 2026, 'MAKE_UP_WORKDAY', 'National Day')`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE business_calendar_days`);
    await queryRunner.query(`DROP TABLE business_calendar_years`);
  }
}
