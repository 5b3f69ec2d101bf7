import { normalizeInput } from './normalize.js';

/** The 31 official one-character prefixes (Sichuan 蜀, Guizhou 黔, Yunnan 滇, Gansu 陇). */
export const ICP_PROVINCE_PREFIXES = [
  '京', '津', '冀', '晋', '蒙', '辽', '吉', '黑', '沪', '苏', '浙', '皖', '闽', '赣', '鲁', '豫',
  '鄂', '湘', '粤', '桂', '琼', '渝', '蜀', '黔', '滇', '藏', '陕', '陇', '青', '宁', '新',
] as const; // prettier-ignore

/** Prefixes seen on real sites though not official: accepted, with a warning naming the right one. */
const LENIENT_PREFIXES: Readonly<Record<string, string>> = { 川: '蜀', 甘: '陇' };

export type IcpFilingNumberKind = 'subject' | 'website' | 'app';

export type IcpFilingNumber = {
  ok: true;
  kind: IcpFilingNumberKind;
  /** The one-character province prefix, as written. */
  province: string;
  provinceStatus: 'official' | 'lenient';
  /** The 8 or 10 digits. */
  number: string;
  /** `n` of a website's `-n` or an app's `-nA`. */
  siteSuffix?: number;
  /** True for an app or mini-program (`-nA`). */
  appSuffix?: boolean;
  /** The subject's own number, e.g. `浙ICP备12345678号`. */
  subjectNumber: string;
  /** The whole number in canonical form, e.g. `浙ICP备12345678号-1`. */
  normalized: string;
  warnings: string[];
};

export type IcpFilingNumberResult =
  IcpFilingNumber | ({ ok: false; reason: string } & IcpFilingNumberRefusal);

/**
 * Why a number is refused: a stable `code` to branch on, with the facts its `reason`
 * names (the sentence is for people; the code and facts are for programs).
 */
export type IcpFilingNumberRefusal =
  | { code: 'empty' }
  | { code: 'public-security' }
  | { code: 'icp-licence' }
  | { code: 'telecom-licence' }
  | { code: 'format' }
  | { code: 'province'; prefix: string }
  | { code: 'digits'; count: number }
  | { code: 'suffix'; suffix: string };

const SHAPE = /^(.)ICP备(\d+)(号)?(?:-(\d+)(A)?)?$/i;

/**
 * Parses an ICP filing number: a subject's `浙ICP备12345678号`, a website's
 * `浙ICP备12345678号-1` or an app's `浙ICP备12345678号-1A`. NFKC-normalises and
 * strips spaces first; recognises, and refuses by name, the numbers people
 * confuse with it (ICP licences, telecom licences, public security filings).
 */
export function parseIcpFilingNumber(raw: string): IcpFilingNumberResult {
  const value = normalizeInput(raw);
  if (value.length === 0)
    return { ok: false, code: 'empty', reason: 'The ICP filing number is empty.' };
  if (value.includes('公网安备')) {
    return {
      ok: false,
      code: 'public-security',
      reason:
        'This is a public security filing number (公网安备), not an ICP filing number (ICP备).',
    };
  }
  if (/ICP证/i.test(value)) {
    return {
      ok: false,
      code: 'icp-licence',
      reason: 'This is a commercial ICP licence number (ICP证), not an ICP filing number (ICP备).',
    };
  }
  if (/^.?B[12]-/i.test(value)) {
    return {
      ok: false,
      code: 'telecom-licence',
      reason:
        'This is a value-added telecom business licence number (B1-/B2-), not an ICP filing number.',
    };
  }
  const match = SHAPE.exec(value);
  if (!match) {
    return {
      ok: false,
      code: 'format',
      reason:
        'An ICP filing number looks like 浙ICP备12345678号, with -1 for a website or -1A for an app.',
    };
  }
  const [, prefix = '', digits = '', hao, suffix, app] = match;
  const warnings: string[] = [];
  let provinceStatus: 'official' | 'lenient' = 'official';
  if (!(ICP_PROVINCE_PREFIXES as readonly string[]).includes(prefix)) {
    const official = LENIENT_PREFIXES[prefix];
    if (!official) {
      return {
        ok: false,
        code: 'province',
        prefix,
        reason: `"${prefix}" is not a province prefix of ICP filing numbers.`,
      };
    }
    provinceStatus = 'lenient';
    warnings.push(`${prefix} is not an official prefix; the official one is ${official}.`);
  }
  if (digits.length !== 8 && digits.length !== 10) {
    return {
      ok: false,
      code: 'digits',
      count: digits.length,
      reason: `The number should have 8 or 10 digits, not ${digits.length}.`,
    };
  }
  if (!hao) warnings.push('The number lacks the closing 号; it was added.');
  const subjectNumber = `${prefix}ICP备${digits}号`;
  if (suffix === undefined) {
    return {
      ok: true,
      kind: 'subject',
      province: prefix,
      provinceStatus,
      number: digits,
      subjectNumber,
      normalized: subjectNumber,
      warnings,
    };
  }
  const siteSuffix = Number(suffix);
  if (siteSuffix < 1 || suffix.startsWith('0')) {
    return {
      ok: false,
      code: 'suffix',
      suffix,
      reason: `The suffix -${suffix} is not valid: suffixes count from -1.`,
    };
  }
  const kind = app ? 'app' : 'website';
  return {
    ok: true,
    kind,
    province: prefix,
    provinceStatus,
    number: digits,
    siteSuffix,
    ...(kind === 'app' ? { appSuffix: true } : {}),
    subjectNumber,
    normalized: `${subjectNumber}-${siteSuffix}${kind === 'app' ? 'A' : ''}`,
    warnings,
  };
}
