import { describe, expect, it } from '@jest/globals';
import { parseIcpFilingNumber, validateResidentIdNumber } from '@lib/credentials';
import { Translator } from '../../../shared/i18n/translator.js';
import { filingNumberProblem, idNumberProblem, schemaProblems } from './intake-field-problems.js';
import { intakeRequestSchema } from './intake-request.schema.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');
const TODAY = new Date('2026-11-25T02:00:00Z');

/** Problems as a client reads them, in one language. */
function rendered(problems: ReturnType<typeof schemaProblems>, words = en) {
  return problems.map(({ field, code, message }) => ({
    field,
    code,
    message: words.text(message),
  }));
}

describe('an ID number the credentials library refuses', () => {
  const cases: [string, string][] = [
    ['110105491231002', 'id-number.first-generation'],
    ['1101051949', 'id-number.length'],
    ['11010519491231002A', 'id-number.format'],
    ['99010519491231002X', 'id-number.province'],
    ['160105194912310029', 'id-number.province'],
    ['110105194902310021', 'id-number.birth-date'],
    ['110105209901010021', 'id-number.birth-date-future'],
    ['110105194912310021', 'id-number.checksum'],
  ];

  for (const [value, code] of cases) {
    it(`is ${code} for ${value}, in the library's English and in Chinese`, () => {
      const result = validateResidentIdNumber(value, TODAY);
      if (result.valid) throw new Error(`${value} should be refused`);
      const problem = idNumberProblem('applicant.idNumber', result);
      expect(problem.code).toBe(code);
      expect(en.text(problem.message)).toBe(
        `applicant.idNumber is not a valid resident ID number: ${result.reason}`,
      );
      const chinese = zh.text(problem.message);
      expect(chinese).toMatch(/^applicant\.idNumber 不是有效的居民身份证号码：/);
      expect(chinese).not.toContain(result.reason);
    });
  }
});

describe('a filing number the credentials library refuses', () => {
  const cases: [string, string][] = [
    ['京公网安备11010502000001号', 'filing-number.public-security'],
    ['京ICP证030173号', 'filing-number.icp-licence'],
    ['B2-20090001', 'filing-number.telecom-licence'],
    ['not a number', 'filing-number.format'],
    ['港ICP备12345678号', 'filing-number.province'],
    ['京ICP备1234567号', 'filing-number.digits'],
    ['京ICP备12345678号-0', 'filing-number.suffix'],
  ];

  for (const [value, code] of cases) {
    it(`is ${code} for ${value}, in the library's English and in Chinese`, () => {
      const result = parseIcpFilingNumber(value);
      if (result.ok) throw new Error(`${value} should be refused`);
      const problem = filingNumberProblem('filingNumber', result);
      expect(problem.code).toBe(code);
      expect(en.text(problem.message)).toBe(`filingNumber ${result.reason}`);
      const chinese = zh.text(problem.message);
      expect(chinese).toMatch(/^filingNumber：/);
      expect(chinese).not.toContain(result.reason);
    });
  }
});

