import { HttpStatus } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import {
  parseIcpFilingNumber,
  validateResidentIdNumber,
  type IcpFilingNumber,
} from '@lib/credentials';
import type { z } from 'zod';
import { msg } from '../../../shared/i18n/message.js';
import { ApiProblem, type FieldProblem } from '../../../shared/interface/http/problem-details.js';
import type {
  IntakeApplication,
  UploadedDocument,
} from '../../application/commands/submit-request/submit-request.command.js';
import type { RequestStatusView } from '../../application/queries/get-request-status/get-request-status.query.js';
import {
  CORRECTABLE_FIELDS,
  isCorrectableField,
  type CorrectableField,
  type CorrectedValues,
} from '../../domain/correctable-field.js';
import {
  DOCUMENT_KINDS,
  requiredDocuments,
  type DocumentKind,
} from '../../domain/document-kind.js';
import type { ResubmissionMismatchError } from '../../domain/initialization-request.errors.js';
import {
  APPLICANT_ROLES,
  SUBJECT_TYPES,
  type ApplicantRole,
  type SubjectType,
} from '../../domain/subject-type.js';
import { filingNumberProblem, idNumberProblem, schemaProblems } from './intake-field-problems.js';
import { fieldProblem } from './intake-problem-codes.js';
import {
  correctedValuesOf,
  correctionRequestSchema,
  NOT_CORRECTABLE_FIELDS,
} from './correction-request.schema.js';
import { applicantSchema, intakeRequestSchema } from './intake-request.schema.js';

/** Files as multer hands them over: one array per form field. */
export type ReceivedFiles = Partial<Record<string, Express.Multer.File[]>>;

export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 24 * 60 * 60_000;
const INDIVIDUAL_CREDENTIAL = /^[0-9]{17}[0-9Xx]$/;
const ORGANIZATION_CREDENTIAL = /^[0-9A-HJ-NP-RT-UW-Ya-hj-np-rt-uw-y]{18}$/;

/**
 * Turns a multipart intake submission into the use case's input, or throws an
 * ApiProblem listing every problem found: 415 when a file is not a JPEG, PNG
 * or PDF by its content, 413 when the files together are too large, else 400.
 */
export async function parseIntakeSubmission(
  body: Record<string, unknown> | undefined,
  files: ReceivedFiles | undefined,
  now: Date,
  limits: { maxRequestBytes: number; maxAgeDays: number },
): Promise<{ application: IntakeApplication; documents: UploadedDocument[] }> {
  const problems: FieldProblem[] = [];
  const { application, requirement } = parseRequestField(
    body?.request,
    { now, maxAgeDays: limits.maxAgeDays },
    problems,
  );
  const documents = await parseDocuments(files ?? {}, requirement, problems);

  throwIfProblems(documents, problems, limits);
  if (!application) throw ApiProblem.invalid(problems);
  return { application, documents };
}

/** What the request for information asked for, for the request's subject type. */
export interface ResubmissionTerms {
  subjectType: SubjectType;
  documents: readonly DocumentKind[];
  fields: readonly CorrectableField[];
}

/**
 * A resubmission: new versions of the documents asked for, and corrected values of the
 * fields asked for in its optional `request` JSON (shaped like intake's), each checked
 * with intake's rules; every document or field not asked for, and every one asked for
 * but missing, is named. Without `terms` (the request is not waiting for the applicant,
 * which the desk then says) only the documents and values themselves are checked.
 */
export async function parseResubmission(
  body: Record<string, unknown> | undefined,
  files: ReceivedFiles | undefined,
  terms: ResubmissionTerms | null,
  rules: FieldRules & { maxRequestBytes: number },
): Promise<{ documents: UploadedDocument[]; values: CorrectedValues }> {
  const problems: FieldProblem[] = [];
  const raw = body?.request;
  const json = raw === undefined || raw === '' ? {} : readRequestJson(raw, problems);
  let values: CorrectedValues = {};
  if (json !== undefined) {
    const answered = answeredFields(json, terms, problems);
    const checked = checkApplicationFields(
      answered,
      correctionRequestSchema,
      { ...rules, subjectType: terms?.subjectType ?? null },
      problems,
    );
    if (checked) values = correctedValuesOf(checked.values);
  }
  const received = files ?? {};
  const documents = await parseDocuments(received, null, problems);
  if (terms) {
    const asked = terms.documents.join(', ');
    for (const document of documents) {
      if (terms.documents.includes(document.kind)) continue;
      problems.push(
        fieldProblem(
          document.kind,
          'document.not-requested',
          msg('api.document.notRequested', {
            field: document.kind,
            asked,
            count: terms.documents.length,
          }),
        ),
      );
    }
    for (const kind of terms.documents) {
      if (received[kind]?.[0]) continue;
      problems.push(
        fieldProblem(
          kind,
          'document.required',
          msg('api.document.requested', { field: kind, label: msg(`request.document.${kind}`) }),
        ),
      );
    }
  }
  throwIfProblems(documents, problems, rules);
  return { documents, values };
}

