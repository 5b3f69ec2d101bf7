import {
  parseIcpFilingNumber,
  validateBusinessRegistrationNumber,
  validateOrganizationCode,
  validateResidentIdNumber,
  validateUnifiedSocialCreditCode,
} from '@lib/credentials';
import type { SubjectDetailProblem } from './filing-subject.errors.js';
import { isSubjectType, type SubjectType } from './subject-type.js';

/** Which kind of number a subject's credential number is. */
export type CredentialKind =
  | 'RESIDENT_ID'
  | 'UNIFIED_SOCIAL_CREDIT_CODE'
  | 'ORGANIZATION_CODE'
  | 'BUSINESS_REGISTRATION_NUMBER';

export interface RawSubjectDetails {
  type: string;
  name: string;
  credentialNumber: string;
  filingNumber: string;
  accountEmail: string;
  aliyunAccountId?: string | null;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ALIYUN_ACCOUNT_ID = /^[0-9A-Za-z._@-]{1,64}$/;
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{N}-]{1,63}(?<!-)$/u;

/**
 * A subject's details, checked: the type, the name, a credential number that
 * fits the type, the subject's own ICP filing number, the account email and
 * (optionally) the Alibaba Cloud account. Only `check` makes one.
 */
export class SubjectDetails {
  private constructor(
    readonly type: SubjectType,
    readonly name: string,
    readonly credentialNumber: string,
    readonly credentialKind: CredentialKind,
    readonly filingNumber: string,
    readonly province: string,
    readonly accountEmail: string,
    readonly aliyunAccountId: string | null,
  ) {}

  /** `today` decides whether a resident ID's birth date is in the future. */
  static check(
    raw: RawSubjectDetails,
    today: Date,
  ): { ok: true; details: SubjectDetails } | { ok: false; problems: SubjectDetailProblem[] } {
    const problems: SubjectDetailProblem[] = [];
    const type = raw.type.trim().toUpperCase();
    if (!isSubjectType(type)) {
      problems.push({
        field: 'type',
        reason: `"${raw.type}" is not a subject type (INDIVIDUAL or ORGANIZATION).`,
      });
    }
    const name = checkName(raw.name);
    if (!name.ok) problems.push({ field: 'name', reason: name.reason });
    const credential = isSubjectType(type)
      ? checkCredentialNumber(type, raw.credentialNumber, today)
      : null;
    if (credential && !credential.ok) {
      problems.push({ field: 'credentialNumber', reason: credential.reason });
    }
    const filing = checkSubjectFilingNumber(raw.filingNumber);
    if (!filing.ok) problems.push({ field: 'filingNumber', reason: filing.reason });
    const email = checkAccountEmail(raw.accountEmail);
    if (!email.ok) problems.push({ field: 'accountEmail', reason: email.reason });
    const account = checkAliyunAccountId(raw.aliyunAccountId ?? '', { optional: true });
    if (!account.ok) problems.push({ field: 'aliyunAccountId', reason: account.reason });

    if (
      problems.length > 0 ||
      !isSubjectType(type) ||
      !name.ok ||
      !credential?.ok ||
      !filing.ok ||
      !email.ok ||
      !account.ok
    ) {
      return { ok: false, problems };
    }
    return {
      ok: true,
      details: new SubjectDetails(
        type,
        name.value,
        credential.value.normalized,
        credential.value.kind,
        filing.value.filingNumber,
        filing.value.province,
        email.value,
        account.value,
      ),
    };
  }

  /** The fields that make a subject what it is, for comparing two records of it. */
  differencesFrom(other: SubjectDetails): (keyof RawSubjectDetails)[] {
    const fields: (keyof RawSubjectDetails)[] = [
      'type',
      'name',
      'credentialNumber',
      'filingNumber',
      'accountEmail',
      'aliyunAccountId',
    ];
    return fields.filter((field) => this[field] !== other[field]);
  }
}

export function checkName(value: string): Checked<string> {
  const name = value.trim().replace(/\s+/g, ' ');
  if (name.length === 0) return { ok: false, reason: 'The subject name is empty.' };
  if (name.length > 200) {
    return { ok: false, reason: 'The subject name is longer than 200 characters.' };
  }
  return { ok: true, value: name };
}

/**
 * An individual's credential is an 18-character resident ID. An organization's
 * is a unified social credit code, or, on filings from the HiChina era, the
 * older organization code or the 15-digit business registration number.
 */
