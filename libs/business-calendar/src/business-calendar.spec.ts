import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { BusinessCalendar, chinaOfficialCalendar } from './business-calendar.js';

// Expectations written out by hand from the State Council notices (see DOMAIN-NOTES.md),
// independently of the data file: every day off, the make-up workdays, the last business
// day before each block and the first one after it.
interface ExpectedBlock {
  name: string;
  off: string[];
  lastBefore: string;
  firstAfter: string;
}

const BLOCKS: ExpectedBlock[] = [
  // 2024
  {
    name: "2024 New Year's Day",
    off: ['2024-01-01'],
    lastBefore: '2023-12-29',
    firstAfter: '2024-01-02',
  },
  {
    name: '2024 Spring Festival',
    off: [
      '2024-02-10',
      '2024-02-11',
      '2024-02-12',
      '2024-02-13',
      '2024-02-14',
      '2024-02-15',
      '2024-02-16',
      '2024-02-17',
    ],
    lastBefore: '2024-02-09',
    firstAfter: '2024-02-18',
  },
  {
    name: '2024 Qingming',
    off: ['2024-04-04', '2024-04-05', '2024-04-06'],
    lastBefore: '2024-04-03',
    firstAfter: '2024-04-07',
  },
  {
    name: '2024 Labour Day',
    off: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
    lastBefore: '2024-04-30',
    firstAfter: '2024-05-06',
  },
  {
    name: '2024 Dragon Boat',
    off: ['2024-06-10'],
    lastBefore: '2024-06-07',
    firstAfter: '2024-06-11',
  },
  {
    name: '2024 Mid-Autumn',
    off: ['2024-09-15', '2024-09-16', '2024-09-17'],
    lastBefore: '2024-09-14',
    firstAfter: '2024-09-18',
  },
  {
    name: '2024 National Day',
    off: [
      '2024-10-01',
      '2024-10-02',
      '2024-10-03',
      '2024-10-04',
      '2024-10-05',
      '2024-10-06',
      '2024-10-07',
    ],
    lastBefore: '2024-09-30',
    firstAfter: '2024-10-08',
  },
  // 2025
  {
    name: "2025 New Year's Day",
    off: ['2025-01-01'],
    lastBefore: '2024-12-31',
    firstAfter: '2025-01-02',
  },
  {
    name: '2025 Spring Festival',
    off: [
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-01',
      '2025-02-02',
      '2025-02-03',
      '2025-02-04',
    ],
    lastBefore: '2025-01-27',
    firstAfter: '2025-02-05',
  },
  {
    name: '2025 Qingming',
    off: ['2025-04-04', '2025-04-05', '2025-04-06'],
    lastBefore: '2025-04-03',
    firstAfter: '2025-04-07',
  },
  {
    name: '2025 Labour Day',
    off: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
    lastBefore: '2025-04-30',
    firstAfter: '2025-05-06',
  },
  {
    name: '2025 Dragon Boat',
    off: ['2025-05-31', '2025-06-01', '2025-06-02'],
    lastBefore: '2025-05-30',
    firstAfter: '2025-06-03',
  },
  {
    name: '2025 National Day and Mid-Autumn',
    off: [
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    lastBefore: '2025-09-30',
    firstAfter: '2025-10-09',
  },
  // 2026
  {
    name: "2026 New Year's Day",
    off: ['2026-01-01', '2026-01-02', '2026-01-03'],
    lastBefore: '2025-12-31',
    firstAfter: '2026-01-04',
  },
  {
    name: '2026 Spring Festival',
    off: [
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
    ],
    lastBefore: '2026-02-14',
    firstAfter: '2026-02-24',
  },
  {
    name: '2026 Qingming',
    off: ['2026-04-04', '2026-04-05', '2026-04-06'],
    lastBefore: '2026-04-03',
    firstAfter: '2026-04-07',
  },
  {
    name: '2026 Labour Day',
    off: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
    lastBefore: '2026-04-30',
    firstAfter: '2026-05-06',
  },
  {
    name: '2026 Dragon Boat',
    off: ['2026-06-19', '2026-06-20', '2026-06-21'],
    lastBefore: '2026-06-18',
    firstAfter: '2026-06-22',
  },
  {
    name: '2026 Mid-Autumn',
    off: ['2026-09-25', '2026-09-26', '2026-09-27'],
    lastBefore: '2026-09-24',
    firstAfter: '2026-09-28',
  },
  {
    name: '2026 National Day',
    off: [
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    lastBefore: '2026-09-30',
    firstAfter: '2026-10-08',
  },
];

// Weekend days worked, with the weekday each falls on.
const MAKE_UP_WORKDAYS: [string, 'Sat' | 'Sun'][] = [
  ['2024-02-04', 'Sun'],
  ['2024-02-18', 'Sun'],
  ['2024-04-07', 'Sun'],
  ['2024-04-28', 'Sun'],
  ['2024-05-11', 'Sat'],
  ['2024-09-14', 'Sat'],
  ['2024-09-29', 'Sun'],
  ['2024-10-12', 'Sat'],
  ['2025-01-26', 'Sun'],
  ['2025-02-08', 'Sat'],
  ['2025-04-27', 'Sun'],
  ['2025-09-28', 'Sun'],
  ['2025-10-11', 'Sat'],
  ['2026-01-04', 'Sun'],
  ['2026-02-14', 'Sat'],
  ['2026-02-28', 'Sat'],
  ['2026-05-09', 'Sat'],
  ['2026-09-20', 'Sun'],
  ['2026-10-10', 'Sat'],
];

const calendar = chinaOfficialCalendar();

/** An instant given as Beijing wall-clock time, e.g. '2025-09-26 19:00'. */
function shanghai(wallClock: string): Date {
  const dt = DateTime.fromFormat(wallClock, 'yyyy-MM-dd HH:mm', { zone: 'Asia/Shanghai' });
  if (!dt.isValid) throw new Error(`bad test time ${wallClock}`);
  return dt.toJSDate();
}

/** An instant shown as Beijing wall-clock time with its weekday, e.g. 'Tue 2025-09-30 18:00'. */
function inShanghai(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: 'Asia/Shanghai' }).toFormat('ccc yyyy-MM-dd HH:mm', {
    locale: 'en',
  });
}

