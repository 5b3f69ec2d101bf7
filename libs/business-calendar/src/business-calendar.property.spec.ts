import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { chinaOfficialCalendar } from './business-calendar.js';

fc.configureGlobal({ numRuns: 500 });
const calendar = chinaOfficialCalendar();
const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 3_600_000; // UTC+08:00 all year, no daylight saving since 1991

/** The Beijing calendar date and minute of the day of an instant, without any zone library. */
function beijing(instant: Date): { day: string; minute: number; ms: number } {
  const shifted = new Date(instant.getTime() + BEIJING_OFFSET);
  return {
    day: shifted.toISOString().slice(0, 10),
    minute: shifted.getUTCHours() * 60 + shifted.getUTCMinutes(),
    ms: shifted.getUTCSeconds() * 1000 + shifted.getUTCMilliseconds(),
  };
}

// Instants from December 2023 to February 2027 (so both fallback years are touched), biased
// towards whole minutes and the edges of business hours.
const FIRST_DAY = Date.UTC(2023, 11, 1) - BEIJING_OFFSET;
const DAYS = 1185;
const instant = fc
  .oneof(
    fc.integer({ min: FIRST_DAY, max: FIRST_DAY + DAYS * DAY }),
    fc.integer({ min: 0, max: DAYS * 1440 }).map((m) => FIRST_DAY + m * 60_000),
    fc
      .tuple(fc.integer({ min: 0, max: DAYS }), fc.constantFrom(0, 539, 540, 541, 1079, 1080, 1439))
      .map(([d, m]) => FIRST_DAY + d * DAY + m * 60_000),
  )
  .map((ms) => new Date(ms));
const businessDays = fc.integer({ min: 0, max: 20 });
// A shift of up to a month, often of a few days or a few minutes (near thresholds).
const shift = fc.oneof(
  fc.integer({ min: -30 * DAY, max: 30 * DAY }),
  fc.integer({ min: -3 * DAY, max: 3 * DAY }),
  fc.integer({ min: -120 * 60_000, max: 120 * 60_000 }),
);
const shifted = (at: Date, ms: number) => new Date(at.getTime() + ms);

/** Business days d with day(from) < d <= day(to). */
function businessDaysAfter(from: Date, to: Date): number {
  let count = 0;
  for (let t = from.getTime() + DAY; beijing(new Date(t)).day <= beijing(to).day; t += DAY) {
    if (calendar.isBusinessDay(beijing(new Date(t)).day)) count += 1;
  }
  return count;
}

describe('business-calendar properties', () => {
  it('reads the business day of an instant from its Beijing date', () => {
    fc.assert(
      fc.property(instant, (at) => {
        expect(calendar.isBusinessDay(at)).toBe(calendar.isBusinessDay(beijing(at).day));
      }),
    );
  });

  it('puts every deadline at exactly 18:00 Beijing time on a business day', () => {
    fc.assert(
      fc.property(instant, businessDays, (receivedAt, n) => {
        const due = beijing(calendar.dueAt(receivedAt, n));
        expect({ minute: due.minute, ms: due.ms }).toEqual({ minute: 18 * 60, ms: 0 });
        expect(calendar.isBusinessDay(due.day)).toBe(true);
      }),
    );
  });

  it('never moves a deadline earlier for a later receipt', () => {
    fc.assert(
      fc.property(instant, instant, businessDays, (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(calendar.dueAt(early, n).getTime()).toBeLessThanOrEqual(
          calendar.dueAt(late, n).getTime(),
        );
      }),
    );
  });

  it('gives at least N (and at most N + 1) business days after the day of receipt', () => {
    fc.assert(
      fc.property(instant, businessDays, (receivedAt, n) => {
        const count = businessDaysAfter(receivedAt, calendar.dueAt(receivedAt, n));
        expect(count).toBeGreaterThanOrEqual(n);
        expect(count).toBeLessThanOrEqual(n + 1);
      }),
    );
  });

  it('leaves more than N and at most N + 1 business days of minutes before the deadline', () => {
    fc.assert(
      fc.property(instant, businessDays, (receivedAt, n) => {
        const minutes = calendar.businessMinutesBetween(receivedAt, calendar.dueAt(receivedAt, n));
        expect(minutes).toBeGreaterThan(n * 540);
        expect(minutes).toBeLessThanOrEqual((n + 1) * 540);
      }),
    );
  });

  it('counts business minutes additively and with a sign', () => {
    fc.assert(
      fc.property(instant, shift, shift, (a, toB, toC) => {
        const [b, c] = [shifted(a, toB), shifted(a, toC)];
        const ab = calendar.businessMinutesBetween(a, b);
        expect(calendar.businessMinutesBetween(b, a)).toBe(ab === 0 ? 0 : -ab);
        expect(ab + calendar.businessMinutesBetween(b, c)).toBeCloseTo(
          calendar.businessMinutesBetween(a, c),
          6,
        );
      }),
    );
  });

  it('counts the minutes from one instant to many exactly as to each alone', () => {
    fc.assert(
      fc.property(instant, fc.array(shift, { maxLength: 12 }), (from, shifts) => {
        const instants = shifts.flatMap((ms) => [shifted(from, ms), shifted(from, ms)]);
        expect(calendar.businessMinutesFrom(from, instants)).toEqual(
          instants.map((to) => calendar.businessMinutesBetween(from, to)),
        );
      }),
    );
  });

  it('subtracts business minutes so that exactly that many remain, from the earliest such instant', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 5 * 540 }), shift, (at, minutes, toNow) => {
        const from = calendar.subtractBusinessMinutes(at, minutes);
        const now = shifted(from, toNow);
        expect(calendar.businessMinutesBetween(from, at)).toBe(minutes);
        expect(calendar.businessMinutesBetween(new Date(from.getTime() - 1), at)).toBeGreaterThan(
          minutes,
        );
        expect(now >= from).toBe(calendar.businessMinutesBetween(now, at) <= minutes);
      }),
    );
  });

  it('flags a request at risk exactly when at most 4 business hours remain', () => {
    fc.assert(
      fc.property(instant, shift, (receivedAt, toNow) => {
        const due = calendar.dueAt(receivedAt);
        const atRiskFrom = calendar.subtractBusinessMinutes(due, 240);
        const now = shifted(atRiskFrom, toNow);
        expect(now >= atRiskFrom).toBe(calendar.businessMinutesBetween(now, due) <= 240);
      }),
    );
  });
});
