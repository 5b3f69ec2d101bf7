import { isCorrectableField } from '../../domain/correctable-field.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../domain/document-kind.js';
import {
  InitializationRequest,
  type Approval,
  type Correction,
  type Decision,
  type InformationRequest,
  type InitializationRequestProps,
  type ReturnNote,
} from '../../domain/initialization-request.js';
import type { RequestStatus } from '../../domain/request-status.js';
import type { RiskFlag } from '../../domain/risk-flag.js';
import type { ApplicantRole, SubjectType } from '../../domain/subject-type.js';
import {
  DocumentCheckEntity,
  InitializationRequestEntity,
  RequestDocumentEntity,
  type Stored,
  type StoredInformationRequest,
} from './initialization-request.entity.js';

const date = (value: string): Date => new Date(value);
const approval = (stored: Stored<Approval> | null): Approval | null =>
  stored ? { ...stored, at: date(stored.at) } : null;
const storeApproval = (value: Approval | null): Stored<Approval> | null =>
  value ? { ...value, at: value.at.toISOString() } : null;

/**
 * Rows written before fields were named by code hold free text in `fields`: what is a
 * correctable field's code is read as one, anything else is kept as free text to show.
 */
function informationRequestOf(stored: StoredInformationRequest): InformationRequest {
  const { fields, freeTextFields = [], ...rest } = stored;
  return {
    ...rest,
    fields: fields.filter(isCorrectableField),
    freeTextFields: [...freeTextFields, ...fields.filter((field) => !isCorrectableField(field))],
    requestedAt: date(stored.requestedAt),
  };
}

const correctionOf = (stored: Stored<Correction>): Correction => ({
  ...stored,
  at: date(stored.at),
});

