import { DateTime } from 'luxon';
import { normalizeInput } from './normalize.js';

export type ResidentIdNumberResult =
  | {
      valid: true;
      /** 18 characters, a lowercase `x` turned into `X`. */
      normalized: string;
      /** YYYY-MM-DD. */
      birthDate: string;
      /** From the sequence code: odd is male, even is female. */
      sex: 'M' | 'F';
      /** The six-digit address code. */
      regionCode: string;
    }
  | ({ valid: false; reason: string } & ResidentIdNumberRefusal);

/**
 * Why a number is refused: a stable `code` to branch on, with the facts its `reason`
 * names (the sentence is for people; the code and facts are for programs).
 */
export type ResidentIdNumberRefusal =
  | { code: 'empty' }
  | { code: 'first-generation' }
  | { code: 'length'; length: number }
  | { code: 'format' }
  | { code: 'province'; provinceCode: string }
  | { code: 'birth-date'; birthDate: string }
  | { code: 'birth-date-future'; birthDate: string }
  | { code: 'checksum'; expected: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';
/** Birth dates are read in Beijing time: "today" is the calendar date there. */
const BUSINESS_ZONE = 'Asia/Shanghai';

/** The check character of the first 17 digits (GB 11643). */
export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) {
    sum += Number(first17[index]) * WEIGHTS[index]!;
  }
  return CHECK_CHARACTERS[sum % 11]!;
}

/**
 * The province-level codes of GB/T 2260 that begin an address code: 11–15 (north),
 * 21–23 (north-east), 31–37 (east), 41–46 (south-central), 50–54 (south-west),
 * 61–65 (north-west), 71 (Taiwan), 81–82 (Hong Kong, Macau) and 83, which the
 * residence permits of Taiwan residents use.
 */
export const PROVINCE_CODES: readonly string[] = [
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71',
  '81', '82', '83',
]; // prettier-ignore

/**
 * Checks an 18-character resident identity card number (GB 11643-1999): the
 * province part of the address code (one of `PROVINCE_CODES`), a real birth date
 * not after `today` (the date in Asia/Shanghai), and the check character.
 */
export function validateResidentIdNumber(value: string, today: Date): ResidentIdNumberResult {
  const normalized = normalizeInput(value).toUpperCase();
  if (normalized.length === 0)
    return { valid: false, code: 'empty', reason: 'The ID number is empty.' };
  if (/^\d{15}$/.test(normalized)) {
    return {
      valid: false,
      code: 'first-generation',
      reason: 'This is a 15-digit first-generation ID number; the 18-character number is needed.',
    };
  }
  if (normalized.length !== 18) {
    return {
      valid: false,
      code: 'length',
      length: normalized.length,
      reason: `An ID number has 18 characters, not ${normalized.length}.`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return {
      valid: false,
      code: 'format',
      reason: 'An ID number is 17 digits followed by a digit or X.',
    };
  }
  const provinceCode = normalized.slice(0, 2);
  if (!PROVINCE_CODES.includes(provinceCode)) {
    return {
      valid: false,
      code: 'province',
      provinceCode,
      reason: `The address code starts with ${provinceCode}, which is not a province code.`,
    };
  }
  const birth = DateTime.fromFormat(normalized.slice(6, 14), 'yyyyMMdd', { zone: BUSINESS_ZONE });
  if (!birth.isValid || birth.year < 1800) {
    return {
      valid: false,
      code: 'birth-date',
      birthDate: normalized.slice(6, 14),
      reason: `The birth date ${normalized.slice(6, 14)} is not a real date.`,
    };
  }
  const birthDate = birth.toISODate();
  const todayDate = DateTime.fromJSDate(today, { zone: BUSINESS_ZONE }).toISODate()!;
  if (birthDate > todayDate) {
    return {
      valid: false,
      code: 'birth-date-future',
      birthDate,
      reason: `The birth date ${birthDate} is in the future.`,
    };
  }
  const expected = residentIdCheckCharacter(normalized);
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
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: normalized.slice(0, 6),
  };
}