/** The terms of a resubmission while the request waits for the applicant (else null). */
export function resubmissionTerms(current: RequestStatusView): ResubmissionTerms | null {
  if (current.status !== 'AWAITING_APPLICANT' || !current.informationRequest) return null;
  const { documents, fields } = current.informationRequest;
  return { subjectType: current.subjectType, documents, fields };
}

/** The domain's refusal of an answer that does not match, as the API names each item. */
export function resubmissionMismatchProblem(error: ResubmissionMismatchError): ApiProblem {
  const { missingDocuments, unaskedDocuments, missingFields, unaskedFields } = error.mismatch;
  return ApiProblem.invalid([
    ...unaskedDocuments.map((kind) =>
      fieldProblem(
        kind,
        'document.not-requested',
        msg('api.document.notRequested', { field: kind, asked: '', count: 0 }),
      ),
    ),
    ...missingDocuments.map((kind) =>
      fieldProblem(
        kind,
        'document.required',
        msg('api.document.requested', { field: kind, label: msg(`request.document.${kind}`) }),
      ),
    ),
    ...unaskedFields.map((field) =>
      fieldProblem(
        field,
        'field.not-requested',
        msg('api.field.notRequested', { field, asked: '', count: 0 }),
      ),
    ),
    ...missingFields.map((field) =>
      fieldProblem(field, 'field.required', msg('api.field.requested', { field })),
    ),
  ]);
}

/**
 * The part of a resubmission's `request` JSON that answers the request for information:
 * the correctable fields asked for (or all of them, without `terms`). Every other key is
 * named — a correctable field not asked for, an intake field that cannot be corrected, a
 * key intake does not know — and so is each field asked for and not sent.
 */
function answeredFields(
  json: unknown,
  terms: ResubmissionTerms | null,
  problems: FieldProblem[],
): Record<string, unknown> {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    problems.push(
      fieldProblem(
        'request',
        'field.invalid-type',
        msg('api.field.invalidType', { field: 'request', expected: 'object' }),
      ),
    );
    return {};
  }
  const asked = terms?.fields ?? CORRECTABLE_FIELDS;
  const answered: Record<string, unknown> = {};
  const answer = (path: string, value: unknown): void => {
    if (isCorrectableField(path) && asked.includes(path)) {
      const [head, tail] = path.split('.') as [string, string | undefined];
      if (tail === undefined) answered[head] = value;
      else answered[head] = { ...asObject(answered[head]), [tail]: value };
      return;
    }
    problems.push(
      isCorrectableField(path)
        ? fieldProblem(
            path,
            'field.not-requested',
            msg('api.field.notRequested', {
              field: path,
              asked: asked.join(', '),
              count: asked.length,
            }),
          )
        : (NOT_CORRECTABLE_FIELDS as readonly string[]).includes(path)
          ? fieldProblem(
              path,
              'field.not-correctable',
              msg('api.field.notCorrectable', { field: path }),
            )
          : fieldProblem(path, 'field.unknown', msg('api.field.unknown', { field: path })),
    );
  };
  for (const [key, value] of Object.entries(json as Record<string, unknown>)) {
    if (key !== 'applicant') answer(key, value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [part, inner] of Object.entries(value)) answer(`applicant.${part}`, inner);
    } else if (asked.some((field) => field.startsWith('applicant.'))) answered[key] = value;
    else answer(key, value);
  }
  if (terms) {
    for (const field of terms.fields) {
      const [head, tail] = field.split('.') as [string, string | undefined];
      const value = tail === undefined ? answered[head] : asObject(answered[head])[tail];
      if (value === undefined && !(tail !== undefined && isMalformed(answered[head])))
        problems.push(fieldProblem(field, 'field.required', msg('api.field.requested', { field })));
    }
  }
  return answered;
}

/** A value sent where an object belongs (its type is the problem then, not what it lacks). */
const isMalformed = (value: unknown): boolean =>
  value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value));

