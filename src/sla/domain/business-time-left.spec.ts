import { describe, expect, it } from '@jest/globals';
import { describeBusinessTimeLeft } from './business-time-left.js';

describe('business time left in words', () => {
  it('says hours and minutes left before the deadline', () => {
    expect(describeBusinessTimeLeft(200)).toBe('3 h 20 min left');
    expect(describeBusinessTimeLeft(180)).toBe('3 h left');
    expect(describeBusinessTimeLeft(45)).toBe('45 min left');
    expect(describeBusinessTimeLeft(1080)).toBe('18 h left');
  });

  it('never rounds a remaining fraction up to a minute that is not there', () => {
    expect(describeBusinessTimeLeft(59.9)).toBe('59 min left');
    expect(describeBusinessTimeLeft(0.4)).toBe('less than 1 min left');
  });

  it('says by how much a passed deadline is overdue', () => {
    expect(describeBusinessTimeLeft(-65)).toBe('overdue by 1 h 5 min');
    expect(describeBusinessTimeLeft(-120)).toBe('overdue by 2 h');
    expect(describeBusinessTimeLeft(-7.5)).toBe('overdue by 7 min');
  });

  it('calls a deadline passed outside business hours simply overdue', () => {
    expect(describeBusinessTimeLeft(0)).toBe('overdue');
    expect(describeBusinessTimeLeft(-0.2)).toBe('overdue');
  });
});
