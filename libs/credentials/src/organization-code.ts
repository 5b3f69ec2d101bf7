import { normalizeInput } from './normalize.js';

export type OrganizationCodeResult =
  | {
      valid: true;
      /** `XXXXXXXX-C`, as printed on the certificate. */
      normalized: string;
    }
  | ({ valid: false; reason: string } & OrganizationCodeRefusal);

/** Why a code is refused: a stable `code`, with the facts its `reason` names. */
export type OrganizationCodeRefusal =
  { code: 'empty' } | { code: 'format' } | { code: 'checksum'; expected: string };

const WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Digits are worth themselves, letters A=10 … Z=35. */
function characterValue(character: string): number {
  return Number.parseInt(character, 36);
}

/** The check character of an organization code's 8-character body (GB 11714-1997). */
export function organizationCodeCheckCharacter(body: string): string {
  let sum = 0;
  for (let index = 0; index < 8; index += 1) {
    sum += characterValue(body[index]!) * WEIGHTS[index]!;
  }
  const check = 11 - (sum % 11);
  if (check === 10) return 'X';
  if (check === 11) return '0';
  return String(check);
}

/**
 * Checks an organization code (GB 11714): 8 digits or capital letters and a
 * check character, with or without the hyphen (`60003734-1`, `600037341`).
 */
export function validateOrganizationCode(value: string): OrganizationCodeResult {
  const compact = normalizeInput(value).toUpperCase();
  if (compact.length === 0)
    return { valid: false, code: 'empty', reason: 'The organization code is empty.' };
  const match = /^([0-9A-Z]{8})-?([0-9X])$/.exec(compact);
  if (!match) {
    return {
      valid: false,
      code: 'format',
      reason:
        'An organization code is 8 digits or capital letters, a hyphen, and a check character (e.g. 60003734-1).',
    };
  }
  const [, body, check] = match as unknown as [string, string, string];
  const expected = organizationCodeCheckCharacter(body);
  if (check !== expected) {
    return {
      valid: false,
      code: 'checksum',
      expected,
      reason: `The check character should be ${expected}.`,
    };
  }
  return { valid: true, normalized: `${body}-${check}` };
}
