import { describe, expect, it } from '@jest/globals';
import {
  businessRegistrationCheckDigit,
  validateBusinessRegistrationNumber,
} from './business-registration-number.js';

describe('validateBusinessRegistrationNumber', () => {
  it('accepts 15 digits starting with a province code and tells whether the GS 15-2006 check digit matches', () => {
    const first14 = '33010040001557';
    const check = businessRegistrationCheckDigit(first14);
    expect(validateBusinessRegistrationNumber(first14 + check)).toEqual({
      valid: true,
      normalized: first14 + check,
      checkDigitMatches: true,
    });
    const other = String((Number(check) + 1) % 10);
    expect(validateBusinessRegistrationNumber(first14 + other)).toEqual({
      valid: true,
      normalized: first14 + other,
      checkDigitMatches: false,
    });
  });

  it('computes the ISO 7064 MOD 11,10 check digit (worked by hand for 11000000000000)', () => {
    // P: 10 → 2 → 6, then twelve zeros: 1, 2, 4, 8, 5, 10, 9, 7, 3, 6, 1, 2; check = (11 − 2) mod 10 = 9.
    expect(businessRegistrationCheckDigit('11000000000000')).toBe('9');
  });

  it('refuses anything but 15 digits, or a first pair that is not a province code', () => {
    expect(validateBusinessRegistrationNumber('33010040001557')).toEqual({
      valid: false,
      code: 'format',
      reason: 'A business registration number is 15 digits.',
    });
    expect(validateBusinessRegistrationNumber('990100400015575')).toEqual({
      valid: false,
      code: 'province',
      provinceCode: '99',
      reason: 'A business registration number starts with a province code, not 99.',
    });
  });
});
