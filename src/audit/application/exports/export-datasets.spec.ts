import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { IsoTimestamps, timestamp } from './export-datasets.js';

describe('export timestamps', () => {
  it('write the instant with the business zone’s offset, exactly as luxon does', () => {
    const times = new IsoTimestamps('Asia/Shanghai');
    const instant = new Date('2026-11-24T17:30:05.123Z');
    expect(times.format(instant)).toBe('2026-11-25T01:30:05.123+08:00');
    expect(times.format(instant)).toBe(timestamp(instant, 'Asia/Shanghai'));
    expect(times.format(null)).toBeNull();
  });

  it('follow a zone’s offset across a daylight-saving change', () => {
    const times = new IsoTimestamps('America/New_York');
    const start = DateTime.fromISO('2026-03-08T00:00:00', { zone: 'America/New_York' });
    for (let minutes = 0; minutes < 6 * 60; minutes += 7) {
      const instant = start.plus({ minutes }).toJSDate();
      expect(times.format(instant)).toBe(timestamp(instant, 'America/New_York'));
    }
  });
});
