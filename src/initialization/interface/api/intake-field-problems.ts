import type { z } from 'zod';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { MessageKey } from '../../../shared/i18n/messages/index.js';
import type { FieldProblem } from '../../../shared/interface/http/problem-details.js';
import { fieldProblem, type FieldProblemCode } from './intake-problem-codes.js';

/** The rules the intake schema names by code, and the words of each. */
const SCHEMA_RULE_MESSAGES = {
  'field.control-characters': 'api.field.controlCharacters',
  'datetime.invalid': 'api.field.datetime',
  'subject-type.invalid': 'api.field.subjectType',
  'applicant-role.invalid': 'api.field.applicantRole',
  'phone.invalid': 'api.field.phone',
  'email.invalid': 'api.field.email',
  'aliyun-account-id.invalid': 'api.field.aliyunAccountId',
} as const satisfies Partial<Record<FieldProblemCode, MessageKey>>;

/** A code the schema may give a check in place of zod's English message. */
export type SchemaRule = keyof typeof SCHEMA_RULE_MESSAGES;

const isSchemaRule = (value: string): value is SchemaRule =>
  Object.prototype.hasOwnProperty.call(SCHEMA_RULE_MESSAGES, value);

/**
 * zod's findings on the `request` JSON as the API's problems: a missing value is
 * `field.required` whatever check noticed it, a wrong type or length says so, and a
 * check the schema named by code keeps that code. zod's own English is never shown.
 */
export function schemaProblems(
  issues: readonly z.core.$ZodIssue[],
  input: unknown,
): FieldProblem[] {
  return issues.flatMap((issue): FieldProblem[] => {
    const field = issue.path.map(String).join('.') || 'request';
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const unknown = field === 'request' ? key : `${field}.${key}`;
        return fieldProblem(unknown, 'field.unknown', msg('api.field.unknown', { field: unknown }));
      });
    }
    const value = valueAt(input, issue.path);
    if ((value === undefined || value === null) && issue.path.length > 0) {
      return [fieldProblem(field, 'field.required', msg('api.field.required', { field }))];
    }
    switch (issue.code) {
      case 'invalid_type':
        return [
          fieldProblem(
            field,
            'field.invalid-type',
            msg('api.field.invalidType', { field, expected: issue.expected }),
          ),
        ];
      case 'too_small':
        return Number(issue.minimum) <= 1
          ? [fieldProblem(field, 'field.required', msg('api.field.required', { field }))]
          : [
              fieldProblem(
                field,
                'field.too-short',
                msg('api.field.tooShort', { field, min: String(issue.minimum) }),
              ),
            ];
      case 'too_big':
        return [
          fieldProblem(
            field,
            'field.too-long',
            msg('api.field.tooLong', { field, max: String(issue.maximum) }),
          ),
        ];
      default:
        return [
          isSchemaRule(issue.message)
            ? fieldProblem(
                field,
                issue.message,
                msg(SCHEMA_RULE_MESSAGES[issue.message], { field }),
              )
            : fieldProblem(field, 'field.invalid', msg('api.field.invalid', { field })),
        ];
    }
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A rule of `@lib/credentials`, told apart by the sentence it gives (the library gives no
 * code), with the facts the sentence names: the sentence is said again in the caller's
 * language from the catalogue, where the English reads exactly as the library's.
 */
interface CredentialRule {
  code: FieldProblemCode;
  sentence: RegExp;
  reason: (match: RegExpExecArray) => Message;
}

const ID_NUMBER_RULES: CredentialRule[] = [
  {
    code: 'field.required',
    sentence: /^The ID number is empty\.$/,
    reason: () => msg('api.idNumber.empty'),
  },
  {
    code: 'id-number.first-generation',
    sentence: /^This is a 15-digit first-generation ID number/,
    reason: () => msg('api.idNumber.firstGeneration'),
  },
  {
    code: 'id-number.length',
    sentence: /^An ID number has 18 characters, not (\d+)\.$/,
    reason: ([, length]) => msg('api.idNumber.length', { length }),
  },
  {
    code: 'id-number.format',
    sentence: /^An ID number is 17 digits followed by a digit or X\.$/,
    reason: () => msg('api.idNumber.format'),
  },
  {
    code: 'id-number.province',
    sentence: /^The address code starts with (\S+), which is not a province code\.$/,
    reason: ([, code]) => msg('api.idNumber.province', { code }),
  },
  {
    code: 'id-number.birth-date',
    sentence: /^The birth date (\S+) is not a real date\.$/,
    reason: ([, date]) => msg('api.idNumber.birthDate', { date }),
  },
  {
    code: 'id-number.birth-date-future',
    sentence: /^The birth date (\S+) is in the future\.$/,
    reason: ([, date]) => msg('api.idNumber.birthDateFuture', { date }),
  },
  {
    code: 'id-number.checksum',
    sentence: /^The check character should be (\S+)\.$/,
    reason: ([, expected]) => msg('api.idNumber.checksum', { expected }),
  },
];

const FILING_NUMBER_RULES: CredentialRule[] = [
  {
    code: 'field.required',
    sentence: /^The ICP filing number is empty\.$/,
    reason: () => msg('api.filingNumber.empty'),
  },
  {
    code: 'filing-number.public-security',
    sentence: /^This is a public security filing number/,
    reason: () => msg('api.filingNumber.publicSecurity'),
  },
  {
    code: 'filing-number.icp-licence',
    sentence: /^This is a commercial ICP licence number/,
    reason: () => msg('api.filingNumber.icpLicence'),
  },
  {
    code: 'filing-number.telecom-licence',
    sentence: /^This is a value-added telecom business licence number/,
    reason: () => msg('api.filingNumber.telecomLicence'),
  },
  {
    code: 'filing-number.format',
    sentence: /^An ICP filing number looks like/,
    reason: () => msg('api.filingNumber.format'),
  },
  {
    code: 'filing-number.province',
    sentence: /^"(.+)" is not a province prefix of ICP filing numbers\.$/u,
    reason: ([, prefix]) => msg('api.filingNumber.province', { prefix }),
  },
  {
    code: 'filing-number.digits',
    sentence: /^The number should have 8 or 10 digits, not (\d+)\.$/,
    reason: ([, count]) => msg('api.filingNumber.digits', { count }),
  },
  {
    code: 'filing-number.suffix',
    sentence: /^The suffix -(\S+) is not valid: suffixes count from -1\.$/,
    reason: ([, suffix]) => msg('api.filingNumber.suffix', { suffix }),
  },
];

/** `applicant.idNumber` refused by `validateResidentIdNumber`, with the library's reason. */
export function idNumberProblem(field: string, reason: string): FieldProblem {
  const { code, because } = credentialRule(ID_NUMBER_RULES, reason, 'id-number.invalid');
  return fieldProblem(field, code, msg('api.field.idNumber', { field, reason: because }));
}

/** `filingNumber` refused by `parseIcpFilingNumber`, with the library's reason. */
export function filingNumberProblem(field: string, reason: string): FieldProblem {
  const { code, because } = credentialRule(FILING_NUMBER_RULES, reason, 'filing-number.invalid');
  return fieldProblem(field, code, msg('api.field.filingNumber', { field, reason: because }));
}

function credentialRule(
  rules: CredentialRule[],
  reason: string,
  otherwise: FieldProblemCode,
): { code: FieldProblemCode; because: Message | string } {
  for (const rule of rules) {
    const match = rule.sentence.exec(reason);
    if (match) return { code: rule.code, because: rule.reason(match) };
  }
  // A rule the library added since: its code is the general one, its sentence its own.
  return { code: otherwise, because: reason };
}
