import { describe, expect, it } from '@jest/globals';
import { chinaOfficialCalendar } from '@lib/business-calendar';
import { CalendarBusinessTime } from './business-time.js';

const time = new CalendarBusinessTime(chinaOfficialCalendar());
const at = (iso: string): Date => new Date(iso);

describe('business time for reports', () => {
  it('counts only the minutes within business hours, skipping weekends and official days off', () => {
    // Mon 17:00 to Tue 10:00: one hour on Monday, one on Tuesday.
    expect(
      time.minutesBetween(at('2026-11-23T17:00:00+08:00'), at('2026-11-24T10:00:00+08:00')),
    ).toBe(120);
    // Wed 30 Sep 17:00 to Thu 8 Oct 10:00, across the National Day holiday (1–7 October off).
    expect(
      time.minutesBetween(at('2026-09-30T17:00:00+08:00'), at('2026-10-08T10:00:00+08:00')),
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
    // Saturday 10 October 2026 is a make-up working day.
    expect(time.businessDayOf(at('2026-10-10T12:00:00+08:00'))).toBe('2026-10-10');
    expect(time.businessDayOf(at('2026-10-01T12:00:00+08:00'))).toBe('2026-10-08');
  });
});
