import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { describeBusinessTimeLeft } from './business-time-left.js';

const translator = new Translator('Asia/Shanghai');
const english = (minutes: number): string =>
  translator.words('en').text(describeBusinessTimeLeft(minutes));
const chinese = (minutes: number): string =>
  translator.words('zh-CN').text(describeBusinessTimeLeft(minutes));

describe('business time left in words', () => {
  it('says hours and minutes left before the deadline', () => {
    expect(english(200)).toBe('3 h 20 min left');
    expect(english(180)).toBe('3 h left');
    expect(english(45)).toBe('45 min left');
    expect(english(1080)).toBe('18 h left');
  });

  it('says the same in Chinese', () => {
    expect(chinese(200)).toBe('剩余 3 小时 20 分钟');
    expect(chinese(180)).toBe('剩余 3 小时');
    expect(chinese(45)).toBe('剩余 45 分钟');
    expect(chinese(1080)).toBe('剩余 18 小时');
    expect(chinese(0.4)).toBe('剩余不到 1 分钟');
    expect(chinese(-120)).toBe('已超时 2 小时');
    expect(chinese(-65)).toBe('已超时 1 小时 5 分钟');
    expect(chinese(0)).toBe('已超时');
  });

  it('never rounds a remaining fraction up to a minute that is not there', () => {
    expect(english(59.9)).toBe('59 min left');
    expect(english(0.4)).toBe('less than 1 min left');
  });

  it('says by how much a passed deadline is overdue', () => {
    expect(english(-65)).toBe('overdue by 1 h 5 min');
    expect(english(-120)).toBe('overdue by 2 h');
    expect(english(-7.5)).toBe('overdue by 7 min');
  });

  it('calls a deadline passed outside business hours simply overdue', () => {
    expect(english(0)).toBe('overdue');
    expect(english(-0.2)).toBe('overdue');
  });
});
