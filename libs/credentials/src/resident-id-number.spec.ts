import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  PROVINCE_CODES,
  residentIdCheckCharacter,
  validateResidentIdNumber,
} from './resident-id-number.js';

const today = new Date('2026-11-25T02:00:00Z');

describe('validateResidentIdNumber', () => {
  it('accepts the GB 11643 worked example 11010519491231002X (S = 167, 167 mod 11 = 2 → X)', () => {
    expect(validateResidentIdNumber('11010519491231002X', today)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'F',
      regionCode: '110105',
    });
  });

  it('accepts a lowercase x as X, and full-width digits and spaces', () => {
    const result = validateResidentIdNumber(' 110105 19491231 002x ', today);
    expect(result).toMatchObject({ valid: true, normalized: '11010519491231002X' });
    expect(validateResidentIdNumber('１１０１０５１９４９１２３１００２Ｘ', today)).toMatchObject({
      valid: true,
      normalized: '11010519491231002X',
    });
  });

  it('reads birth date, sex and region from the other valid shapes in the notes', () => {
    expect(validateResidentIdNumber('440524188001010014', today)).toEqual({
      valid: true,
      normalized: '440524188001010014',
      birthDate: '1880-01-01',
      sex: 'M',
      regionCode: '440524',
    });
    expect(validateResidentIdNumber('360426199101010071', today)).toMatchObject({
      valid: true,
      birthDate: '1991-01-01',
      sex: 'M',
    });
  });

  it('accepts a Hong Kong, Macau or Taiwan residence permit number (province code 81–83)', () => {
    const first17 = '81000019900101002';
    const number = first17 + residentIdCheckCharacter(first17);
    expect(validateResidentIdNumber(number, today)).toMatchObject({
      valid: true,
      regionCode: '810000',
      sex: 'F',
    });
  });

  it('names the right check character when the last one is wrong', () => {
    expect(validateResidentIdNumber('110105194912310021', today)).toEqual({
      valid: false,
      code: 'checksum',
      expected: 'X',
      reason: 'The check character should be X.',
    });
    expect(validateResidentIdNumber('44052418800101001X', today)).toEqual({
      valid: false,
      code: 'checksum',
      expected: '4',
      reason: 'The check character should be 4.',
    });
  });

  it('refuses a birth date that does not exist', () => {
    expect(validateResidentIdNumber('110105199302300012', today)).toEqual({
      valid: false,
      code: 'birth-date',
      birthDate: '19930230',
      reason: 'The birth date 19930230 is not a real date.',
    });
  });

  it('refuses a birth date after today in Beijing, and accepts one born today there', () => {
    const first17 = '11010520261126001';
    const bornTomorrow = first17 + residentIdCheckCharacter(first17);
    expect(validateResidentIdNumber(bornTomorrow, today)).toEqual({
      valid: false,
      code: 'birth-date-future',
      birthDate: '2026-11-26',
      reason: 'The birth date 2026-11-26 is in the future.',
    });
    // 2026-11-25T17:00Z is already 26 November in Beijing.
    expect(validateResidentIdNumber(bornTomorrow, new Date('2026-11-25T17:00:00Z'))).toMatchObject({
      valid: true,
    });
  });

  /** A number with a correct check character for the given first two digits. */
  const withProvince = (prefix: string): string => {
    const first17 = `${prefix}010519491231002`;
    return first17 + residentIdCheckCharacter(first17);
  };

  it('accepts every province-level code: 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83', () => {
    const expected = [
      ...['11', '12', '13', '14', '15', '21', '22', '23'],
      ...['31', '32', '33', '34', '35', '36', '37'],
      ...['41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54'],
      ...['61', '62', '63', '64', '65', '71', '81', '82', '83'],
    ];
    expect([...PROVINCE_CODES]).toEqual(expected);
    for (const prefix of expected) {
      expect(validateResidentIdNumber(withProvince(prefix), today)).toMatchObject({
        valid: true,
        regionCode: `${prefix}0105`,
      });
    }
  });

  it('refuses a first pair inside the old 11–65 range that is no province (16, 24, 38, 47, 55, 60), and those outside it', () => {
    for (const prefix of ['16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66']) {
      expect(validateResidentIdNumber(withProvince(prefix), today)).toEqual({
        valid: false,
        code: 'province',
        provinceCode: prefix,
        reason: `The address code starts with ${prefix}, which is not a province code.`,
      });
    }
    for (const prefix of ['00', '10', '70', '72', '80', '84', '91', '99']) {
      expect(validateResidentIdNumber(withProvince(prefix), today)).toMatchObject({
        valid: false,
        code: 'province',
      });
    }
  });

  it('says what is wrong with the length or the characters', () => {
    expect(validateResidentIdNumber('', today)).toEqual({
      valid: false,
      code: 'empty',
      reason: 'The ID number is empty.',
    });
    expect(validateResidentIdNumber('1101051949123100', today)).toEqual({
      valid: false,
      code: 'length',
      length: 16,
      reason: 'An ID number has 18 characters, not 16.',
    });
    expect(validateResidentIdNumber('110105491231002', today)).toEqual({
      valid: false,
      code: 'first-generation',
      reason: 'This is a 15-digit first-generation ID number; the 18-character number is needed.',
    });
    expect(validateResidentIdNumber('1101051949123100XX', today)).toEqual({
      valid: false,
      code: 'format',
      reason: 'An ID number is 17 digits followed by a digit or X.',
    });
  });

  it('detects every single-digit typo in a valid number', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16 }),
        fc.integer({ min: 1, max: 9 }),
        (position, shift) => {
          const valid = '11010519491231002X';
          const typo =
            valid.slice(0, position) +
            String((Number(valid[position]) + shift) % 10) +
            valid.slice(position + 1);
          expect(validateResidentIdNumber(typo, today).valid).toBe(false);
        },
      ),
    );
  });
});
