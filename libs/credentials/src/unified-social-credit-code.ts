import { normalizeInput } from './normalize.js';

export type UnifiedSocialCreditCodeResult =
  | {
      valid: true;
      /** 18 capital characters. */
      normalized: string;
      /** Positions 9–17, the older organization code, as `XXXXXXXX-C`. */
      organizationCode: string;
    }
  | ({ valid: false; reason: string } & UnifiedSocialCreditCodeRefusal);

/**
 * Why a code is refused: a stable `code` to branch on, with the facts its `reason`
 * names (the sentence is for people; the code and facts are for programs).
 */
export type UnifiedSocialCreditCodeRefusal =
  | { code: 'empty' }
  | { code: 'length'; length: number }
  | { code: 'alphabet'; characters: string[] }
  | { code: 'registration-authority'; authority: string }
  | { code: 'entity-category'; authority: string; category: string }
  | { code: 'division-code' }
  | { code: 'checksum'; expected: string };

/** GB 32100's 31 characters: no I, O, S, V or Z; a character is worth its index. */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * GB 32100-2015, table 1: the registering-authority codes (position 1) and the
 * entity-category codes (position 2) each authority issues. 1 institutional
 * establishment (organs, public institutions, mass organizations), 2 foreign affairs,
 * 3 justice (law firms, notaries, legal services, forensic appraisal, arbitration),
 * 4 culture, 5 civil affairs (social organizations, private non-enterprise units,
 * foundations), 6 tourism, 7 religion, 8 trade unions, 9 market regulation
 * (enterprises, individual businesses, farmers' co-operatives), A the Central
 * Military Commission's establishment office, N agriculture (rural collective
 * economic organizations), Y other authorities.
 */
export const USCC_ENTITY_CATEGORIES: Readonly<Record<string, string>> = {
  '1': '1239',
  '2': '19',
  '3': '123459',
  '4': '19',
  '5': '1239',
  '6': '129',
  '7': '129',
  '8': '19',
  '9': '123',
  A: '19',
  N: '1239',
  Y: '1',
};

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
 * Checks an 18-character unified social credit code (GB 32100): its alphabet, a
 * registering authority and one of its entity categories in positions 1–2
 * (`USCC_ENTITY_CATEGORIES`), the six-digit division code in positions 3–8, and
 * the check character.
 */
export function validateUnifiedSocialCreditCode(value: string): UnifiedSocialCreditCodeResult {
  const normalized = normalizeInput(value).toUpperCase();
  if (normalized.length === 0)
    return { valid: false, code: 'empty', reason: 'The credit code is empty.' };
  if (normalized.length !== 18) {
    return {
      valid: false,
      code: 'length',
      length: normalized.length,
      reason: `A unified social credit code has 18 characters, not ${normalized.length}.`,
    };
  }
  const foreign = [...normalized].filter((character) => !USCC_ALPHABET.includes(character));
  if (foreign.length > 0) {
    const characters = [...new Set(foreign)];
    return {
      valid: false,
      code: 'alphabet',
      characters,
      reason: `A unified social credit code cannot contain ${characters.join(', ')} (only digits and the capitals other than I, O, S, V and Z).`,
    };
  }
  const [authority = '', category = ''] = normalized;
  const categories = USCC_ENTITY_CATEGORIES[authority];
  if (!categories) {
    return {
      valid: false,
      code: 'registration-authority',
      authority,
      reason: `The first character ${authority} is not a registering authority of GB 32100.`,
    };
  }
  if (!categories.includes(category)) {
    return {
      valid: false,
      code: 'entity-category',
      authority,
      category,
      reason: `The second character ${category} is not an entity category of registering authority ${authority} (it issues ${[...categories].join(', ')}).`,
    };
  }
  if (!/^\d{6}$/.test(normalized.slice(2, 8))) {
    return {
      valid: false,
      code: 'division-code',
      reason: 'Positions 3 to 8 (the division code) should be digits.',
    };
  }
  const expected = unifiedSocialCreditCodeCheckCharacter(normalized);
  if (normalized[17] !== expected) {
    return {
      valid: false,
      code: 'checksum',
      expected,
      reason: `The check character should be ${expected}.`,
    };
  }
  return {
    valid: true,
    normalized,
    organizationCode: `${normalized.slice(8, 16)}-${normalized.slice(16, 17)}`,
  };
}
