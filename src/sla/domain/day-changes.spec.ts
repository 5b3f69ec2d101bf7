import { describe, expect, it } from '@jest/globals';
import { changedDays, dayChanges } from './day-changes.js';
import { inYearBefore, noticeReach, withinReach } from './notice-reach.js';

describe('what a year’s notice may list', () => {
  it('is its year and the last week of December before it', () => {
    const reach = noticeReach(2027);
    expect(reach).toEqual({ year: 2027, from: '2026-12-25', to: '2027-12-31' });
    expect(
      ['2026-12-24', '2026-12-25', '2026-12-31', '2027-12-31', '2028-01-01'].map((day) =>
        withinReach(reach, day),
      ),
    ).toEqual([false, true, true, true, false]);
    expect(inYearBefore(reach, '2026-12-31')).toBe(true);
    expect(inYearBefore(reach, '2027-01-01')).toBe(false);
  });
});

describe('the days an arrangement changes', () => {
  const before = {
    year: 2027,
    source: 'notice',
    daysOff: [{ from: '2026-12-31', to: '2027-01-01', name: 'New Year' }],
    makeUpWorkdays: [{ date: '2026-12-26', name: 'New Year' }],
  };

  it('are the days it adds, removes, or lists differently, in date order', () => {
    const changes = dayChanges(before, {
      ...before,
      daysOff: [
        { from: '2027-01-01', to: '2027-01-02', name: "New Year's Day" },
        { from: '2026-12-26', to: '2026-12-26', name: 'New Year' },
      ],
      makeUpWorkdays: [],
    });
    expect(changes).toEqual({
      added: [{ day: '2027-01-02', kind: 'DAY_OFF', name: "New Year's Day" }],
      removed: [{ day: '2026-12-31', kind: 'DAY_OFF', name: 'New Year' }],
      changed: [
        {
          day: '2026-12-26',
          kind: 'DAY_OFF',
          name: 'New Year',
          previousKind: 'MAKE_UP_WORKDAY',
          previousName: 'New Year',
        },
        {
          day: '2027-01-01',
          kind: 'DAY_OFF',
          name: "New Year's Day",
          previousKind: 'DAY_OFF',
          previousName: 'New Year',
        },
      ],
    });
    expect(changedDays(changes)).toEqual(['2026-12-26', '2026-12-31', '2027-01-01', '2027-01-02']);
  });

  it('are every day it lists when the year had no arrangement, and none when it is the same', () => {
    expect(dayChanges(null, before).added.map(({ day }) => day)).toEqual([
      '2026-12-26',
      '2026-12-31',
      '2027-01-01',
    ]);
    expect(changedDays(dayChanges(before, { ...before, source: 'another notice' }))).toEqual([]);
  });
});
