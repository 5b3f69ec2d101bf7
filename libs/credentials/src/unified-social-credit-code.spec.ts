import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  unifiedSocialCreditCodeCheckCharacter,
  USCC_ALPHABET,
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
      reason: 'The check character should be L.',
    });
  });

  it('refuses I, O, S, V and Z, which the alphabet leaves out', () => {
    expect(validateUnifiedSocialCreditCode('91110000600O37341L')).toEqual({
      valid: false,
      reason:
        'A unified social credit code cannot contain O (only digits and the capitals other than I, O, S, V and Z).',
    });
  });

  it('wants digits in positions 3 to 8 and 18 characters', () => {
    expect(validateUnifiedSocialCreditCode('911A0000600037341L')).toEqual({
      valid: false,
      reason: 'Positions 3 to 8 (the division code) should be digits.',
    });
    expect(validateUnifiedSocialCreditCode('600037341')).toEqual({
      valid: false,
      reason: 'A unified social credit code has 18 characters, not 9.',
    });
    expect(validateUnifiedSocialCreditCode('  ')).toEqual({
      valid: false,
      reason: 'The credit code is empty.',
    });
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
