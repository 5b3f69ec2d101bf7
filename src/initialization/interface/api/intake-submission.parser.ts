import { HttpStatus } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { parseIcpFilingNumber, validateResidentIdNumber } from '@lib/credentials';
import { msg } from '../../../shared/i18n/message.js';
import { ApiProblem, type FieldProblem } from '../../../shared/interface/http/problem-details.js';
import type {
  IntakeApplication,
  UploadedDocument,
} from '../../application/commands/submit-request/submit-request.command.js';
import {
  DOCUMENT_KINDS,
  requiredDocuments,
  type DocumentKind,
} from '../../domain/document-kind.js';
import {
  APPLICANT_ROLES,
  SUBJECT_TYPES,
  type ApplicantRole,
  type SubjectType,
} from '../../domain/subject-type.js';
import { filingNumberProblem, idNumberProblem, schemaProblems } from './intake-field-problems.js';
import { fieldProblem } from './intake-problem-codes.js';
import { intakeRequestSchema } from './intake-request.schema.js';

/** Files as multer hands them over: one array per form field. */
export type ReceivedFiles = Partial<Record<string, Express.Multer.File[]>>;

export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;
const CLOCK_SKEW_MS = 5 * 60_000;
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
  limits: { maxRequestBytes: number },
): Promise<{ application: IntakeApplication; documents: UploadedDocument[] }> {
  const problems: FieldProblem[] = [];
  const { application, requirement } = parseRequestField(body?.request, now, problems);
  const documents = await parseDocuments(files ?? {}, requirement, problems);

  throwIfProblems(documents, problems, limits);
  if (!application) throw ApiProblem.invalid(problems);
  return { application, documents };
}

/**
 * A resubmission: replacement documents only, with the same checks as intake
 * (content sniffing, sizes); which kinds were asked for is the request's rule.
 */
export async function parseResubmission(
  files: ReceivedFiles | undefined,
  limits: { maxRequestBytes: number },
): Promise<UploadedDocument[]> {
  const problems: FieldProblem[] = [];
  const documents = await parseDocuments(files ?? {}, null, problems);
  if (documents.length === 0 && problems.length === 0) {
    problems.push(
      fieldProblem(
        'documents',
        'document.none',
        msg('api.document.none', { kinds: DOCUMENT_KINDS.join(', ') }),
      ),
    );
  }
  throwIfProblems(documents, problems, limits);
  return documents;
}

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
  now: Date,
  problems: FieldProblem[],
): { application: IntakeApplication | null; requirement: DocumentRequirement } {
  if (raw === undefined || raw === '') {
    problems.push(fieldProblem('request', 'field.required', msg('api.field.request.required')));
    return { application: null, requirement: UNKNOWN_REQUIREMENT };
  }
  let json: unknown = raw;
  if (typeof raw === 'string') {
    try {
      json = JSON.parse(raw);
    } catch {
      problems.push(
        fieldProblem('request', 'field.invalid-json', msg('api.field.request.notJson')),
      );
      return { application: null, requirement: UNKNOWN_REQUIREMENT };
    }
  }
  const parsed = intakeRequestSchema.safeParse(json);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues, json));
  // The checks below run on whatever fields are well-formed, so one answer lists everything.
  const input = asObject(json);
  const applicantInput = asObject(input.applicant);
  const before = problems.length;

  const receivedAt = intakeRequestSchema.shape.receivedAt.safeParse(input.receivedAt);
  if (receivedAt.success && new Date(receivedAt.data).getTime() > now.getTime() + CLOCK_SKEW_MS) {
    problems.push(
      fieldProblem(
        'receivedAt',
        'received-at.future',
        msg('api.field.receivedAtFuture', { field: 'receivedAt' }),
      ),
    );
  }

  let filing: ReturnType<typeof parseIcpFilingNumber> | null = null;
  if (typeof input.filingNumber === 'string' && input.filingNumber.trim()) {
    filing = parseIcpFilingNumber(input.filingNumber);
    if (!filing.ok) problems.push(filingNumberProblem('filingNumber', filing.reason));
  }

  if (typeof applicantInput.idNumber === 'string' && applicantInput.idNumber.trim()) {
    const id = validateResidentIdNumber(applicantInput.idNumber.trim(), now);
    if (!id.valid) problems.push(idNumberProblem('applicant.idNumber', id.reason));
  }

  const subjectType = intakeRequestSchema.shape.subjectType.safeParse(input.subjectType);
  const applicantRole = intakeRequestSchema.shape.applicant.shape.role.safeParse(
    applicantInput.role,
  );
  const requirement: DocumentRequirement = {
    subjectType: subjectType.success ? subjectType.data : null,
    applicantRole: applicantRole.success ? applicantRole.data : null,
  };

  if (
    requirement.subjectType &&
    typeof input.credentialNumber === 'string' &&
    input.credentialNumber.trim()
  ) {
    const shape =
      requirement.subjectType === 'INDIVIDUAL' ? INDIVIDUAL_CREDENTIAL : ORGANIZATION_CREDENTIAL;
    if (!shape.test(input.credentialNumber.trim())) {
      problems.push(
        fieldProblem(
          'credentialNumber',
          'credential-number.invalid',
          msg('api.field.credentialNumber', {
            field: 'credentialNumber',
            subjectType: requirement.subjectType,
          }),
        ),
      );
    }
  }

  if (!parsed.success || problems.length > before || !filing?.ok)
    return { application: null, requirement };
  const data = parsed.data;
  const application: IntakeApplication = {
    externalId: data.externalId,
    receivedAt: new Date(data.receivedAt),
    subjectType: data.subjectType,
    filingNumber: filing.normalized,
    subjectFilingNumber: filing.subjectNumber,
    province: filing.province,
    subjectName: data.subjectName.normalize('NFKC'),
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
function safeOriginalName(name: string): string {
  // multipart parsers read a plain filename="…" as latin1; UTF-8 names arrive as its bytes.
  // eslint-disable-next-line no-control-regex
  const decoded = /^[\u0000-\u00ff]*$/.test(name)
    ? Buffer.from(name, 'latin1').toString('utf8')
    : name;
  // eslint-disable-next-line no-control-regex
  const cleaned = decoded.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (cleaned || 'unnamed').slice(0, 255);
}
