import { normalizeInput } from './normalize.js';

export type UnifiedSocialCreditCodeResult =
  | {
      valid: true;
      /** 18 capital characters. */
      normalized: string;
      /** Positions 9–17, the older organization code, as `XXXXXXXX-C`. */
      organizationCode: string;
    }
  | { valid: false; reason: string };

/** GB 32100's 31 characters: no I, O, S, V or Z; a character is worth its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** The check character of the first 17 characters (GB 32100-2015). */
export function unifiedSocialCreditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (let index = 0; index < 17; index += 1) {
    sum += USCC_ALPHABET.indexOf(first17[index]!) * weight;
    weight = (weight * 3) % 31;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/**
 * Checks an 18-character unified social credit code (GB 32100): its alphabet,
 * the six-digit division code in positions 3–8, and the check character.
 */
export function validateUnifiedSocialCreditCode(value: string): UnifiedSocialCreditCodeResult {
  const normalized = normalizeInput(value).toUpperCase();
  if (normalized.length === 0) return { valid: false, reason: 'The credit code is empty.' };
  if (normalized.length !== 18) {
    return {
      valid: false,
      reason: `A unified social credit code has 18 characters, not ${normalized.length}.`,
    };
  }
  const foreign = [...normalized].filter((character) => !USCC_ALPHABET.includes(character));
  if (foreign.length > 0) {
    return {
      valid: false,
      reason: `A unified social credit code cannot contain ${[...new Set(foreign)].join(', ')} (only digits and the capitals other than I, O, S, V and Z).`,
    };
  }
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) {
    return { valid: false, reason: 'Positions 3 to 8 (the division code) should be digits.' };
  }
  const expected = unifiedSocialCreditCodeCheckCharacter(normalized);
  if (normalized[17] !== expected) {
    return { valid: false, reason: `The check character should be ${expected}.` };
  }
  return {
    valid: true,
    normalized,
    organizationCode: `${normalized.slice(8, 16)}-${normalized.slice(16, 17)}`,
  };
}
