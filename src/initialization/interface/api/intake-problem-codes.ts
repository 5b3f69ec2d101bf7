import type { Message } from '../../../shared/i18n/message.js';
import type { FieldProblem } from '../../../shared/interface/http/problem-details.js';

/**
 * The stable codes of the intake API's problems, for machine clients: a client branches
 * on `code` (the same in every language), never on `title`, `detail` or `message`. Each
 * code names one rule; the descriptions are the OpenAPI document's list.
 */
export const PROBLEM_CODES = {
  'request.invalid': '(400) The input is not valid; `errors` lists every problem found.',
  'request.too-large': '(413) The documents (or the declared body) exceed MAX_REQUEST_BYTES.',
  'file.too-large':
    '(413) One document exceeds MAX_FILE_BYTES; `errors` names it (its field, and its file name in the message).',
  'file.unsupported-type':
    '(415) A document is not a JPEG, PNG or PDF by its content; `errors` lists every problem found.',
  'request.unsupported-content-type': '(415) The body is not multipart/form-data.',
  'token.missing': '(401) No `Authorization: Bearer <token>` header.',
  'token.invalid': '(401) The bearer token is not one of the intake tokens of the desk.',
  'request.not-found': '(404) No such request for this client.',
  'database.unavailable':
    "(503, with `Retry-After`) The desk's database is not answering. Nothing was stored: send the same request again after `Retry-After` seconds.",
} as const;

/** The codes of the entries of `errors`, each beside a `field` and a `message`. */
export const FIELD_PROBLEM_CODES = {
  'field.required':
    'The field (or the `request` form field) is missing or empty; in a resubmission, a field the reviewer asked for was not sent.',
  'field.invalid-type':
    'The field has the wrong JSON type (e.g. a number for a string), or a document was sent as a text form field instead of a file.',
  'field.invalid-json': 'The `request` form field is not valid JSON.',
  'field.too-long':
    'The text is longer than the field allows, counted as stored: trimmed, and `subjectName` NFKC-normalised (one character may become several).',
  'field.too-short': 'The text is shorter than the field allows.',
  'field.control-characters': 'The text contains control characters.',
  'field.unpaired-surrogate':
    'The text holds half of a UTF-16 surrogate pair (e.g. `\\ud800` alone), which is no character.',
  'field.unknown':
    'The field is not part of the request: a key of the `request` JSON (at any depth; `field` is its path) or a text form field other than `request`. Nothing is silently dropped.',
  'field.invalid': 'The value is not valid (a rule without a more specific code).',
  'datetime.invalid': 'Not an ISO-8601 time with an offset.',
  'received-at.future': '`receivedAt` is later than now (beyond 5 minutes of clock skew).',
  'received-at.too-old':
    '`receivedAt` is more than INTAKE_MAX_AGE_DAYS days ago (default 30; the desk may turn the check off).',
  'subject-type.invalid': '`subjectType` is neither INDIVIDUAL nor ORGANIZATION.',
  'applicant-role.invalid': '`applicant.role` is not SUBJECT_ADMIN, WEBSITE_ADMIN or OTHER.',
  'phone.invalid': '`applicant.phone` is not a phone number.',
  'email.invalid': '`newAccountEmail` is not an email address.',
  'aliyun-account-id.invalid': '`aliyunAccountId` is not a numeric Alibaba Cloud account id.',
  'credential-number.invalid':
    '`credentialNumber` does not have the shape of the credential of the subject type (an 18-character resident ID number or unified social credit code).',
  'id-number.first-generation':
    'A 15-digit first-generation ID number; the 18-character one is needed.',
  'id-number.length': 'An ID number has 18 characters.',
  'id-number.format': 'An ID number is 17 digits followed by a digit or X.',
  'id-number.province':
    'The address code does not start with a province-level code (11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83).',
  'id-number.birth-date': 'The birth date in the number is not a real date.',
  'id-number.birth-date-future': 'The birth date in the number is in the future.',
  'id-number.checksum': 'The check character is wrong.',
  'filing-number.public-security':
    'A public security filing number (公网安备), not an ICP filing number.',
  'filing-number.icp-licence': 'A commercial ICP licence number (ICP证), not an ICP filing number.',
  'filing-number.telecom-licence':
    'A value-added telecom business licence number (B1-/B2-), not an ICP filing number.',
  'filing-number.format': 'Not shaped like 浙ICP备12345678号 (-1 for a website, -1A for an app).',
  'filing-number.province': 'The first character is not a province prefix of ICP filing numbers.',
  'filing-number.digits': 'The number does not have 8 or 10 digits.',
  'filing-number.suffix': 'The website or app suffix does not count from -1.',
  'document.required':
    'A document the subject type and applicant role require (or, in a resubmission, one the reviewer asked for) was not sent; `field` is its kind.',
  'document.not-requested':
    'A resubmission sent a new version of a document the reviewer did not ask for; `field` is its kind.',
  'field.not-requested':
    'A resubmission corrected a field the reviewer did not ask for; `field` is its path (`applicant.phone`).',
  'field.not-correctable':
    'A resubmission tried to change `subjectType`, `filingNumber`, `applicant.role`, `externalId` or `receivedAt`: these need a new application.',
  'file.empty': 'The document file is empty.',
  'file.unsupported-type': 'The document is not a JPEG, PNG or PDF by its content.',
  'file.too-large': 'The document exceeds MAX_FILE_BYTES; `message` names its file.',
  'file.unexpected-field':
    'A file in a form field that is not a document kind, or a second file for one kind.',
  'multipart.too-many-parts': 'The multipart body has more parts, fields or files than accepted.',
  'multipart.field-too-long': 'A form field (or its name) is longer than accepted.',
  'multipart.malformed': 'The multipart body cannot be read.',
} as const;

export type FieldProblemCode = keyof typeof FIELD_PROBLEM_CODES;

/** One entry of `errors`: a field, the rule it breaks, and the words to say so. */
export function fieldProblem(
  field: string,
  code: FieldProblemCode,
  message: Message,
): FieldProblem {
  return { field, code, message };
}
