import type { z } from 'zod';
import type { IcpFilingNumberRefusal, ResidentIdNumberRefusal } from '@lib/credentials';
import { msg, type Message } from '../../../shared/i18n/message.js';
import type { MessageKey } from '../../../shared/i18n/messages/index.js';
import type { FieldProblem } from '../../../shared/interface/http/problem-details.js';
import { fieldProblem, type FieldProblemCode } from './intake-problem-codes.js';

/** The rules the intake schema names by code, and the words of each. */
const SCHEMA_RULE_MESSAGES = {
  'field.control-characters': 'api.field.controlCharacters',
  'field.unpaired-surrogate': 'api.field.unpairedSurrogate',
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

/** The words and code of a refusal of `@lib/credentials`. */
interface CredentialReason {
  code: FieldProblemCode;
  because: Message;
}

/**
 * Why `validateResidentIdNumber` refused a number, by the library's code: the sentence is
 * said again in the caller's language from the catalogue, where the English reads exactly
 * as the library's.
 */
function idNumberReason(refusal: ResidentIdNumberRefusal): CredentialReason {
  switch (refusal.code) {
    case 'empty':
      return { code: 'field.required', because: msg('api.idNumber.empty') };
    case 'first-generation':
      return { code: 'id-number.first-generation', because: msg('api.idNumber.firstGeneration') };
    case 'length':
      return {
        code: 'id-number.length',
        because: msg('api.idNumber.length', { length: String(refusal.length) }),
      };
    case 'format':
      return { code: 'id-number.format', because: msg('api.idNumber.format') };
    case 'province':
      return {
        code: 'id-number.province',
        because: msg('api.idNumber.province', { code: refusal.provinceCode }),
      };
    case 'birth-date':
      return {
        code: 'id-number.birth-date',
        because: msg('api.idNumber.birthDate', { date: refusal.birthDate }),
      };
    case 'birth-date-future':
      return {
        code: 'id-number.birth-date-future',
        because: msg('api.idNumber.birthDateFuture', { date: refusal.birthDate }),
      };
    case 'checksum':
      return {
        code: 'id-number.checksum',
        because: msg('api.idNumber.checksum', { expected: refusal.expected }),
      };
  }
}

/** Why `parseIcpFilingNumber` refused a number, by the library's code (as `idNumberReason`). */
function filingNumberReason(refusal: IcpFilingNumberRefusal): CredentialReason {
  switch (refusal.code) {
    case 'empty':
      return { code: 'field.required', because: msg('api.filingNumber.empty') };
    case 'public-security':
      return {
        code: 'filing-number.public-security',
        because: msg('api.filingNumber.publicSecurity'),
      };
    case 'icp-licence':
      return { code: 'filing-number.icp-licence', because: msg('api.filingNumber.icpLicence') };
    case 'telecom-licence':
      return {
        code: 'filing-number.telecom-licence',
        because: msg('api.filingNumber.telecomLicence'),
      };
    case 'format':
      return { code: 'filing-number.format', because: msg('api.filingNumber.format') };
    case 'province':
      return {
        code: 'filing-number.province',
        because: msg('api.filingNumber.province', { prefix: refusal.prefix }),
      };
    case 'digits':
      return {
        code: 'filing-number.digits',
        because: msg('api.filingNumber.digits', { count: String(refusal.count) }),
      };
    case 'suffix':
      return {
        code: 'filing-number.suffix',
        because: msg('api.filingNumber.suffix', { suffix: refusal.suffix }),
      };
  }
}

/** `applicant.idNumber` refused by `validateResidentIdNumber`, with the library's reason. */
export function idNumberProblem(field: string, refusal: ResidentIdNumberRefusal): FieldProblem {
  const { code, because } = idNumberReason(refusal);
  return fieldProblem(field, code, msg('api.field.idNumber', { field, reason: because }));
}

/** `filingNumber` refused by `parseIcpFilingNumber`, with the library's reason. */
export function filingNumberProblem(field: string, refusal: IcpFilingNumberRefusal): FieldProblem {
  const { code, because } = filingNumberReason(refusal);
  return fieldProblem(field, code, msg('api.field.filingNumber', { field, reason: because }));
}
