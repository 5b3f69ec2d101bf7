import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { timeAgo } from './relative-time.js';

const now = new Date('2026-11-25T06:00:00Z');
const before = (seconds: number): Date => new Date(now.getTime() - seconds * 1000);
const translator = new Translator('Asia/Shanghai');
const english = (then: Date): string => translator.words('en').text(timeAgo(then, now));
const chinese = (then: Date): string => translator.words('zh-CN').text(timeAgo(then, now));

describe('how long ago, in words', () => {
  it('says just now for the last minute', () => {
    expect(english(before(0))).toBe('just now');
    expect(english(before(59))).toBe('just now');
    expect(chinese(before(59))).toBe('刚刚');
  });

  it('counts whole minutes, hours and days, singular when one', () => {
    expect(english(before(60))).toBe('1 minute ago');
    expect(english(before(59 * 60 + 59))).toBe('59 minutes ago');
    expect(english(before(3 * 3600 + 100))).toBe('3 hours ago');
    expect(english(before(86_400))).toBe('1 day ago');
    expect(english(before(10 * 86_400))).toBe('10 days ago');
  });

  it('switches to months and years for old events', () => {
    expect(english(before(90 * 86_400))).toBe('3 months ago');
    expect(english(before(800 * 86_400))).toBe('2 years ago');
  });

  it('says the same in Chinese, without plural forms', () => {
    expect(chinese(before(60))).toBe('1 分钟前');
    expect(chinese(before(5 * 60))).toBe('5 分钟前');
    expect(chinese(before(3 * 3600 + 100))).toBe('3 小时前');
    expect(chinese(before(10 * 86_400))).toBe('10 天前');
    expect(chinese(before(90 * 86_400))).toBe('3 个月前');
    expect(chinese(before(800 * 86_400))).toBe('2 年前');
  });

  it('forgives a few seconds of clock skew but never calls the future the past', () => {
    expect(english(new Date(now.getTime() + 5000))).toBe('just now');
    expect(english(new Date(now.getTime() + 7_200_000))).toBe('in the future');
  });
});
