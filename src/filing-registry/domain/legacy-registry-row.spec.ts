import { describe, expect, it } from '@jest/globals';
import { parseLegacyRegistryRow } from './legacy-registry-row.js';

const today = new Date('2026-11-25T02:00:00Z');

const row = {
  subject_type: 'ORGANIZATION',
  subject_name: '厦门鹭岛旅行社有限公司',
  credential_number: '70528364-5',
  subject_filing_number: '闽ICP备05034567号',
  account_email: 'service@ludao-travel.com',
  aliyun_account_id: '',
  website_filing_number: '闽ICP备05034567号-3',
  website_domain: 'm.ludao-travel.com',
};

describe('a row of the legacy registry export', () => {
  it('gives the subject (with its HiChina-era organization code) and the website', () => {
    const parsed = parseLegacyRegistryRow(row, today);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.row.subject.credentialNumber).toBe('70528364-5');
    expect(parsed.row.subject.aliyunAccountId).toBeNull();
    expect(parsed.row.website).toEqual({
      filingNumber: '闽ICP备05034567号-3',
      domain: 'm.ludao-travel.com',
    });
  });

  it('may have no website, when both website columns are empty', () => {
    const parsed = parseLegacyRegistryRow(
      { ...row, website_filing_number: '', website_domain: '' },
      today,
    );
    expect(parsed.ok && parsed.row.website).toBeNull();
  });

  it('names the column of every problem', () => {
    expect(
      parseLegacyRegistryRow(
        {
          ...row,
          credential_number: '70528364-6',
          account_email: 'service#ludao-travel.com',
          website_filing_number: '闽ICP备05034568号-1',
        },
        today,
      ),
    ).toEqual({
      ok: false,
      problems: [
        { column: 'credential_number', reason: 'The check character should be 5.' },
        { column: 'account_email', reason: '"service#ludao-travel.com" is not an email address.' },
        {
          column: 'website_filing_number',
          reason: '闽ICP备05034568号-1 does not belong to the subject 闽ICP备05034567号.',
        },
      ],
    });
  });

  it('wants both website columns or neither', () => {
    expect(parseLegacyRegistryRow({ ...row, website_domain: '' }, today)).toEqual({
      ok: false,
      problems: [
        {
          column: 'website_domain',
          reason: 'The domain is empty, but a website filing number is given.',
        },
      ],
    });
  });

  it('still checks the website when the subject number is unusable, without blaming the website for it', () => {
    expect(
      parseLegacyRegistryRow({ ...row, subject_filing_number: '闽B2-20050001' }, today),
    ).toEqual({
      ok: false,
      problems: [
        {
          column: 'subject_filing_number',
          reason:
            'This is a value-added telecom business licence number (B1-/B2-), not an ICP filing number.',
        },
      ],
    });
  });

  it('treats a missing column as empty', () => {
    const { aliyun_account_id: _, ...withoutAccount } = row;
    expect(parseLegacyRegistryRow(withoutAccount, today).ok).toBe(true);
    expect(parseLegacyRegistryRow({}, today)).toMatchObject({ ok: false });
  });
});