export const InitializationRequestMapper = {
  toDomain(
    row: InitializationRequestEntity,
    documents: RequestDocumentEntity[],
    checks: DocumentCheckEntity[],
  ): InitializationRequest {
    const decision: Decision | null = row.decision
      ? { ...row.decision, at: date(row.decision.at) }
      : null;
    const informationRequest = row.informationRequest
      ? informationRequestOf(row.informationRequest)
      : null;
    const returnNote: ReturnNote | null = row.returnNote
      ? { ...row.returnNote, at: date(row.returnNote.at) }
      : null;
    const props: InitializationRequestProps = {
      id: row.id,
      reference: row.reference,
      externalId: row.externalId,
      intakeClient: row.intakeClient,
      receivedAt: row.receivedAt,
      subjectType: row.subjectType as SubjectType,
      filing: {
        filingNumber: row.filingNumber,
        subjectFilingNumber: row.subjectFilingNumber,
        province: row.province,
        subjectName: row.subjectName,
        credentialNumber: row.credentialNumber,
      },
      applicant: {
        name: row.applicantName,
        idNumber: row.applicantIdNumber,
        role: row.applicantRole as ApplicantRole,
        phone: row.applicantPhone,
      },
      newAccountEmail: row.newAccountEmail,
      aliyunAccountId: row.aliyunAccountId,
      subjectId: row.subjectId,
      riskFlags: row.riskFlags as RiskFlag[],
      documents: documents
        .map((document) => ({
          id: document.id,
          kind: document.kind as DocumentKind,
          mediaType: document.mediaType,
          sizeBytes: document.sizeBytes,
          sha256: document.sha256,
          storageKey: document.storageKey,
          originalName: document.originalName,
          uploadedAt: document.uploadedAt,
          supersededAt: document.supersededAt,
          replacesDocumentId: document.replacesDocumentId,
          purgedAt: document.purgedAt ?? null,
        }))
        .sort(
          (a, b) =>
            a.uploadedAt.getTime() - b.uploadedAt.getTime() ||
            DOCUMENT_KINDS.indexOf(a.kind) - DOCUMENT_KINDS.indexOf(b.kind),
        ),
      checks: checks.map((check) => ({
        documentId: check.documentId,
        legible: check.legible,
        authentic: check.authentic,
        valid: check.valid,
        matchesApplication: check.matchesApplication,
        note: check.note,
        checkedBy: check.checkedBy,
        checkedByName: check.checkedByName,
        checkedAt: check.checkedAt,
      })),
      status: row.status as RequestStatus,
      assigneeId: row.assigneeId,
      assigneeName: row.assigneeName,
      firstApproval: approval(row.firstApproval),
      secondApproval: approval(row.secondApproval),
      decision,
      informationRequest,
      returnNote,
      corrections: (row.corrections ?? []).map(correctionOf),
      sla: {
        clockStartedAt: row.clockStartedAt,
        dueAt: row.dueAt,
        atRiskAt: row.atRiskAt,
        expiresAt: row.expiresAt,
        atRiskFlaggedAt: row.atRiskFlaggedAt,
        breachedFlaggedAt: row.breachedFlaggedAt,
        outcome: row.slaOutcome as 'MET' | 'MISSED' | null,
      },
      version: row.version,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
    };
    return InitializationRequest.restore(props);
  },

  toEntities(request: InitializationRequest): {
    row: InitializationRequestEntity;
    documents: RequestDocumentEntity[];
    checks: DocumentCheckEntity[];
  } {
    const p = request.toProps();
    const row = Object.assign(new InitializationRequestEntity(), {
      id: p.id,
      reference: p.reference,
      externalId: p.externalId,
      intakeClient: p.intakeClient,
      receivedAt: p.receivedAt,
      subjectType: p.subjectType,
      filingNumber: p.filing.filingNumber,
      subjectFilingNumber: p.filing.subjectFilingNumber,
      province: p.filing.province,
      subjectName: p.filing.subjectName,
      credentialNumber: p.filing.credentialNumber,
      applicantName: p.applicant.name,
      applicantIdNumber: p.applicant.idNumber,
      applicantRole: p.applicant.role,
      applicantPhone: p.applicant.phone,
      newAccountEmail: p.newAccountEmail,
      aliyunAccountId: p.aliyunAccountId,
      subjectId: p.subjectId,
      riskFlags: p.riskFlags,
      status: p.status,
      assigneeId: p.assigneeId,
      assigneeName: p.assigneeName,
      firstApproval: storeApproval(p.firstApproval),
      secondApproval: storeApproval(p.secondApproval),
      decision: p.decision ? { ...p.decision, at: p.decision.at.toISOString() } : null,
      decidedAt: p.decision?.at ?? null,
      informationRequest: p.informationRequest
        ? { ...p.informationRequest, requestedAt: p.informationRequest.requestedAt.toISOString() }
        : null,
      returnNote: p.returnNote ? { ...p.returnNote, at: p.returnNote.at.toISOString() } : null,
      corrections: p.corrections.map((correction) => ({
        ...correction,
        at: correction.at.toISOString(),
      })),
      clockStartedAt: p.sla.clockStartedAt,
      dueAt: p.sla.dueAt,
      atRiskAt: p.sla.atRiskAt,
      expiresAt: p.sla.expiresAt,
      atRiskFlaggedAt: p.sla.atRiskFlaggedAt,
      breachedFlaggedAt: p.sla.breachedFlaggedAt,
      slaOutcome: p.sla.outcome,
      version: p.version,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    } satisfies InitializationRequestEntity);
    // `purged_at` is the retention job's alone: a request saved from a copy read before a
    // purge committed must not write back the state it read (the upsert leaves it as it is).
    const documents = p.documents.map(({ purgedAt: _purgedAt, ...document }) =>
      Object.assign(new RequestDocumentEntity(), {
        ...document,
        requestId: p.id,
      } satisfies Omit<RequestDocumentEntity, 'purgedAt'>),
    );
    const checks = p.checks.map((check) =>
      Object.assign(new DocumentCheckEntity(), {
        ...check,
        requestId: p.id,
      } satisfies DocumentCheckEntity),
    );
    return { row, documents, checks };
  },
};
