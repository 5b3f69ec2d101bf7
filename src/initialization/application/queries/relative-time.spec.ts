import { describe, expect, it } from '@jest/globals';
import { timeAgo } from './relative-time.js';

const now = new Date('2026-11-25T06:00:00Z');
const before = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);

describe('how long ago, in words', () => {
  it('says just now for the last minute', () => {
    expect(timeAgo(before(0), now)).toBe('just now');
    expect(timeAgo(before(59), now)).toBe('just now');
  });

  it('counts whole minutes, hours and days, singular when one', () => {
    expect(timeAgo(before(60), now)).toBe('1 minute ago');
    expect(timeAgo(before(59 * 60 + 59), now)).toBe('59 minutes ago');
    expect(timeAgo(before(3 * 3600 + 100), now)).toBe('3 hours ago');
    expect(timeAgo(before(86_400), now)).toBe('1 day ago');
    expect(timeAgo(before(10 * 86_400), now)).toBe('10 days ago');
  });

  it('switches to months and years for old events', () => {
    expect(timeAgo(before(90 * 86_400), now)).toBe('3 months ago');
    expect(timeAgo(before(800 * 86_400), now)).toBe('2 years ago');
  });

  it('forgives a few seconds of clock skew but never calls the future the past', () => {
    expect(timeAgo(new Date(now.getTime() + 5000), now)).toBe('just now');
    expect(timeAgo(new Date(now.getTime() + 7_200_000), now)).toBe('in the future');
  });
});
