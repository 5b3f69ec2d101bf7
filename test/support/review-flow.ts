import { randomBytes, randomUUID } from 'node:crypto';
import type { Command } from '@nestjs/cqrs';
import { ApproveRequestCommand } from '../../src/initialization/application/commands/approve-request/approve-request.command.js';
import { ClaimRequestCommand } from '../../src/initialization/application/commands/claim-request/claim-request.command.js';
import { RecordDocumentChecksCommand } from '../../src/initialization/application/commands/record-document-checks/record-document-checks.command.js';
import type { DocumentKind } from '../../src/initialization/domain/document-kind.js';
import {
  InitializationRequest,
  type DocumentCheckInput,
  type Deadline,
} from '../../src/initialization/domain/initialization-request.js';
import type { RiskFlag } from '../../src/initialization/domain/risk-flag.js';
import type { ApplicantRole, SubjectType } from '../../src/initialization/domain/subject-type.js';
import type { StaffActor } from '../../src/shared/domain/actor.js';
import type { StaffRole } from '../../src/shared/domain/staff-role.js';

/** What sends commands: the app's CommandBus, or a unit test's handlers. */
export interface CommandSender {
  execute<R>(command: Command<R>): Promise<R>;
}

/** A member of staff as the handlers see one, with a fresh id. */
export function staffActor(role: StaffRole, name: string): StaffActor {
  return { kind: 'STAFF', id: randomUUID(), role, name };
}

/** A filing number no other test uses: `浙ICP备12345678号`. */
export const uniqueFilingNumber = (): string =>
  `浙ICP备${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}号`;

/**
 * A request as it arrives, not yet stored, with fresh ids (UUIDs, as the tables want):
 * an individual with the three documents by default; an organization or an applicant
 * other than the subject's administrator adds the authorization letter.
 */
export function aNewRequest(
  options: {
    reference?: string;
    subjectType?: SubjectType;
    role?: ApplicantRole;
    flags?: RiskFlag[];
    subjectFilingNumber?: string;
    subjectName?: string;
    intakeClient?: string;
    externalId?: string;
    receivedAt?: Date;
    deadline?: Deadline | null;
    /** Document hashes, by kind (default: random). */
    sha256?: Partial<Record<DocumentKind, string>>;
  } = {},
): InitializationRequest {
  const receivedAt = options.receivedAt ?? new Date('2026-11-23T02:00:00Z');
  const subjectType = options.subjectType ?? 'INDIVIDUAL';
  const role = options.role ?? (subjectType === 'INDIVIDUAL' ? 'SUBJECT_ADMIN' : 'OTHER');
  const kinds: DocumentKind[] = ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'];
  if (subjectType === 'ORGANIZATION' || role !== 'SUBJECT_ADMIN')
    kinds.push('AUTHORIZATION_LETTER');
  const subjectFilingNumber = options.subjectFilingNumber ?? uniqueFilingNumber();
  return InitializationRequest.submit(
    {
      id: randomUUID(),
      reference: options.reference ?? `INIT-T-${randomBytes(6).toString('hex')}`,
      externalId: options.externalId ?? `ext-${randomUUID()}`,
      intakeClient: options.intakeClient ?? 'test-client',
      receivedAt,
      subjectType,
      filing: {
        filingNumber: `${subjectFilingNumber}-1`,
        subjectFilingNumber,
        province: '浙',
        subjectName:
          options.subjectName ?? (subjectType === 'INDIVIDUAL' ? '王小明' : '宁波示例网络有限公司'),
        credentialNumber: '11010519491231002X',
      },
      applicant: {
        name: '王小明',
        idNumber: '11010519491231002X',
        role,
        phone: '13800000000',
      },
      newAccountEmail: 'new-owner@example.cn',
      aliyunAccountId: `aliyun-${randomBytes(4).toString('hex')}`,
      subjectId: null,
      riskFlags: options.flags ?? [],
      documents: kinds.map((kind) => ({
        id: randomUUID(),
        kind,
        mediaType: 'image/jpeg',
        sizeBytes: 1000,
        sha256: options.sha256?.[kind] ?? randomBytes(32).toString('hex'),
        storageKey: null,
        originalName: `${kind.toLowerCase()}.jpg`,
        uploadedAt: receivedAt,
        supersededAt: null,
        replacesDocumentId: null,
        purgedAt: null,
      })),
    },
    options.deadline === undefined
      ? {
          dueAt: new Date(receivedAt.getTime() + 2 * 86_400_000),
          atRiskAt: new Date(receivedAt.getTime() + 86_400_000),
        }
      : options.deadline,
    receivedAt,
  );
}

/** Which request to review, and the ids of its current documents (what the checks name). */
export interface ReviewTarget {
  id: string;
  documentIds: readonly string[];
}

const targetOf = (request: ReviewTarget | InitializationRequest): ReviewTarget =>
  request instanceof InitializationRequest
    ? { id: request.id, documentIds: request.currentDocuments.map((document) => document.id) }
    : request;

/** A check of each document: every answer yes, unless `answer` says otherwise. */
export function checksOf(
  documentIds: readonly string[],
  answer: (documentId: string) => Partial<DocumentCheckInput> = () => ({}),
): DocumentCheckInput[] {
  return documentIds.map((documentId) => ({
    documentId,
    legible: true,
    authentic: true,
    valid: true,
    matchesApplication: true,
    note: '',
    ...answer(documentId),
  }));
}

/** The reviewer claims the request and records a check of each document (all yes by default). */
export async function claimAndCheck(
  bus: CommandSender,
  request: ReviewTarget | InitializationRequest,
  reviewer: StaffActor,
  answer?: (documentId: string) => Partial<DocumentCheckInput>,
): Promise<void> {
  const target = targetOf(request);
  await bus.execute(new ClaimRequestCommand(target.id, reviewer, null));
  await bus.execute(
    new RecordDocumentChecksCommand(
      target.id,
      reviewer,
      checksOf(target.documentIds, answer),
      null,
    ),
  );
}

/**
 * The review most tests need before the part they are about: claim, every document
 * checked yes, approve. Returns the approval's outcome (final, or waiting for a second
 * senior).
 */
export async function claimCheckAndApprove(
  bus: CommandSender,
  request: ReviewTarget | InitializationRequest,
  reviewer: StaffActor,
): Promise<'APPROVED' | 'AWAITING_SECOND_APPROVAL'> {
  await claimAndCheck(bus, request, reviewer);
  return bus.execute(new ApproveRequestCommand(targetOf(request).id, reviewer, null));
}