function throwIfProblems(
  documents: UploadedDocument[],
  problems: FieldProblem[],
  limits: { maxRequestBytes: number },
): void {
  const total = documents.reduce((sum, document) => sum + document.content.length, 0);
  if (total > limits.maxRequestBytes) {
    throw new ApiProblem(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'too-large',
      'request.too-large',
      msg('api.problem.tooLarge.title'),
      // Byte counts as plain digits, as a client compares them with its own.
      msg('api.problem.tooLarge.detail', {
        total: String(total),
        max: String(limits.maxRequestBytes),
      }),
    );
  }
  if (problems.some((problem) => problem.code === 'file.unsupported-type')) {
    throw new ApiProblem(
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      'unsupported-media-type',
      'file.unsupported-type',
      msg('api.problem.unsupportedType.title'),
      msg('api.problem.unsupportedType.detail'),
      problems,
    );
  }
  if (problems.length > 0) throw ApiProblem.invalid(problems);
}

/**
 * What the documents check needs to know about the request: the subject type
 * and the applicant's role, each null when the client sent it malformed (then
 * only the documents every subject type or role requires are asked for).
 */
interface DocumentRequirement {
  subjectType: SubjectType | null;
  applicantRole: ApplicantRole | null;
}

const UNKNOWN_REQUIREMENT: DocumentRequirement = { subjectType: null, applicantRole: null };

function parseRequestField(
  raw: unknown,
  rules: FieldRules,
  problems: FieldProblem[],
): { application: IntakeApplication | null; requirement: DocumentRequirement } {
  const json = readRequestJson(raw, problems);
  if (json === undefined) return { application: null, requirement: UNKNOWN_REQUIREMENT };
  const input = asObject(json);
  const subjectType = intakeRequestSchema.shape.subjectType.safeParse(input.subjectType);
  const applicantRole = applicantSchema.shape.role.safeParse(asObject(input.applicant).role);
  const requirement: DocumentRequirement = {
    subjectType: subjectType.success ? subjectType.data : null,
    applicantRole: applicantRole.success ? applicantRole.data : null,
  };
  const checked = checkApplicationFields(
    json,
    intakeRequestSchema,
    { ...rules, subjectType: requirement.subjectType },
    problems,
  );
  if (!checked) return { application: null, requirement };
  const { values: data, filing } = checked;
  const application: IntakeApplication = {
    externalId: data.externalId,
    receivedAt: new Date(data.receivedAt),
    subjectType: data.subjectType,
    filingNumber: filing!.normalized,
    subjectFilingNumber: filing!.subjectNumber,
    province: filing!.province,
    subjectName: data.subjectName,
    credentialNumber: data.credentialNumber.toUpperCase(),
    applicant: {
      name: data.applicant.name,
      idNumber: data.applicant.idNumber.toUpperCase(),
      role: data.applicant.role,
      phone: data.applicant.phone,
    },
    newAccountEmail: data.newAccountEmail.toLowerCase(),
    aliyunAccountId: data.aliyunAccountId,
  };
  return { application, requirement };
}

/**
 * The `request` form field as JSON, or undefined (with its problem) when it is
 * missing or not JSON.
 */
export function readRequestJson(raw: unknown, problems: FieldProblem[]): unknown {
  if (raw === undefined || raw === '') {
    problems.push(fieldProblem('request', 'field.required', msg('api.field.request.required')));
    return undefined;
  }
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    problems.push(fieldProblem('request', 'field.invalid-json', msg('api.field.request.notJson')));
    return undefined;
  }
}

/** What the field rules need besides the fields themselves. */
export interface FieldRules {
  now: Date;
  /** INTAKE_MAX_AGE_DAYS: how old `receivedAt` may be, in days (0: any age). */
  maxAgeDays: number;
}

/**
 * The intake's rules for the fields of the `request` JSON, in one place for intake and for
 * the values a resubmission corrects: `schema` checks the shape (every key known, lengths
 * counted as stored, no control characters or unpaired surrogates: `intakeRequestSchema`,
 * or a partial of it for corrections), then `receivedAt` must be neither in the future nor
 * older than `maxAgeDays`, the filing number and `applicant.idNumber` must pass their
 * checks, and `credentialNumber` must have the shape of the credential of `subjectType`
 * (the request's own when it is not in the JSON). Each check looks at whatever fields are
 * present and well-formed, so one answer lists every problem. Returns the checked values
 * (trimmed; `subjectName` NFKC-normalised) and the parsed filing number when there was
 * one, or null when a problem was pushed.
 */
