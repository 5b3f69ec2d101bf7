/**
 * Masks for personal data on the auditors' pages and in exports. Resident ID
 * numbers and unified social credit codes are never shown in full:
 * `330102199001011234` → `330***********1234`.
 */

/** Keeps the first 3 and last 4 characters of an 18-character number (fewer for shorter ones). */
export function maskIdentifier(value: string): string {
  const text = value.trim();
  const length = [...text].length;
  if (length === 0) return '';
  const [head, tail] = length >= 15 ? [3, 4] : length >= 8 ? [2, 2] : [0, 0];
  const chars = [...text];
  return (
    chars.slice(0, head).join('') +
    '*'.repeat(length - head - tail) +
    chars.slice(length - tail).join('')
  );
}

/** `13812345678` → `138****5678`; other shapes keep their last 4 digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s+/g, '');
  if (digits.length >= 11) return digits.slice(0, 3) + '****' + digits.slice(-4);
  if (digits.length > 4) return '*'.repeat(digits.length - 4) + digits.slice(-4);
  return '*'.repeat(digits.length);
}

/** `王小明` → `王**`, `Wang Fang` → `W********`: only the first character stays. */
export function maskName(value: string): string {
  const chars = [...value.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** `wang.fang@example.com` → `w********@example.com`. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskName(value);
  return maskName(value.slice(0, at)) + value.slice(at);
}

/**
 * Any 18-character resident ID number or unified social credit code standing
 * alone in a text (the USCC alphabet includes the ID number's digits and X).
 */
const IDENTIFIER_IN_TEXT =
  /(?<![0-9A-Za-z])[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXYx]{10}(?![0-9A-Za-z])/g;

export function maskIdentifiersInText(text: string): string {
  return text.replace(IDENTIFIER_IN_TEXT, (match) => maskIdentifier(match));
}

type Masker = (value: string) => string;

/** Fields whose values are personal data, whatever they look like. */
const MASK_BY_KEY: Record<string, Masker> = {
  idNumber: maskIdentifier,
  applicantIdNumber: maskIdentifier,
  credentialNumber: maskIdentifier,
  phone: maskPhone,
  applicantPhone: maskPhone,
  applicantName: maskName,
  applicantEmail: maskEmail,
  newAccountEmail: maskEmail,
  previousAccountEmail: maskEmail,
};

/**
 * A copy of an event's details (or any JSON value) with personal data masked:
 * known personal fields by name, and identifier numbers wherever they appear.
 */
export function maskPersonalData(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    const masker = key ? MASK_BY_KEY[key] : undefined;
    return masker ? masker(value) : maskIdentifiersInText(value);
  }
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([name, item]) => [
        name,
        maskPersonalData(item, name),
      ]),
    );
  }
  return value;
}
