import type { SubjectDetailProblem } from './filing-subject.errors.js';
import { parseIcpFilingNumber } from '@lib/credentials';
import { checkSubjectFilingNumber, checkWebsite, SubjectDetails } from './subject-details.js';

/**
 * The columns of a legacy HiChina registry export: one row per website, the
 * subject's columns repeated on each of its rows (a subject without websites
 * has one row with empty website columns).
 */
export const LEGACY_REGISTRY_COLUMNS = [
  'subject_type',
  'subject_name',
  'credential_number',
  'subject_filing_number',
  'account_email',
  'aliyun_account_id',
  'website_filing_number',
  'website_domain',
] as const;
export type LegacyRegistryColumn = (typeof LEGACY_REGISTRY_COLUMNS)[number];

/** Every column must be in the header except this one (HiChina-era rows have no account). */
export const OPTIONAL_LEGACY_REGISTRY_COLUMNS: readonly LegacyRegistryColumn[] = [
  'aliyun_account_id',
];

const COLUMN_OF_FIELD: Record<SubjectDetailProblem['field'], LegacyRegistryColumn> = {
  type: 'subject_type',
  name: 'subject_name',
  credentialNumber: 'credential_number',
  filingNumber: 'subject_filing_number',
  accountEmail: 'account_email',
  aliyunAccountId: 'aliyun_account_id',
  websiteFilingNumber: 'website_filing_number',
  domain: 'website_domain',
};

export function columnOf(field: SubjectDetailProblem['field']): LegacyRegistryColumn {
  return COLUMN_OF_FIELD[field];
}

export interface LegacyRegistryRow {
  subject: SubjectDetails;
  website: { filingNumber: string; domain: string } | null;
}

export interface LegacyRegistryRowProblem {
  column: LegacyRegistryColumn;
  reason: string;
}

/**
 * Checks one row of the export: the subject's details (the credential number
 * that fits the type, the filing number, the email) and the website, whose
 * number must be the subject's with a `-n` suffix.
 */
export function parseLegacyRegistryRow(
  values: Readonly<Partial<Record<string, string>>>,
  today: Date,
): { ok: true; row: LegacyRegistryRow } | { ok: false; problems: LegacyRegistryRowProblem[] } {
  const value = (column: LegacyRegistryColumn): string => values[column] ?? '';
  const problems: LegacyRegistryRowProblem[] = [];
  const subject = SubjectDetails.check(
    {
      type: value('subject_type'),
      name: value('subject_name'),
      credentialNumber: value('credential_number'),
      filingNumber: value('subject_filing_number'),
      accountEmail: value('account_email'),
      aliyunAccountId: value('aliyun_account_id'),
    },
    today,
  );
  if (!subject.ok) {
    for (const problem of subject.problems) {
      problems.push({ column: columnOf(problem.field), reason: problem.reason });
    }
  }

  const websiteNumber = value('website_filing_number').trim();
  const domain = value('website_domain').trim();
  let website: LegacyRegistryRow['website'] = null;
  if (websiteNumber === '' && domain !== '') {
    problems.push({
      column: 'website_filing_number',
      reason: 'The website filing number is empty, but a domain is given.',
    });
  } else if (websiteNumber !== '' && domain === '') {
    problems.push({
      column: 'website_domain',
      reason: 'The domain is empty, but a website filing number is given.',
    });
  } else if (websiteNumber !== '') {
    // When the subject's own number is unusable, only the website's shape can be checked.
    const subjectNumber = checkSubjectFilingNumber(value('subject_filing_number'));
    const parsedWebsite = parseIcpFilingNumber(websiteNumber);
    const owner = subjectNumber.ok
      ? subjectNumber.value.filingNumber
      : parsedWebsite.ok
        ? parsedWebsite.subjectNumber
        : '';
    const checked = checkWebsite(owner, { filingNumber: websiteNumber, domain });
    if (checked.ok) {
      website = { filingNumber: checked.filingNumber, domain: checked.domain };
    } else {
      for (const problem of checked.problems) {
        problems.push({ column: columnOf(problem.field), reason: problem.reason });
      }
    }
  }
  if (problems.length > 0 || !subject.ok) return { ok: false, problems };
  return { ok: true, row: { subject: subject.details, website } };
}
