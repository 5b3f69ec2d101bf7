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
  | { valid: false; reason: string };

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

function isProvinceCode(code: number): boolean {
  return (code >= 11 && code <= 65) || (code >= 81 && code <= 83);
}

/**
 * Checks an 18-character resident identity card number (GB 11643-1999): the
 * province part of the address code, a real birth date not after `today` (the
 * date in Asia/Shanghai), and the check character.
 */
export function validateResidentIdNumber(value: string, today: Date): ResidentIdNumberResult {
  const normalized = normalizeInput(value).toUpperCase();
  if (normalized.length === 0) return { valid: false, reason: 'The ID number is empty.' };
  if (/^\d{15}$/.test(normalized)) {
    return {
      valid: false,
      reason: 'This is a 15-digit first-generation ID number; the 18-character number is needed.',
    };
  }
  if (normalized.length !== 18) {
    return {
      valid: false,
      reason: `An ID number has 18 characters, not ${normalized.length}.`,
    };
  }
  if (!/^\d{17}[\dX]$/.test(normalized)) {
    return {
      valid: false,
      reason: 'An ID number is 17 digits followed by a digit or X.',
    };
  }
  const province = Number(normalized.slice(0, 2));
  if (!isProvinceCode(province)) {
    return {
      valid: false,
      reason: `The address code starts with ${normalized.slice(0, 2)}, which is not a province code.`,
    };
  }
  const birth = DateTime.fromFormat(normalized.slice(6, 14), 'yyyyMMdd', { zone: BUSINESS_ZONE });
  if (!birth.isValid || birth.year < 1800) {
    return {
      valid: false,
      reason: `The birth date ${normalized.slice(6, 14)} is not a real date.`,
    };
  }
  const birthDate = birth.toISODate();
  const todayDate = DateTime.fromJSDate(today, { zone: BUSINESS_ZONE }).toISODate()!;
  if (birthDate > todayDate) {
    return { valid: false, reason: `The birth date ${birthDate} is in the future.` };
  }
  const expected = residentIdCheckCharacter(normalized);
  if (normalized[17] !== expected) {
    return { valid: false, reason: `The check character should be ${expected}.` };
  }
  return {
    valid: true,
    normalized,
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'M' : 'F',
    regionCode: normalized.slice(0, 6),
  };
}