describe('the schema findings', () => {
  const valid = {
    externalId: 'ext-1',
    receivedAt: '2026-11-25T10:00:00+08:00',
    subjectType: 'INDIVIDUAL',
    filingNumber: '浙ICP备12345678号',
    subjectName: '王小明',
    credentialNumber: '11010519491231002X',
    applicant: {
      name: '王小明',
      idNumber: '11010519491231002X',
      role: 'SUBJECT_ADMIN',
      phone: '13800138000',
    },
    newAccountEmail: 'new@example.cn',
    aliyunAccountId: '1234567890',
  };
  const problemsOf = (input: unknown, words = en) => {
    const parsed = intakeRequestSchema.safeParse(input);
    return parsed.success ? [] : rendered(schemaProblems(parsed.error.issues, input), words);
  };

  it('accept a well-formed request', () => {
    expect(problemsOf(valid)).toEqual([]);
  });

  it('name each rule by its code, in the English the API has always used', () => {
    expect(
      problemsOf({
        ...valid,
        externalId: 'x'.repeat(101),
        receivedAt: '2026-11-25 10:00',
        subjectType: 'COMPANY',
        subjectName: '王\u0000小明',
        applicant: { ...valid.applicant, role: 'OWNER', phone: 'call me' },
        newAccountEmail: 'not-an-email',
        aliyunAccountId: 'abc',
      }),
    ).toEqual([
      {
        field: 'externalId',
        code: 'field.too-long',
        message: 'externalId must be at most 100 characters',
      },
      {
        field: 'receivedAt',
        code: 'datetime.invalid',
        message:
          'receivedAt must be an ISO-8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00',
      },
      {
        field: 'subjectType',
        code: 'subject-type.invalid',
        message: 'subjectType must be INDIVIDUAL or ORGANIZATION',
      },
      {
        field: 'subjectName',
        code: 'field.control-characters',
        message: 'subjectName must not contain control characters',
      },
      {
        field: 'applicant.role',
        code: 'applicant-role.invalid',
        message: 'applicant.role must be SUBJECT_ADMIN, WEBSITE_ADMIN or OTHER',
      },
      {
        field: 'applicant.phone',
        code: 'phone.invalid',
        message: 'applicant.phone must be a phone number',
      },
      {
        field: 'newAccountEmail',
        code: 'email.invalid',
        message: 'newAccountEmail must be an email address',
      },
      {
        field: 'aliyunAccountId',
        code: 'aliyun-account-id.invalid',
        message: 'aliyunAccountId must be the numeric Alibaba Cloud account id',
      },
    ]);
  });

  it('call a missing or blank value required, whatever check noticed it, and a wrong type by its type', () => {
    const { subjectType: _subjectType, newAccountEmail: _email, ...rest } = valid;
    expect(
      problemsOf({ ...rest, externalId: '   ', applicant: undefined, aliyunAccountId: 42 }),
    ).toEqual([
      { field: 'externalId', code: 'field.required', message: 'externalId is required' },
      { field: 'subjectType', code: 'field.required', message: 'subjectType is required' },
      { field: 'applicant', code: 'field.required', message: 'applicant is required' },
      { field: 'newAccountEmail', code: 'field.required', message: 'newAccountEmail is required' },
      {
        field: 'aliyunAccountId',
        code: 'field.invalid-type',
        message: 'aliyunAccountId must be a string',
      },
    ]);
    expect(problemsOf([1, 2])).toEqual([
      { field: 'request', code: 'field.invalid-type', message: 'request must be a JSON object' },
    ]);
  });

  it('say the same in Chinese with the same codes and fields', () => {
    const input = { ...valid, externalId: '', applicant: { ...valid.applicant, phone: 'x' } };
    const english = problemsOf(input);
    const chinese = problemsOf(input, zh);
    expect(chinese.map(({ field, code }) => ({ field, code }))).toEqual(
      english.map(({ field, code }) => ({ field, code })),
    );
    expect(chinese.map(({ message }) => message)).toEqual([
      'externalId 为必填项',
      'applicant.phone 必须是电话号码',
    ]);
  });

  it('name every unknown key, at any depth, by its path', () => {
    expect(
      problemsOf({
        ...valid,
        subjectname: '王小明',
        applicant: { ...valid.applicant, mobile: '13800138000', address: { city: '杭州' } },
      }),
    ).toEqual([
      {
        field: 'applicant.mobile',
        code: 'field.unknown',
        message: 'applicant.mobile is not a field of the request',
      },
      {
        field: 'applicant.address',
        code: 'field.unknown',
        message: 'applicant.address is not a field of the request',
      },
      {
        field: 'subjectname',
        code: 'field.unknown',
        message: 'subjectname is not a field of the request',
      },
    ]);
  });

  it('count a subject name as it is stored, after NFKC: 12 × U+FDFA is 216 characters', () => {
    const ligatures = '\ufdfa'.repeat(12);
    expect(ligatures).toHaveLength(12);
    expect(problemsOf({ ...valid, subjectName: ligatures })).toEqual([
      {
        field: 'subjectName',
        code: 'field.too-long',
        message: 'subjectName must be at most 200 characters',
      },
    ]);
    const parsed = intakeRequestSchema.safeParse({ ...valid, subjectName: ' ＡＢＣ网络 ' });
    expect(parsed.success && parsed.data.subjectName).toBe('ABC网络');
  });

  it('refuse half a surrogate pair in any text field, and accept a whole pair', () => {
    expect(
      problemsOf({
        ...valid,
        externalId: 'abc\ud800',
        subjectName: '\udc00王小明',
        applicant: { ...valid.applicant, name: '王\ud83d' },
      }).map(({ field, code }) => `${field} ${code}`),
    ).toEqual([
      'externalId field.unpaired-surrogate',
      'subjectName field.unpaired-surrogate',
      'applicant.name field.unpaired-surrogate',
    ]);
    expect(problemsOf({ ...valid, externalId: 'abc\ud800' }, zh)).toEqual([
      {
        field: 'externalId',
        code: 'field.unpaired-surrogate',
        message: 'externalId 含有不成对的 UTF-16 代理项，不是有效字符',
      },
    ]);
    expect(problemsOf({ ...valid, subjectName: '𠀀王小明😀' })).toEqual([]);
  });
});
