import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  unifiedSocialCreditCodeCheckCharacter,
  USCC_ALPHABET,
  USCC_ENTITY_CATEGORIES,
  validateUnifiedSocialCreditCode,
} from './unified-social-credit-code.js';

describe('validateUnifiedSocialCreditCode', () => {
  it('accepts the GB 32100 worked example 91110000600037341L (S = 538 → L) and gives its organization code', () => {
    expect(validateUnifiedSocialCreditCode('91110000600037341L')).toEqual({
      valid: true,
      normalized: '91110000600037341L',
      organizationCode: '60003734-1',
    });
  });

  it('upper-cases and strips spaces and full-width characters', () => {
    expect(validateUnifiedSocialCreditCode(' 9111 0000 6000 3734 1l ')).toMatchObject({
      valid: true,
      normalized: '91110000600037341L',
    });
    expect(validateUnifiedSocialCreditCode('９１１１００００６０００３７３４１Ｌ')).toMatchObject({
      valid: true,
    });
  });

  it('accepts codes with letters in the organization-code part (a social organization, a foreign enterprise)', () => {
    for (const first17 of ['51100000500000010', '91330100MA27XK8A2', '12100000400010398']) {
      const code = first17 + unifiedSocialCreditCodeCheckCharacter(first17);
      expect(validateUnifiedSocialCreditCode(code)).toMatchObject({ valid: true });
    }
  });

  it('names the right check character', () => {
    expect(validateUnifiedSocialCreditCode('91110000600037341M')).toEqual({
      valid: false,
      code: 'checksum',
      expected: 'L',
      reason: 'The check character should be L.',
    });
  });

  it('refuses I, O, S, V and Z, which the alphabet leaves out', () => {
    expect(validateUnifiedSocialCreditCode('91110000600O37341L')).toEqual({
      valid: false,
      code: 'alphabet',
      characters: ['O'],
      reason:
        'A unified social credit code cannot contain O (only digits and the capitals other than I, O, S, V and Z).',
    });
  });

  it('wants digits in positions 3 to 8 and 18 characters', () => {
    expect(validateUnifiedSocialCreditCode('911A0000600037341L')).toEqual({
      valid: false,
      code: 'division-code',
      reason: 'Positions 3 to 8 (the division code) should be digits.',
    });
    expect(validateUnifiedSocialCreditCode('600037341')).toEqual({
      valid: false,
      code: 'length',
      length: 9,
      reason: 'A unified social credit code has 18 characters, not 9.',
    });
    expect(validateUnifiedSocialCreditCode('  ')).toEqual({
      valid: false,
      code: 'empty',
      reason: 'The credit code is empty.',
    });
  });

  /** A code with the given first two characters and a correct check character. */
  const withPrefix = (prefix: string): string => {
    const first17 = `${prefix}110000600037341`;
    return first17 + unifiedSocialCreditCodeCheckCharacter(first17);
  };

  it("accepts each registering authority of GB 32100's table with each entity category it issues", () => {
    const table = {
      '1': ['1', '2', '3', '9'],
      '2': ['1', '9'],
      '3': ['1', '2', '3', '4', '5', '9'],
      '4': ['1', '9'],
      '5': ['1', '2', '3', '9'],
      '6': ['1', '2', '9'],
      '7': ['1', '2', '9'],
      '8': ['1', '9'],
      '9': ['1', '2', '3'],
      A: ['1', '9'],
      N: ['1', '2', '3', '9'],
      Y: ['1'],
    };
    expect(
      Object.fromEntries(
        Object.entries(USCC_ENTITY_CATEGORIES).map(([authority, categories]) => [
          authority,
          [...categories],
        ]),
      ),
    ).toEqual(table);
    for (const [authority, categories] of Object.entries(table)) {
      for (const category of categories) {
        expect(validateUnifiedSocialCreditCode(withPrefix(authority + category))).toMatchObject({
          valid: true,
        });
      }
    }
    // An enterprise, a social organization, a public institution, a law firm, a village collective.
    for (const prefix of ['91', '92', '93', '51', '53', '12', '31', '32', 'N2', 'Y1']) {
      expect(validateUnifiedSocialCreditCode(withPrefix(prefix)).valid).toBe(true);
    }
  });

  it('refuses a first character that is no registering authority (0, B, X…)', () => {
    for (const authority of ['0', 'B', 'C', 'G', 'X']) {
      expect(validateUnifiedSocialCreditCode(withPrefix(`${authority}1`))).toEqual({
        valid: false,
        code: 'registration-authority',
        authority,
        reason: `The first character ${authority} is not a registering authority of GB 32100.`,
      });
    }
  });

  it('refuses an entity category its authority does not issue: 94, 99, 54, Y2, 2A, A2, 80', () => {
    expect(validateUnifiedSocialCreditCode(withPrefix('94'))).toEqual({
      valid: false,
      code: 'entity-category',
      authority: '9',
      category: '4',
      reason:
        'The second character 4 is not an entity category of registering authority 9 (it issues 1, 2, 3).',
    });
    for (const prefix of ['99', '54', 'Y2', 'Y9', '2A', 'A2', '80', '36', '10']) {
      expect(validateUnifiedSocialCreditCode(withPrefix(prefix))).toMatchObject({
        valid: false,
        code: 'entity-category',
        authority: prefix[0],
        category: prefix[1],
      });
    }
  });

  it('detects every single-character substitution in a valid code', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (position, shift) => {
          const valid = '91110000600037341L';
          const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(valid[position]!) + shift) % 31]!;
          const typo = valid.slice(0, position) + replaced + valid.slice(position + 1);
          expect(validateUnifiedSocialCreditCode(typo).valid).toBe(false);
        },
      ),
    );
  });
});
