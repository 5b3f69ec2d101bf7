import { describe, expect, it } from '@jest/globals';
import { checkDomain, checkWebsite, SubjectDetails } from './subject-details.js';

const today = new Date('2026-11-25T02:00:00Z');

const organization = {
  type: 'ORGANIZATION',
  name: ' 杭州云栖数据科技有限公司 ',
  credentialNumber: '91330106ma27xk8a4f',
  filingNumber: '浙ICP备2019034567号',
  accountEmail: ' ICP@Yunqi-Data.cn ',
  aliyunAccountId: '1360000000000001',
};

describe('subject details', () => {
  it('normalise an organization with a credit code: trimmed name, upper-case code, lower-case email', () => {
    const checked = SubjectDetails.check(organization, today);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.details).toMatchObject({
      type: 'ORGANIZATION',
      name: '杭州云栖数据科技有限公司',
      credentialNumber: '91330106MA27XK8A4F',
      credentialKind: 'UNIFIED_SOCIAL_CREDIT_CODE',
      filingNumber: '浙ICP备2019034567号',
      province: '浙',
      accountEmail: 'icp@yunqi-data.cn',
      aliyunAccountId: '1360000000000001',
    });
  });

  it('accept the older credentials of HiChina-era organizations: an organization code or a registration number', () => {
    const code = SubjectDetails.check({ ...organization, credentialNumber: '600037341' }, today);
    expect(code.ok && code.details.credentialNumber).toBe('60003734-1');
    expect(code.ok && code.details.credentialKind).toBe('ORGANIZATION_CODE');
    const registration = SubjectDetails.check(
      { ...organization, credentialNumber: '320102000123456' },
      today,
    );
    expect(registration.ok && registration.details.credentialKind).toBe(
      'BUSINESS_REGISTRATION_NUMBER',
    );
  });

  it('want a valid resident ID for an individual, and refuse a credit code there', () => {
    const individual = { ...organization, type: 'individual', name: '张伟' };
    expect(
      SubjectDetails.check({ ...individual, credentialNumber: '330106198503121573' }, today).ok,
    ).toBe(true);
    expect(SubjectDetails.check(individual, today)).toEqual({
      ok: false,
      problems: [
        {
          field: 'credentialNumber',
          reason: 'An ID number is 17 digits followed by a digit or X.',
        },
      ],
    });
  });

  it('list every problem at once, by field', () => {
    expect(
      SubjectDetails.check(
        {
          type: 'COMPANY',
          name: ' ',
          credentialNumber: '123',
          filingNumber: '浙ICP备2019034567号-1',
          accountEmail: 'icp#yunqi-data.cn',
          aliyunAccountId: 'has space',
        },
        today,
      ),
    ).toEqual({
      ok: false,
      problems: [
        { field: 'type', reason: '"COMPANY" is not a subject type (INDIVIDUAL or ORGANIZATION).' },
        { field: 'name', reason: 'The subject name is empty.' },
        {
          field: 'filingNumber',
          reason:
            "浙ICP备2019034567号-1 is a website's number; the subject's own is 浙ICP备2019034567号.",
        },
        { field: 'accountEmail', reason: '"icp#yunqi-data.cn" is not an email address.' },
        { field: 'aliyunAccountId', reason: '"has space" is not an Alibaba Cloud account id.' },
      ],
    });
  });

  it('name the check character of an organization credential that is wrong', () => {
    expect(
      SubjectDetails.check({ ...organization, credentialNumber: '91330106MA27XK8A4G' }, today),
    ).toEqual({
      ok: false,
      problems: [{ field: 'credentialNumber', reason: 'The check character should be F.' }],
    });
  });

  it('refuse an ICP licence number as the filing number, by name', () => {
    const checked = SubjectDetails.check(
      { ...organization, filingNumber: '浙ICP证030173号' },
      today,
    );
    expect(checked).toMatchObject({
      ok: false,
      problems: [{ field: 'filingNumber', reason: expect.stringContaining('ICP licence') }],
    });
  });

  it('tell which fields differ between two records of a subject', () => {
    const a = SubjectDetails.check(organization, today);
    const b = SubjectDetails.check({ ...organization, name: '杭州云栖科技有限公司' }, today);
    if (!a.ok || !b.ok) throw new Error('both are valid');
    expect(a.details.differencesFrom(b.details)).toEqual(['name']);
    expect(a.details.differencesFrom(a.details)).toEqual([]);
  });
});

describe('a website under a subject', () => {
  it('has the subject number with a -n suffix and a domain, normalised', () => {
    expect(
      checkWebsite('浙ICP备09023456号', {
        filingNumber: '浙ICP备09023456号－1',
        domain: ' ZhangWei-Notes.CN. ',
      }),
    ).toEqual({ ok: true, filingNumber: '浙ICP备09023456号-1', domain: 'zhangwei-notes.cn' });
  });

  it("is refused under another subject's number, as an app, or without a suffix", () => {
    expect(
      checkWebsite('粤ICP备2021045678号', {
        filingNumber: '粤ICP备2021045679号-4',
        domain: 'a.cn',
      }),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: 'websiteFilingNumber',
          reason: '粤ICP备2021045679号-4 does not belong to the subject 粤ICP备2021045678号.',
        },
      ],
    });
    expect(
      checkWebsite('粤ICP备2021045678号', {
        filingNumber: '粤ICP备2021045678号-1A',
        domain: 'a.cn',
      }),
    ).toMatchObject({ ok: false });
    expect(
      checkWebsite('粤ICP备2021045678号', { filingNumber: '粤ICP备2021045678号', domain: 'a.cn' }),
    ).toMatchObject({ ok: false });
  });

  it('takes Chinese domain names and refuses URLs and bare words', () => {
    expect(checkDomain('天府小吃.中国')).toEqual({ ok: true, value: '天府小吃.中国' });
    expect(checkDomain('https://example.com/')).toMatchObject({ ok: false });
    expect(checkDomain('localhost')).toMatchObject({ ok: false });
    expect(checkDomain('-bad-.cn')).toMatchObject({ ok: false });
    expect(checkDomain('10.0.0.1')).toMatchObject({ ok: false });
  });
});