export function checkCredentialNumber(
  type: SubjectType,
  value: string,
  today: Date,
): Checked<{ normalized: string; kind: CredentialKind }> {
  if (type === 'INDIVIDUAL') {
    const id = validateResidentIdNumber(value, today);
    return id.valid
      ? { ok: true, value: { normalized: id.normalized, kind: 'RESIDENT_ID' } }
      : { ok: false, reason: id.reason };
  }
  const compact = value.normalize('NFKC').replace(/\s+/g, '');
  if (compact.length === 0) return { ok: false, reason: 'The credential number is empty.' };
  if (compact.length === 18) {
    const code = validateUnifiedSocialCreditCode(compact);
    return code.valid
      ? { ok: true, value: { normalized: code.normalized, kind: 'UNIFIED_SOCIAL_CREDIT_CODE' } }
      : { ok: false, reason: code.reason };
  }
  if (/^\d{15}$/.test(compact)) {
    const number = validateBusinessRegistrationNumber(compact);
    return number.valid
      ? { ok: true, value: { normalized: number.normalized, kind: 'BUSINESS_REGISTRATION_NUMBER' } }
      : { ok: false, reason: number.reason };
  }
  if (compact.length === 9 || compact.length === 10) {
    const code = validateOrganizationCode(compact);
    return code.valid
      ? { ok: true, value: { normalized: code.normalized, kind: 'ORGANIZATION_CODE' } }
      : { ok: false, reason: code.reason };
  }
  return {
    ok: false,
    reason:
      "An organization's credential number is an 18-character unified social credit code, a 9-character organization code (60003734-1) or a 15-digit registration number.",
  };
}

/** The subject's own number (`浙ICP备12345678号`), not a website's. */
export function checkSubjectFilingNumber(
  value: string,
): Checked<{ filingNumber: string; province: string }> {
  const parsed = parseIcpFilingNumber(value);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  if (parsed.kind !== 'subject') {
    const whose = parsed.kind === 'app' ? "an app's" : "a website's";
    return {
      ok: false,
      reason: `${parsed.normalized} is ${whose} number; the subject's own is ${parsed.subjectNumber}.`,
    };
  }
  return { ok: true, value: { filingNumber: parsed.subjectNumber, province: parsed.province } };
}

/** Trimmed and lower-cased. */
export function normaliseEmail(value: string): string {
  return value.normalize('NFKC').trim().toLowerCase();
}

export function checkAccountEmail(value: string): Checked<string> {
  const email = normaliseEmail(value);
  if (email.length === 0) return { ok: false, reason: 'The account email is empty.' };
  if (!EMAIL.test(email) || email.length > 254) {
    return { ok: false, reason: `"${value.trim()}" is not an email address.` };
  }
  return { ok: true, value: email };
}

export function checkAliyunAccountId(
  value: string,
  options: { optional: boolean },
): Checked<string | null> {
  const id = value.trim();
  if (id.length === 0) {
    return options.optional
      ? { ok: true, value: null }
      : { ok: false, reason: 'The Alibaba Cloud account id is empty.' };
  }
  if (!ALIYUN_ACCOUNT_ID.test(id)) {
    return { ok: false, reason: `"${id}" is not an Alibaba Cloud account id.` };
  }
  return { ok: true, value: id };
}

/** A website's number under this subject (`浙ICP备12345678号-1`) and its domain. */
export function checkWebsite(
  subjectFilingNumber: string,
  raw: { filingNumber: string; domain: string },
):
  | { ok: true; filingNumber: string; domain: string }
  | { ok: false; problems: SubjectDetailProblem[] } {
  const problems: SubjectDetailProblem[] = [];
  let filingNumber: string | null = null;
  const parsed = parseIcpFilingNumber(raw.filingNumber);
  if (!parsed.ok) {
    problems.push({ field: 'websiteFilingNumber', reason: parsed.reason });
  } else if (parsed.kind !== 'website') {
    problems.push({
      field: 'websiteFilingNumber',
      reason:
        parsed.kind === 'subject'
          ? `${parsed.normalized} is a subject's number; a website's ends in -1, -2, ….`
          : `${parsed.normalized} is an app's number, not a website's.`,
    });
  } else if (parsed.subjectNumber !== subjectFilingNumber) {
    problems.push({
      field: 'websiteFilingNumber',
      reason: `${parsed.normalized} does not belong to the subject ${subjectFilingNumber}.`,
    });
  } else {
    filingNumber = parsed.normalized;
  }
  const domain = checkDomain(raw.domain);
  if (!domain.ok) problems.push({ field: 'domain', reason: domain.reason });
  if (problems.length > 0 || filingNumber === null || !domain.ok) return { ok: false, problems };
  return { ok: true, filingNumber, domain: domain.value };
}

/** A host name such as `example.com` or `例子.中国`, lower-cased, without a trailing dot. */
export function checkDomain(value: string): Checked<string> {
  const domain = value.normalize('NFKC').trim().toLowerCase().replace(/\.$/, '');
  const labels = domain.split('.');
  if (domain.length === 0) return { ok: false, reason: 'The domain is empty.' };
  if (
    domain.length > 253 ||
    labels.length < 2 ||
    !labels.every((label) => DOMAIN_LABEL.test(label)) ||
    /^\d+$/.test(labels[labels.length - 1]!)
  ) {
    return {
      ok: false,
      reason: `"${value.trim()}" is not a domain name such as example.com.`,
    };
  }
  return { ok: true, value: domain };
}
