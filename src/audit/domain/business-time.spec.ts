import { describe, expect, it } from '@jest/globals';
import { WorkingHours, isWeekday } from './business-time.js';

const DAYS_OFF = new Set(['2026-10-01', '2026-10-02', '2026-10-05']);
const time = new WorkingHours({
  zone: 'Asia/Shanghai',
  dayStart: 9 * 60,
  dayEnd: 18 * 60,
  isBusinessDay: (date) => isWeekday(date) && !DAYS_OFF.has(date),
});
const at = (iso: string): Date => new Date(iso);

describe('business time', () => {
  it('counts only the minutes within business hours', () => {
    expect(
      time.minutesBetween(at('2026-11-23T10:00:00+08:00'), at('2026-11-23T11:30:00+08:00')),
    ).toBe(90);
    // Mon 17:00 to Tue 10:00: one hour on Monday, one on Tuesday.
    expect(
      time.minutesBetween(at('2026-11-23T17:00:00+08:00'), at('2026-11-24T10:00:00+08:00')),
    ).toBe(120);
  });

  it('skips weekends and days off', () => {
    // Fri 17:00 to Mon 10:00.
    expect(
      time.minutesBetween(at('2026-11-27T17:00:00+08:00'), at('2026-11-30T10:00:00+08:00')),
    ).toBe(120);
    // Wed 30 Sep 17:00 to Tue 6 Oct 10:00, with 1, 2 and 5 October off.
    expect(
      time.minutesBetween(at('2026-09-30T17:00:00+08:00'), at('2026-10-06T10:00:00+08:00')),
    ).toBe(120);
  });

  it('is zero when the end is not after the start', () => {
    expect(
      time.minutesBetween(at('2026-11-24T10:00:00+08:00'), at('2026-11-24T09:00:00+08:00')),
    ).toBe(0);
  });

  it('puts an instant on its business day in Shanghai, or the next business day after a day off', () => {
    // 23:30 UTC on Sunday is 07:30 on Monday in Shanghai.
    expect(time.businessDayOf(at('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(time.businessDayOf(at('2026-11-28T12:00:00+08:00'))).toBe('2026-11-30');
    expect(time.businessDayOf(at('2026-10-01T12:00:00+08:00'))).toBe('2026-10-06');
  });
});