describe('the official working calendar, 2024–2026', () => {
  describe.each(BLOCKS)('$name', ({ off, lastBefore, firstAfter }) => {
    it('makes every day of the block a day off', () => {
      expect(off.filter((day) => calendar.isBusinessDay(day))).toEqual([]);
    });

    it('is surrounded by business days', () => {
      expect(calendar.isBusinessDay(lastBefore)).toBe(true);
      expect(calendar.isBusinessDay(firstAfter)).toBe(true);
    });

    it('resumes business on the first day after the block', () => {
      expect(calendar.nextBusinessDay(lastBefore)).toBe(firstAfter);
      for (const day of off) expect(calendar.nextBusinessDay(day)).toBe(firstAfter);
    });

    it('gives a one-business-day deadline across the block', () => {
      const due = calendar.dueAt(shanghai(`${lastBefore} 10:00`), 1);
      expect(inShanghai(due)).toMatch(new RegExp(`^\\w{3} ${firstAfter} 18:00$`));
    });
  });

  it.each(MAKE_UP_WORKDAYS)('%s (a %s) is a make-up working day', (day, weekdayName) => {
    expect(DateTime.fromISO(day, { zone: 'utc' }).toFormat('ccc', { locale: 'en' })).toBe(
      weekdayName,
    );
    expect(calendar.isBusinessDay(day)).toBe(true);
  });

  it('counts every other day of 2024–2026 by its weekday', () => {
    const off = new Set(BLOCKS.flatMap((b) => b.off));
    const work = new Set(MAKE_UP_WORKDAYS.map(([day]) => day));
    const wrong: string[] = [];
    for (let d = DateTime.utc(2024, 1, 1); d.year <= 2026; d = d.plus({ days: 1 })) {
      const day = d.toISODate()!;
      const expected = work.has(day) || (!off.has(day) && d.weekday <= 5);
      if (calendar.isBusinessDay(day) !== expected) wrong.push(day);
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ])('%i has %i business days', (year, count) => {
    expect(calendar.businessDaysInYear(year)).toBe(count);
  });

  it('reports 2024–2026 as official and other years as Monday–Friday fallback', () => {
    expect(calendar.officialYears).toEqual([2024, 2025, 2026]);
    expect(calendar.coverage(2025)).toBe('official');
    expect(calendar.coverage(2027)).toBe('fallback');
    expect(calendar.yearsWithoutArrangement([2027, 2024, 2023, 2027])).toEqual([2023, 2027]);
  });
});

describe('the SLA deadline (dueAt)', () => {
  it('is Wednesday 18:00 for a request received Monday 10:00', () => {
    expect(inShanghai(calendar.dueAt(shanghai('2025-03-10 10:00')))).toBe('Wed 2025-03-12 18:00');
  });

  it('is Wednesday 18:00 for a request received Friday 19:00, Monday being day 0', () => {
    // DESIGN.md's example says "Fri 19:00 → Tue 18:00", which contradicts its own rule (after
    // 18:00 day 0 is the next business day) and the worked 2025-09-26 and 2026-02-13 19:00
    // examples below; the rule is implemented.
    expect(inShanghai(calendar.effectiveStart(shanghai('2025-03-14 19:00')))).toBe(
      'Mon 2025-03-17 09:00',
    );
    expect(inShanghai(calendar.dueAt(shanghai('2025-03-14 19:00')))).toBe('Wed 2025-03-19 18:00');
  });

  it('counts the make-up Sunday before National Day 2025 as day 0', () => {
    const due = calendar.dueAt(shanghai('2025-09-26 19:00'));
    expect(due.toISOString()).toBe('2025-09-30T10:00:00.000Z');
    expect(inShanghai(due)).toBe('Tue 2025-09-30 18:00');
  });

  it('counts the make-up Saturday before Spring Festival 2026 as a business day', () => {
    expect(calendar.dueAt(shanghai('2026-02-13 10:00')).toISOString()).toBe(
      '2026-02-24T10:00:00.000Z',
    );
    expect(calendar.dueAt(shanghai('2026-02-13 19:00')).toISOString()).toBe(
      '2026-02-25T10:00:00.000Z',
    );
  });

  it.each([
    ['08:59', 'Mon 2025-03-10 09:00', 'Wed 2025-03-12 18:00'],
    ['09:00', 'Mon 2025-03-10 09:00', 'Wed 2025-03-12 18:00'],
    ['17:59', 'Mon 2025-03-10 17:59', 'Wed 2025-03-12 18:00'],
    ['18:00', 'Tue 2025-03-11 09:00', 'Thu 2025-03-13 18:00'],
    ['23:59', 'Tue 2025-03-11 09:00', 'Thu 2025-03-13 18:00'],
  ])('a receipt on Monday at %s starts the clock %s and is due %s', (time, start, due) => {
    const receivedAt = shanghai(`2025-03-10 ${time}`);
    expect(inShanghai(calendar.effectiveStart(receivedAt))).toBe(start);
    expect(inShanghai(calendar.dueAt(receivedAt))).toBe(due);
  });

  it('reads the calendar day in Beijing time, not in UTC', () => {
    // 2025-09-26T16:30Z is Saturday 00:30 in Beijing: not a business day, although the UTC date is a Friday.
    const receivedAt = new Date('2025-09-26T16:30:00Z');
    expect(calendar.isBusinessDay(receivedAt)).toBe(false);
    expect(calendar.nextBusinessDay(receivedAt)).toBe('2025-09-28');
    expect(calendar.dueAt(receivedAt).toISOString()).toBe('2025-09-30T10:00:00.000Z');
    // 2024-12-31T16:00Z is New Year's Day 00:00 in Beijing.
    expect(calendar.isBusinessDay(new Date('2024-12-31T16:00:00Z'))).toBe(false);
    expect(calendar.isBusinessDay(new Date('2024-12-31T15:59:59Z'))).toBe(true);
    // 2025-03-10T00:30Z is Monday 08:30 in Beijing, still Sunday in the Americas.
    expect(calendar.dueAt(new Date('2025-03-10T00:30:00Z')).toISOString()).toBe(
      '2025-03-12T10:00:00.000Z',
    );
  });

  it('takes the number of business days and the business hours as arguments', () => {
    const receivedAt = shanghai('2025-03-10 10:00');
    expect(inShanghai(calendar.dueAt(receivedAt, 1))).toBe('Tue 2025-03-11 18:00');
    expect(inShanghai(calendar.dueAt(receivedAt, 0))).toBe('Mon 2025-03-10 18:00');
    expect(inShanghai(calendar.dueAt(receivedAt, 2, { start: 480, end: 1020 }))).toBe(
      'Wed 2025-03-12 17:00',
    );
    // After 17:00 with hours 08:00–17:00, day 0 is the next business day.
    expect(
      inShanghai(calendar.dueAt(shanghai('2025-03-10 17:30'), 2, { start: 480, end: 1020 })),
    ).toBe('Thu 2025-03-13 17:00');
  });

  it('falls back to Monday–Friday in 2027 and says so', () => {
    // 2027-01-01 is a Friday; with no 2027 arrangement it counts as a business day.
    expect(calendar.isBusinessDay('2027-01-01')).toBe(true);
    const { dueAt, fallbackYears } = calendar.dueAtWithCoverage(shanghai('2026-12-30 10:00'));
    expect(inShanghai(dueAt)).toBe('Fri 2027-01-01 18:00');
    expect(fallbackYears).toEqual([2027]);
    expect(calendar.fallbackYearsBetween('2027-03-01', '2026-12-01')).toEqual([2027]);
  });

  it('reports no fallback for a deadline inside the official years', () => {
    expect(calendar.dueAtWithCoverage(shanghai('2025-09-26 19:00'))).toEqual({
      dueAt: new Date('2025-09-30T10:00:00.000Z'),
      fallbackYears: [],
    });
  });

  it('refuses a negative or fractional number of business days', () => {
    expect(() => calendar.dueAt(new Date(), -1)).toThrow(RangeError);
    expect(() => calendar.dueAt(new Date(), 1.5)).toThrow(RangeError);
  });
});

describe('AWAITING_APPLICANT expiry (endOfBusinessDayAfter)', () => {
  it('expires at 18:00 on the 15th business day after the day the information was requested', () => {
    // Requested Friday 2025-09-26 19:00: day 0 is the make-up Sunday 09-28; the 8-day
    // National Day block and the make-up Saturday 10-11 fall inside the 15 days.
    expect(inShanghai(calendar.endOfBusinessDayAfter(shanghai('2025-09-26 19:00'), 15))).toBe(
      'Fri 2025-10-24 18:00',
    );
    expect(inShanghai(calendar.endOfBusinessDayAfter(shanghai('2025-03-10 10:00'), 15))).toBe(
      'Mon 2025-03-31 18:00',
    );
  });
});

describe('business minutes', () => {
  it('counts only business hours on business days', () => {
    expect(
      calendar.businessMinutesBetween(shanghai('2025-03-10 10:00'), shanghai('2025-03-12 18:00')),
    ).toBe(480 + 540 + 540);
    // Friday 17:00 → the make-up Saturday → Tuesday 10:00 after Spring Festival 2026.
    expect(
      calendar.businessMinutesBetween(shanghai('2026-02-13 17:00'), shanghai('2026-02-24 10:00')),
    ).toBe(60 + 540 + 60);
    expect(
      calendar.businessMinutesBetween(shanghai('2025-03-15 10:00'), shanghai('2025-03-16 17:00')),
    ).toBe(0);
  });

  it('is signed: negative once the end is past', () => {
    expect(
      calendar.businessMinutesBetween(shanghai('2025-03-12 18:00'), shanghai('2025-03-10 10:00')),
    ).toBe(-1560);
    const same = shanghai('2025-03-12 11:00');
    expect(calendar.businessMinutesBetween(same, same)).toBe(0);
    expect(
      Object.is(
        calendar.businessMinutesBetween(shanghai('2025-03-16 10:00'), shanghai('2025-03-15 10:00')),
        0,
      ),
    ).toBe(true);
  });

  it('keeps seconds as fractions of a minute', () => {
    const from = new Date('2025-03-10T02:00:00Z');
    expect(calendar.businessMinutesBetween(from, new Date(from.getTime() + 30_000))).toBe(0.5);
  });

  it('puts the at-risk moment 4 business hours before the deadline', () => {
    const due = shanghai('2025-03-12 18:00');
    expect(inShanghai(calendar.subtractBusinessMinutes(due, 240))).toBe('Wed 2025-03-12 14:00');
    // Two hours on Tuesday 2026-02-24, the rest on the make-up Saturday before Spring Festival.
    expect(inShanghai(calendar.subtractBusinessMinutes(shanghai('2026-02-24 11:00'), 240))).toBe(
      'Sat 2026-02-14 16:00',
    );
  });

  it('takes the end of the previous business day when the minutes reach back to the start of one', () => {
    expect(inShanghai(calendar.subtractBusinessMinutes(shanghai('2025-03-12 13:00'), 240))).toBe(
      'Tue 2025-03-11 18:00',
    );
    expect(inShanghai(calendar.subtractBusinessMinutes(shanghai('2025-03-12 09:00'), 0))).toBe(
      'Tue 2025-03-11 18:00',
    );
    expect(inShanghai(calendar.subtractBusinessMinutes(shanghai('2025-03-12 10:00'), 0))).toBe(
      'Wed 2025-03-12 10:00',
    );
  });

  it('refuses negative minutes', () => {
    expect(() => calendar.subtractBusinessMinutes(new Date(), -1)).toThrow(RangeError);
  });
});

describe('building a calendar', () => {
  it('uses Asia/Shanghai and 09:00–18:00 unless told otherwise', () => {
    expect(calendar.zone).toBe('Asia/Shanghai');
    expect(calendar.hours).toEqual({ start: 540, end: 1080 });
  });

  it('reads days and hours in the zone it is given', () => {
    const tokyo = new BusinessCalendar([], { zone: 'Asia/Tokyo', hours: { start: 600, end: 960 } });
    // Friday 2025-03-14 23:30 in Beijing is already Saturday 00:30 in Tokyo.
    const receivedAt = shanghai('2025-03-14 23:30');
    expect(calendar.calendarDayOf(receivedAt)).toBe('2025-03-14');
    expect(tokyo.calendarDayOf(receivedAt)).toBe('2025-03-15');
    expect(tokyo.isBusinessDay(receivedAt)).toBe(false);
    expect(tokyo.dueAt(receivedAt).toISOString()).toBe('2025-03-19T07:00:00.000Z');
  });

  it('finds the day of an instant in a zone whose offset changes, on the day it changes too', () => {
    const berlin = new BusinessCalendar([], { zone: 'Europe/Berlin' });
    // Clocks went forward at 01:00 UTC on Sunday 2026-03-29.
    expect(berlin.isBusinessDay(new Date('2026-03-28T22:30:00Z'))).toBe(false); // Sun 00:30 CET
    expect(berlin.isBusinessDay(new Date('2026-03-29T21:30:00Z'))).toBe(false); // Sun 23:30 CEST
    expect(berlin.isBusinessDay(new Date('2026-03-29T22:30:00Z'))).toBe(true); // Mon 00:30 CEST
    expect(berlin.isBusinessDay(new Date('2026-03-27T22:59:00Z'))).toBe(true); // Fri 23:59 CET
    // Friday 17:00 CET to Monday 10:00 CEST: an hour each side of the weekend.
    const friday = new Date('2026-03-27T16:00:00Z');
    const monday = new Date('2026-03-30T08:00:00Z');
    expect(berlin.businessMinutesBetween(friday, monday)).toBe(120);
    expect(berlin.businessMinutesFrom(monday, [friday, monday])).toEqual([-120, 0]);
  });

  it('counts Monday to Friday when no arrangement is loaded', () => {
    const plain = new BusinessCalendar([]);
    expect(plain.isBusinessDay('2025-10-01')).toBe(true);
    expect(plain.isBusinessDay('2025-09-28')).toBe(false);
    expect(plain.businessDaysInYear(2025)).toBe(261);
    expect(plain.coverage(2025)).toBe('fallback');
  });

  it('refuses an unknown zone, impossible hours and malformed days', () => {
    expect(() => new BusinessCalendar([], { zone: 'Mars/Olympus' })).toThrow(
      '"Mars/Olympus" is not an IANA time zone.',
    );
    expect(() => new BusinessCalendar([], { hours: { start: 1080, end: 540 } })).toThrow(
      RangeError,
    );
    expect(() => new BusinessCalendar([], { hours: { start: 0, end: 1441 } })).toThrow(RangeError);
    expect(() => calendar.isBusinessDay('2025-02-30')).toThrow(
      '"2025-02-30" is not a calendar date (YYYY-MM-DD).',
    );
    expect(() => calendar.isBusinessDay('2025/03/10')).toThrow(RangeError);
    expect(() => calendar.isBusinessDay(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('works with business hours that end at midnight', () => {
    const allDay = new BusinessCalendar([], { hours: { start: 0, end: 1440 } });
    expect(allDay.dueAt(shanghai('2025-03-10 23:59'), 0).toISOString()).toBe(
      '2025-03-10T16:00:00.000Z',
    );
    expect(
      allDay.businessMinutesBetween(shanghai('2025-03-10 00:00'), shanghai('2025-03-11 00:00')),
    ).toBe(1440);
  });
});