export function checkApplicationFields<Schema extends z.ZodType>(
  json: unknown,
  schema: Schema,
  rules: FieldRules & { subjectType: SubjectType | null },
  problems: FieldProblem[],
): { values: z.output<Schema>; filing: IcpFilingNumber | null } | null {
  const before = problems.length;
  const parsed = schema.safeParse(json);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, json));
  const input = asObject(json);
  const applicantInput = asObject(input.applicant);

  const receivedAt = intakeRequestSchema.shape.receivedAt.safeParse(input.receivedAt);
  if (receivedAt.success) {
    const problem = receivedAtProblem(new Date(receivedAt.data), rules);
    if (problem) problems.push(problem);
  }

  let filing: IcpFilingNumber | null = null;
  if (typeof input.filingNumber === 'string' && input.filingNumber.trim()) {
    const result = parseIcpFilingNumber(input.filingNumber);
    if (result.ok) filing = result;
    else problems.push(filingNumberProblem('filingNumber', result));
  }

  if (typeof applicantInput.idNumber === 'string' && applicantInput.idNumber.trim()) {
    const id = validateResidentIdNumber(applicantInput.idNumber.trim(), rules.now);
    if (!id.valid) problems.push(idNumberProblem('applicant.idNumber', id));
  }

  const { subjectType } = rules;
  if (subjectType && typeof input.credentialNumber === 'string' && input.credentialNumber.trim()) {
    const shape = subjectType === 'INDIVIDUAL' ? INDIVIDUAL_CREDENTIAL : ORGANIZATION_CREDENTIAL;
    if (!shape.test(input.credentialNumber.trim())) {
      problems.push(
        fieldProblem(
          'credentialNumber',
          'credential-number.invalid',
          msg('api.field.credentialNumber', { field: 'credentialNumber', subjectType }),
        ),
      );
    }
  }

  if (!parsed.success || problems.length > before) return null;
  return { values: parsed.data, filing };
}

/** `receivedAt` later than now (beyond clock skew), or older than INTAKE_MAX_AGE_DAYS. */
function receivedAtProblem(receivedAt: Date, { now, maxAgeDays }: FieldRules): FieldProblem | null {
  const field = 'receivedAt';
  if (receivedAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    return fieldProblem(field, 'received-at.future', msg('api.field.receivedAtFuture', { field }));
  if (maxAgeDays > 0 && receivedAt.getTime() < now.getTime() - maxAgeDays * DAY_MS)
    return fieldProblem(
      field,
      'received-at.too-old',
      msg('api.field.receivedAtTooOld', { field, days: maxAgeDays }),
    );
  return null;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

async function parseDocuments(
  files: ReceivedFiles,
  requirement: DocumentRequirement | null,
  problems: FieldProblem[],
): Promise<UploadedDocument[]> {
  const documents: UploadedDocument[] = [];
  for (const kind of DOCUMENT_KINDS) {
    const file = files[kind]?.[0];
    if (!file) continue;
    if (file.size === 0) {
      problems.push(fieldProblem(kind, 'file.empty', msg('api.file.empty', { field: kind })));
      continue;
    }
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(detected.mime)) {
      problems.push(
        fieldProblem(
          kind,
          'file.unsupported-type',
          detected
            ? msg('api.file.unsupportedTypeDetected', { field: kind, detected: detected.mime })
            : msg('api.file.unsupportedType', { field: kind }),
        ),
      );
      continue;
    }
    documents.push({
      kind,
      content: file.buffer,
      mediaType: detected.mime,
      originalName: safeOriginalName(file.originalname),
    });
  }
  if (requirement) {
    for (const kind of documentsRequiredBy(requirement)) {
      if (!files[kind]?.[0]) problems.push(missingDocument(kind, requirement.subjectType));
    }
  }
  return documents;
}

/** The documents required whatever the malformed subject type or role turns out to be. */
function documentsRequiredBy({ subjectType, applicantRole }: DocumentRequirement): DocumentKind[] {
  const types = subjectType ? [subjectType] : SUBJECT_TYPES;
  const roles = applicantRole ? [applicantRole] : APPLICANT_ROLES;
  return DOCUMENT_KINDS.filter((kind) =>
    types.every((type) => roles.every((role) => requiredDocuments(type, role).includes(kind))),
  );
}

function missingDocument(kind: DocumentKind, subjectType: SubjectType | null): FieldProblem {
  const label = msg(`request.document.${kind}`);
  return fieldProblem(
    kind,
    'document.required',
    kind === 'AUTHORIZATION_LETTER'
      ? msg('api.document.authorizationLetterRequired', { field: kind })
      : subjectType
        ? msg('api.document.requiredFor', { field: kind, subjectType, label })
        : msg('api.document.required', { field: kind, label }),
  );
}

/** The name as the client sent it, kept for the record only: no control characters, at most 255 characters. */
export function safeOriginalName(name: string): string {
  // multipart parsers read a plain filename="…" as latin1; UTF-8 names arrive as its bytes.
  // eslint-disable-next-line no-control-regex
  const decoded = /^[\u0000-\u00ff]*$/.test(name)
    ? Buffer.from(name, 'latin1').toString('utf8')
    : name;
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'unnamed').slice(0, 255);
}
