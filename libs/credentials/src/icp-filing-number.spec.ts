import { describe, expect, it } from '@jest/globals';
import { ICP_PROVINCE_PREFIXES, parseIcpFilingNumber } from './icp-filing-number.js';

describe('parseIcpFilingNumber', () => {
  it('parses a subject number with 8 digits (the older form)', () => {
    expect(parseIcpFilingNumber('浙ICP备12345678号')).toEqual({
      ok: true,
      kind: 'subject',
      province: '浙',
      provinceStatus: 'official',
      number: '12345678',
      subjectNumber: '浙ICP备12345678号',
      normalized: '浙ICP备12345678号',
      warnings: [],
    });
  });

  it('parses a website number with its -n suffix and gives the subject number', () => {
    expect(parseIcpFilingNumber('京ICP备04000001号-2')).toEqual({
      ok: true,
      kind: 'website',
      province: '京',
      provinceStatus: 'official',
      number: '04000001',
      siteSuffix: 2,
      subjectNumber: '京ICP备04000001号',
      normalized: '京ICP备04000001号-2',
      warnings: [],
    });
  });

  it('parses an app or mini-program number (-nA) with 10 digits (the newer form)', () => {
    expect(parseIcpFilingNumber('粤ICP备2021012345号-3A')).toMatchObject({
      ok: true,
      kind: 'app',
      number: '2021012345',
      siteSuffix: 3,
      appSuffix: true,
      subjectNumber: '粤ICP备2021012345号',
      normalized: '粤ICP备2021012345号-3A',
    });
  });

  it('normalises full-width digits, letters and hyphens and strips spaces first', () => {
    expect(parseIcpFilingNumber(' 浙ＩＣＰ备 １２３４５６７８号－１ ')).toMatchObject({
      ok: true,
      kind: 'website',
      normalized: '浙ICP备12345678号-1',
    });
    expect(parseIcpFilingNumber('沪ICP备12345678号—5')).toMatchObject({
      ok: true,
      normalized: '沪ICP备12345678号-5',
    });
  });

  it('accepts every official prefix, including 蜀, 黔, 滇 and 陇', () => {
    expect(ICP_PROVINCE_PREFIXES).toHaveLength(31);
    for (const prefix of ICP_PROVINCE_PREFIXES) {
      expect(parseIcpFilingNumber(`${prefix}ICP备12345678号`)).toMatchObject({
        ok: true,
        province: prefix,
        provinceStatus: 'official',
      });
    }
  });

  it('accepts 川 and 甘 leniently, with a warning naming the official prefix', () => {
    expect(parseIcpFilingNumber('川ICP备12345678号-1')).toMatchObject({
      ok: true,
      province: '川',
      provinceStatus: 'lenient',
      warnings: ['川 is not an official prefix; the official one is 蜀.'],
    });
    expect(parseIcpFilingNumber('甘ICP备2020000001号')).toMatchObject({
      ok: true,
      provinceStatus: 'lenient',
      warnings: ['甘 is not an official prefix; the official one is 陇.'],
    });
  });

  it('adds a missing 号 with a warning', () => {
    expect(parseIcpFilingNumber('粤ICP备12345678-1')).toMatchObject({
      ok: true,
      normalized: '粤ICP备12345678号-1',
      warnings: ['The number lacks the closing 号; it was added.'],
    });
  });

  it('refuses a commercial ICP licence, a telecom licence and a public security filing by name', () => {
    expect(parseIcpFilingNumber('京ICP证030173号')).toEqual({
      ok: false,
      code: 'icp-licence',
      reason: 'This is a commercial ICP licence number (ICP证), not an ICP filing number (ICP备).',
    });
    expect(parseIcpFilingNumber('B2-20080224')).toEqual({
      ok: false,
      code: 'telecom-licence',
      reason:
        'This is a value-added telecom business licence number (B1-/B2-), not an ICP filing number.',
    });
    expect(parseIcpFilingNumber('京B2-20090059')).toMatchObject({ ok: false });
    expect(parseIcpFilingNumber('京公网安备11010502030143号')).toEqual({
      ok: false,
      code: 'public-security',
      reason:
        'This is a public security filing number (公网安备), not an ICP filing number (ICP备).',
    });
  });

  it('refuses the wrong number of digits, an unknown prefix, a zero suffix and other shapes', () => {
    expect(parseIcpFilingNumber('浙ICP备1234567号')).toEqual({
      ok: false,
      code: 'digits',
      count: 7,
      reason: 'The number should have 8 or 10 digits, not 7.',
    });
    expect(parseIcpFilingNumber('浙ICP备123456789号')).toMatchObject({ ok: false });
    expect(parseIcpFilingNumber('港ICP备12345678号')).toEqual({
      ok: false,
      code: 'province',
      prefix: '港',
      reason: '"港" is not a province prefix of ICP filing numbers.',
    });
    expect(parseIcpFilingNumber('浙ICP备12345678号-0')).toEqual({
      ok: false,
      code: 'suffix',
      suffix: '0',
      reason: 'The suffix -0 is not valid: suffixes count from -1.',
    });
    expect(parseIcpFilingNumber('浙江ICP备12345678号')).toMatchObject({ ok: false });
    expect(parseIcpFilingNumber('12345678')).toMatchObject({ ok: false, code: 'format' });
    expect(parseIcpFilingNumber('')).toEqual({
      ok: false,
      code: 'empty',
      reason: 'The ICP filing number is empty.',
    });
  });
});
