import { describe, expect, it } from '@jest/globals';
import { organizationCodeCheckCharacter, validateOrganizationCode } from './organization-code.js';

describe('validateOrganizationCode', () => {
  it('accepts 60003734-1 with or without the hyphen and prints it with one', () => {
    expect(validateOrganizationCode('60003734-1')).toEqual({
      valid: true,
      normalized: '60003734-1',
    });
    expect(validateOrganizationCode('600037341')).toEqual({
      valid: true,
      normalized: '60003734-1',
    });
    expect(validateOrganizationCode('６０００３７３４－１')).toEqual({
      valid: true,
      normalized: '60003734-1',
    });
  });

  it('computes X for a remainder of 1 and 0 for a remainder of 0', () => {
    // Search small bodies for the two edge cases of 11 − (S mod 11).
    const bodies = Array.from({ length: 200 }, (_, index) => String(10000000 + index));
    const x = bodies.find((body) => organizationCodeCheckCharacter(body) === 'X')!;
    const zero = bodies.find((body) => organizationCodeCheckCharacter(body) === '0')!;
    expect(validateOrganizationCode(`${x}-X`)).toMatchObject({ valid: true });
    expect(validateOrganizationCode(`${x}-x`)).toMatchObject({ valid: true });
    expect(validateOrganizationCode(`${zero}-0`)).toMatchObject({ valid: true });
  });

  it('gives letters their values A=10 … Z=35', () => {
    // MA27XK8A: 22×3 + 10×7 + 2×9 + 7×10 + 33×5 + 20×8 + 8×4 + 10×2 = 601; 601 mod 11 = 7; 11 − 7 = 4.
    expect(organizationCodeCheckCharacter('MA27XK8A')).toBe('4');
    expect(validateOrganizationCode('MA27XK8A-4')).toMatchObject({ valid: true });
  });

  it('names the right check character', () => {
    expect(validateOrganizationCode('60003734-2')).toEqual({
      valid: false,
      code: 'checksum',
      expected: '1',
      reason: 'The check character should be 1.',
    });
  });

  it('refuses other shapes', () => {
    for (const value of ['6000373-1', '60003734-', '600037341L', '6000*734-1']) {
      expect(validateOrganizationCode(value)).toMatchObject({ valid: false, code: 'format' });
    }
    expect(validateOrganizationCode('')).toEqual({
      valid: false,
      code: 'empty',
      reason: 'The organization code is empty.',
    });
  });
});
