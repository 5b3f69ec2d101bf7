import { Injectable } from '@nestjs/common';
import { daysOfBlock, type HolidayBlock, type YearArrangement } from '@lib/business-calendar';
import { TypeormUnitOfWork } from '../../shared/infrastructure/database/typeorm-unit-of-work.js';
import type { CalendarRepository } from '../application/ports/calendar-repository.js';

/** The transaction-scoped advisory lock of calendar changes (any number the desk uses only for this). */
const CALENDAR_CHANGE_LOCK = 7_302_026;

interface DayRow {
  day: string;
  year: number;
  kind: 'DAY_OFF' | 'MAKE_UP_WORKDAY';
  name: string;
}

/** Calendar years and their special days, as plain SQL over two small tables. */
@Injectable()
export class TypeormCalendarRepository implements CalendarRepository {
  constructor(private readonly unitOfWork: TypeormUnitOfWork) {}

  async loadArrangements(): Promise<YearArrangement[]> {
    const manager = this.unitOfWork.manager();
    const years: { year: number; source_notice: string }[] = await manager.query(
      `SELECT year, source_notice FROM business_calendar_years ORDER BY year`,
    );
    const days: DayRow[] = await manager.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, year, kind, name FROM business_calendar_days ORDER BY day`,
    );
    return years.map(({ year, source_notice }) => {
      const ofYear = days.filter((row) => row.year === year);
      return {
        year,
        source: source_notice,
        daysOff: toBlocks(ofYear.filter((row) => row.kind === 'DAY_OFF')),
        makeUpWorkdays: ofYear
          .filter((row) => row.kind === 'MAKE_UP_WORKDAY')
          .map((row) => ({ date: row.day, name: row.name })),
      };
    });
  }

  async lockForChange(): Promise<void> {
    await this.unitOfWork
      .manager()
      .query(`SELECT pg_advisory_xact_lock($1)`, [CALENDAR_CHANGE_LOCK]);
  }

  async saveYear(arrangement: YearArrangement, savedBy: string, now: Date): Promise<void> {
    const manager = this.unitOfWork.manager();
    await manager.query(
      `INSERT INTO business_calendar_years (year, source_notice, updated_at, updated_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (year) DO UPDATE SET source_notice = EXCLUDED.source_notice, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [arrangement.year, arrangement.source, now, savedBy],
    );
    await manager.query(`DELETE FROM business_calendar_days WHERE year = $1`, [arrangement.year]);
    const rows: [string, number, string, string][] = [
      ...arrangement.daysOff.flatMap((block) =>
        daysOfBlock(block).map((day): [string, number, string, string] => [
          day,
          arrangement.year,
          'DAY_OFF',
          block.name,
        ]),
      ),
      ...arrangement.makeUpWorkdays.map(({ date, name }): [string, number, string, string] => [
        date,
        arrangement.year,
        'MAKE_UP_WORKDAY',
        name,
      ]),
    ];
    if (rows.length === 0) return;
    await manager.query(
      `INSERT INTO business_calendar_days (day, year, kind, name)
       SELECT * FROM unnest($1::date[], $2::smallint[], $3::varchar[], $4::varchar[])`,
      [
        rows.map((row) => row[0]),
        rows.map((row) => row[1]),
        rows.map((row) => row[2]),
        rows.map((row) => row[3]),
      ],
    );
  }

  async yearHistory(): Promise<
    { year: number; source: string; updatedAt: Date; updatedBy: string }[]
  > {
    const rows: { year: number; source_notice: string; updated_at: Date; updated_by: string }[] =
      await this.unitOfWork
        .manager()
        .query(
          `SELECT year, source_notice, updated_at, updated_by FROM business_calendar_years ORDER BY year`,
        );
    return rows.map((row) => ({
      year: row.year,
      source: row.source_notice,
      updatedAt: row.updated_at,
      updatedBy: row.updated_by,
    }));
  }
}

/** Consecutive days off with the same name become one block. */
function toBlocks(rows: DayRow[]): HolidayBlock[] {
  const blocks: { from: string; to: string; name: string }[] = [];
  for (const row of rows) {
    const last = blocks.at(-1);
    if (last && last.name === row.name && nextDay(last.to) === row.day) last.to = row.day;
    else blocks.push({ from: row.day, to: row.day, name: row.name });
  }
  return blocks;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}
