import { normalizeInput } from './normalize.js';

export type BusinessRegistrationNumberResult =
  | {
      valid: true;
      /** 15 digits. */
      normalized: string;
      /**
       * Whether the 15th digit is the ISO 7064 MOD 11,10 check of the first 14
       * (GS 15-2006). Numbers issued before 2007, and some issued after, do not
       * follow it, so a mismatch is information, not a refusal.
       */
      checkDigitMatches: boolean;
    }
  | ({ valid: false; reason: string } & BusinessRegistrationNumberRefusal);

/** Why a number is refused: a stable `code`, with the facts its `reason` names. */
export type BusinessRegistrationNumberRefusal =
  { code: 'format' } | { code: 'province'; provinceCode: string };

/** The GS 15-2006 check digit (ISO 7064 MOD 11,10) of the first 14 digits. */
export function businessRegistrationCheckDigit(first14: string): string {
  let product = 10;
  for (let index = 0; index < 14; index += 1) {
    const sum = (product % 11) + Number(first14[index]);
    product = ((sum % 10 || 10) * 2) % 11;
  }
  return String((11 - product) % 10);
}

/**
 * Checks the shape of a 15-digit business registration number (工商注册号), which
 * older filings from the HiChina era hold instead of a credit code: 15 digits
 * starting with a province code.
 */
export function validateBusinessRegistrationNumber(
  value: string,
): BusinessRegistrationNumberResult {
  const normalized = normalizeInput(value);
  if (!/^\d{15}$/.test(normalized)) {
    return { valid: false, code: 'format', reason: 'A business registration number is 15 digits.' };
  }
  const provinceCode = normalized.slice(0, 2);
  const province = Number(provinceCode);
  if (province < 10 || province > 65) {
    return {
      valid: false,
      code: 'province',
      provinceCode,
      reason: `A business registration number starts with a province code, not ${provinceCode}.`,
    };
  }
  return {
    valid: true,
    normalized,
    checkDigitMatches: businessRegistrationCheckDigit(normalized) === normalized[14],
  };
}
