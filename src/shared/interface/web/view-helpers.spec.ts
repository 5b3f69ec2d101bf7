import { describe, expect, it } from '@jest/globals';
import { viewHelpers } from './view-helpers.js';

type Helper = (...args: unknown[]) => unknown;
const options = { hash: {} };

describe('view helpers', () => {
  it('show instants in the business zone whatever the server zone', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const at = new Date('2026-11-25T10:05:00Z');
    expect((helpers.datetime as Helper)(at, options)).toBe('2026-11-25 18:05');
    expect((helpers.isoTime as Helper)(at, options)).toBe('2026-11-25T18:05:00.000+08:00');
    expect((helpers.dateOnly as Helper)(new Date('2026-11-25T16:30:00Z'), options)).toBe(
      '2026-11-26',
    );
  });

  it('keep daylight saving right on the day the clocks change, and either side of it', () => {
    const helpers = viewHelpers('Europe/Berlin');
    const datetime = helpers.datetime as Helper;
    // 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00 UTC.
    expect(datetime(new Date('2026-03-29T00:30:00Z'), options)).toBe('2026-03-29 01:30');
    expect(datetime(new Date('2026-03-29T01:30:00Z'), options)).toBe('2026-03-29 03:30');
    expect(datetime(new Date('2026-03-28T12:00:00Z'), options)).toBe('2026-03-28 13:00');
    expect(datetime(new Date('2026-03-30T12:00:00Z'), options)).toBe('2026-03-30 14:00');
    expect(datetime(new Date('2026-03-28T12:00:00Z'), options)).toBe('2026-03-28 13:00');
  });

  it('refill a refused form only for the form that was refused', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const state = {
      form: 'reject',
      values: { message: 'Too dark', reasons: ['DOCUMENT_UNCLEAR', 'OTHER'] },
    };
    expect((helpers.isKept as Helper)(state, 'reject', options)).toBe(true);
    expect((helpers.isKept as Helper)(state, 'request-info', options)).toBe(false);
    expect((helpers.keptValue as Helper)(state, 'reject', 'message', options)).toBe('Too dark');
    expect((helpers.keptValue as Helper)(state, 'request-info', 'message', options)).toBe('');
    expect((helpers.keptHas as Helper)(state, 'reject', 'reasons', 'OTHER', options)).toBe(true);
    expect(
      (helpers.keptHas as Helper)(state, 'reject', 'reasons', 'SUSPECTED_FRAUD', options),
    ).toBe(false);
  });

  it('reach into nested fields such as one document’s checks', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    const state = {
      form: 'checks-d1',
      values: { checks: { d1: { legible: 'yes', note: 'blur' } } },
    };
    expect(
      (helpers.keptHas as Helper)(state, 'checks-d1', 'checks', 'd1', 'legible', 'yes', options),
    ).toBe(true);
    expect(
      (helpers.keptHas as Helper)(state, 'checks-d1', 'checks', 'd1', 'valid', 'yes', options),
    ).toBe(false);
    expect((helpers.keptValue as Helper)(state, 'checks-d1', 'checks', 'd1', 'note', options)).toBe(
      'blur',
    );
  });
});

describe('view helpers on the edges of time', () => {
  it('format zones west of UTC and half-hour offsets', () => {
    const at = new Date('2026-01-15T03:07:09.250Z');
    expect((viewHelpers('America/Los_Angeles').isoTime as Helper)(at, options)).toBe(
      '2026-01-14T19:07:09.250-08:00',
    );
    expect((viewHelpers('Asia/Kolkata').datetime as Helper)(at, options)).toBe('2026-01-15 08:37');
  });

  it('read ISO text and show nothing for what is not a date', () => {
    const helpers = viewHelpers('Asia/Shanghai');
    expect((helpers.datetime as Helper)('2026-11-25T10:05:00Z', options)).toBe('2026-11-25 18:05');
    expect((helpers.datetime as Helper)(new Date(Number.NaN), options)).toBe('');
    expect((helpers.datetime as Helper)(undefined, options)).toBe('');
    expect((helpers.isoTime as Helper)('not a date', options)).toBe('');
  });
});
