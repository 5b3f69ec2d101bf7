import { describe, expect, it } from '@jest/globals';
import {
  arrangementProblems,
  InvalidArrangementError,
  validateArrangements,
  type YearArrangement,
} from './arrangement.js';
import { BusinessCalendar } from './business-calendar.js';
import { CHINA_OFFICIAL_ARRANGEMENTS } from './data/china-official-2024-2026.js';

const arrangement2027 = (overrides: Partial<YearArrangement> = {}): YearArrangement => ({
  year: 2027,
  source: '国务院办公厅关于2027年部分节假日安排的通知 (test)',
  daysOff: [{ from: '2027-01-01', to: '2027-01-03', name: "New Year's Day" }],
  makeUpWorkdays: [],
  ...overrides,
});

describe('calendar arrangements', () => {
  it('accepts the shipped official arrangements', () => {
    expect(validateArrangements(CHINA_OFFICIAL_ARRANGEMENTS)).toEqual([]);
  });

  it('accepts days moved into the December before the year', () => {
    const turnOfYear = arrangement2027({
      daysOff: [{ from: '2026-12-31', to: '2027-01-01', name: "New Year's Day" }],
      makeUpWorkdays: [{ date: '2026-12-27', name: "New Year's Day" }],
    });
    expect(validateArrangements([turnOfYear])).toEqual([]);
  });

  it('lets each day be listed once, by one arrangement, so a stored day has one kind', () => {
    const with2026Eve = (year: number, day: string): YearArrangement => ({
      ...arrangement2027({ year, source: `notice ${year}` }),
      daysOff: [{ from: day, to: day, name: "New Year's Eve" }],
    });
    expect(
      validateArrangements([with2026Eve(2026, '2026-12-31'), with2026Eve(2027, '2026-12-31')]),
    ).toEqual([
      '2027: 2026-12-31 is also listed in the 2026 arrangement; list each day in one arrangement only.',
    ]);
    expect(
      validateArrangements([
        arrangement2027({
          daysOff: [
            { from: '2027-01-01', to: '2027-01-03', name: "New Year's Day" },
            { from: '2027-01-03', to: '2027-01-03', name: 'Again' },
          ],
          makeUpWorkdays: [
            { date: '2026-12-27', name: "New Year's Day" },
            { date: '2026-12-27', name: "New Year's Day" },
          ],
        }),
      ]),
    ).toEqual([
      '2027: 2027-01-03 is listed more than once.',
      '2027: 2026-12-27 is listed more than once.',
    ]);
  });

  it('explains every problem in sentences', () => {
    const problems = validateArrangements([
      arrangement2027({
        daysOff: [
          { from: '2027-02-30', to: '2027-03-01', name: 'Spring Festival' },
          { from: '2027-05-05', to: '2027-05-01', name: 'Labour Day' },
          { from: '2025-10-01', to: '2025-10-02', name: 'National Day' },
          { from: '2027-06-09', to: '2027-06-09', name: 'Dragon Boat' },
        ],
        makeUpWorkdays: [
          { date: '2027-03-03', name: 'Spring Festival' },
          { date: '2027-01-02', name: 'Spring Festival' },
        ],
      }),
      arrangement2027({ source: ' ' }),
    ]);
    expect(problems).toEqual([
      '2027: day off (Spring Festival) "2027-02-30" is not a calendar date (YYYY-MM-DD).',
      '2027: day off (Labour Day) ends (2027-05-01) before it starts (2027-05-05).',
      '2027: day off (National Day) 2025-10-01 is outside 2027 and the December before it.',
      '2027: make-up workday 2027-03-03 (Spring Festival) is not a Saturday or Sunday.',
      '2027 has more than one arrangement.',
      '2027: the source of the arrangement is missing.',
      '2027: 2027-01-02 is listed both as a day off and as a make-up workday.',
    ]);
  });

  it('names each problem by code with the facts its sentence names', () => {
    expect(
      arrangementProblems([
        arrangement2027({
          daysOff: [{ from: '2027-05-05', to: '2027-05-01', name: 'Labour Day' }],
          makeUpWorkdays: [{ date: '2027-03-03', name: 'Spring Festival' }],
        }),
      ]),
    ).toEqual([
      {
        code: 'ends-before-start',
        year: 2027,
        entry: { kind: 'day-off', name: 'Labour Day' },
        from: '2027-05-05',
        to: '2027-05-01',
      },
      {
        code: 'make-up-workday-not-weekend',
        year: 2027,
        date: '2027-03-03',
        name: 'Spring Festival',
      },
    ]);
  });

  it('refuses to build a calendar from invalid arrangements', () => {
    const build = () =>
      new BusinessCalendar([...CHINA_OFFICIAL_ARRANGEMENTS, CHINA_OFFICIAL_ARRANGEMENTS[0]!]);
    expect(build).toThrow(InvalidArrangementError);
    expect(build).toThrow('2024 has more than one arrangement.');
  });

  it('applies a newly published year', () => {
    const calendar = new BusinessCalendar([...CHINA_OFFICIAL_ARRANGEMENTS, arrangement2027()]);
    expect(calendar.coverage(2027)).toBe('official');
    expect(calendar.isBusinessDay('2027-01-01')).toBe(false);
    expect(calendar.nextBusinessDay('2026-12-31')).toBe('2027-01-04');
  });
});
