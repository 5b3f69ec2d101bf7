/**
 * The intake API's words in English (problem+json titles, details and field messages).
 * A machine client reads `code`; these are for the people who read its logs. Where a
 * message repeats a `@lib/credentials` sentence, it reads exactly as the library's.
 */
export const api = {
  'api.problem.invalid.title': 'The request is not valid',
  'api.problem.invalid.detail': '{count, plural, one {# field is} other {# fields are}} invalid.',
  'api.problem.failed': 'The request could not be processed. Nothing was stored.',
  'api.problem.tooLarge.title': 'The documents are too large',
  'api.problem.tooLarge.detail':
    'The files add up to {total} bytes; at most {max} bytes are accepted per request.',
  'api.problem.submissionTooLarge.title': 'The submission is too large',
  'api.problem.submissionTooLarge.detail':
    'The submission is {declared} bytes; at most {max} bytes of documents are accepted per request.',
  'api.problem.fileTooLarge.title': 'A document is too large',
  'api.problem.fileTooLarge.detail': 'Each document may be at most {max} bytes.',
  'api.problem.unsupportedType.title': 'Unsupported document type',
  'api.problem.unsupportedType.detail':
    'Documents must be JPEG, PNG or PDF files (judged by their content, not their names).',
  'api.problem.unsupportedContentType.title': 'Unsupported content type',
  'api.problem.unsupportedContentType.detail':
    'Send the submission as multipart/form-data, with the intake data as JSON in a form field named "request".',

  // HTTP refusals: the part after `api.error.` is the problem's code.
  'api.error.token.missing': 'Send the intake token as "Authorization: Bearer <token>".',
  'api.error.token.invalid': 'The intake token is not valid.',
  'api.error.request.not-found': 'There is no initialization request {id} for this client.',

  // Entries of `errors`: {field} is the field's path, as the client sent it.
  'api.field.required': '{field} is required',
  'api.field.request.required':
    'request is required: the intake data as JSON in a form field named "request"',
  'api.field.request.notJson': 'request is not valid JSON',
  'api.field.invalidType':
    '{field} must be {expected, select, object {a JSON object} array {a JSON array} string {a string} number {a number} boolean {true or false} other {of type {expected}}}',
  'api.field.tooLong': '{field} must be at most {max} characters',
  'api.field.tooShort': '{field} must be at least {min} characters',
  'api.field.controlCharacters': '{field} must not contain control characters',
  'api.field.unknown': '{field} is not a field of the request',
  'api.field.invalid': '{field} is not valid',
  'api.field.datetime':
    '{field} must be an ISO-8601 time with an offset, e.g. 2026-11-25T10:00:00+08:00',
  'api.field.receivedAtFuture': '{field} is in the future',
  'api.field.subjectType': '{field} must be INDIVIDUAL or ORGANIZATION',
  'api.field.applicantRole': '{field} must be SUBJECT_ADMIN, WEBSITE_ADMIN or OTHER',
  'api.field.phone': '{field} must be a phone number',
  'api.field.email': '{field} must be an email address',
  'api.field.aliyunAccountId': '{field} must be the numeric Alibaba Cloud account id',
  'api.field.credentialNumber':
    '{field} must be the 18-character {subjectType, select, INDIVIDUAL {resident ID number of the individual subject} other {unified social credit code of the organization}}',
  'api.field.idNumber': '{field} is not a valid resident ID number: {reason}',
  'api.idNumber.empty': 'The ID number is empty.',
  'api.idNumber.firstGeneration':
    'This is a 15-digit first-generation ID number; the 18-character number is needed.',
  'api.idNumber.length': 'An ID number has 18 characters, not {length}.',
  'api.idNumber.format': 'An ID number is 17 digits followed by a digit or X.',
  'api.idNumber.province': 'The address code starts with {code}, which is not a province code.',
  'api.idNumber.birthDate': 'The birth date {date} is not a real date.',
  'api.idNumber.birthDateFuture': 'The birth date {date} is in the future.',
  'api.idNumber.checksum': 'The check character should be {expected}.',
  'api.field.filingNumber': '{field} {reason}',
  'api.filingNumber.empty': 'The ICP filing number is empty.',
  'api.filingNumber.publicSecurity':
    'This is a public security filing number (公网安备), not an ICP filing number (ICP备).',
  'api.filingNumber.icpLicence':
    'This is a commercial ICP licence number (ICP证), not an ICP filing number (ICP备).',
  'api.filingNumber.telecomLicence':
    'This is a value-added telecom business licence number (B1-/B2-), not an ICP filing number.',
  'api.filingNumber.format':
    'An ICP filing number looks like 浙ICP备12345678号, with -1 for a website or -1A for an app.',
  'api.filingNumber.province': '"{prefix}" is not a province prefix of ICP filing numbers.',
  'api.filingNumber.digits': 'The number should have 8 or 10 digits, not {count}.',
  'api.filingNumber.suffix': 'The suffix -{suffix} is not valid: suffixes count from -1.',
  'api.document.required': '{field} is required ({label})',
  'api.document.requiredFor':
    '{field} is required for {subjectType, select, INDIVIDUAL {an individual subject} other {an organization subject}} ({label})',
  'api.document.authorizationLetterRequired':
    '{field} is required: an organization applicant who is neither the subject administrator nor a website administrator must send the authorization letter stamped with the company seal',
  'api.file.empty': '{field} is an empty file',
  'api.file.unsupportedType': '{field} is not a JPEG, PNG or PDF file',
  'api.file.unsupportedTypeDetected':
    '{field} is not a JPEG, PNG or PDF file (its content is {detected})',
  'api.file.tooLarge': '{field} is larger than {max} bytes',
  'api.file.unexpectedField':
    '{field} is not a document field: send each document once, in a field named {kinds}',
  'api.multipart.tooManyParts':
    'The submission has more parts than accepted: the request field and one file per document',
  'api.multipart.fieldTooLong': '{field} is longer than accepted',
  'api.multipart.malformed': 'The multipart body cannot be read',
  'api.status.400': 'Bad Request',
  'api.status.401': 'Unauthorized',
  'api.status.403': 'Forbidden',
  'api.status.404': 'Not Found',
  'api.status.409': 'Conflict',
  'api.status.413': 'Content Too Large',
  'api.status.415': 'Unsupported Media Type',
  'api.status.422': 'Unprocessable Content',
  'api.status.429': 'Too Many Requests',
  'api.status.500': 'Internal Server Error',
  'api.status.503': 'Service Unavailable',
  'api.status.other': 'Error',

  // The edges of intake (issue 15): unpaired surrogates, receipt age, the file too large by name.
  'api.field.unpairedSurrogate':
    '{field} holds half of a UTF-16 surrogate pair on its own, which is not a character',
  'api.field.receivedAtTooOld':
    '{field} is more than {days, plural, one {# day} other {# days}} ago',
  'api.file.tooLargeNamed': '{field} ({filename}) is larger than {max} bytes',
  // Issue 15 (A1): what a resubmission answers, and what it must not.
  'api.field.notRequested':
    '{field} was not asked for: correct only the fields the reviewer asked for{count, plural, =0 { (none)} other { ({asked})}}',
  'api.field.notCorrectable':
    '{field} cannot be corrected: another subject type, filing number or applicant role needs a new application',
  'api.field.requested': '{field} was asked for: send its corrected value',
  'api.document.notRequested':
    '{field} was not asked for: send new versions only of the documents the reviewer asked for{count, plural, =0 { (none)} other { ({asked})}}',
  'api.document.requested': '{field} was asked for ({label}): send its new version',
  // Issue 17 (H-E): the problem while the database is down (503, Retry-After).
  'api.problem.databaseUnavailable':
    'The desk’s database is not answering. Nothing was stored; send the request again after Retry-After seconds.',
  // Issue 17 (H-D): GET /metrics refusing a scrape.
  'api.metrics.tokenMissing': 'Send the metrics token as "Authorization: Bearer <METRICS_TOKEN>".',
  'api.metrics.tokenInvalid': 'The metrics token is not valid.',
  // Issue 17 (H-C): a purged document (410).
  'api.status.410': 'Gone',
  // Issue 17 (H-B): the document store down (503, Retry-After).
  'api.problem.storeUnavailable':
    'The document store cannot be reached just now. Nothing was stored; send the request again in a minute.',
  // Issue 18 (H-B): the audit trail holds rows beyond its head (503 until its owner moves them aside).
  'api.problem.auditTrailNeedsAttention':
    'The audit trail needs attention from its administrator (it holds records the desk did not write), so nothing can be recorded. Nothing was stored; send the request again later.',
};
