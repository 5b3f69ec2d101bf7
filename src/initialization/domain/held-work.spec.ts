import { describe, expect, it } from '@jest/globals';
import { InitializationRequest, type NewRequest, type Reviewer } from './initialization-request.js';
import { InvalidTransitionError, NotAReviewerError } from './initialization-request.errors.js';

const t0 = new Date('2026-11-23T02:00:00Z');
const later = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);
const deadline = {
  dueAt: new Date('2026-11-25T10:00:00Z'),
  atRiskAt: new Date('2026-11-25T06:00:00Z'),
};

const liNa: Reviewer = { kind: 'STAFF', id: 'r-li', role: 'REVIEWER', name: 'Li Na' };
const wangFang: Reviewer = {
  kind: 'STAFF',
  id: 's-wang',
  role: 'SENIOR_REVIEWER',
  name: 'Wang Fang',
};
const zhaoMin: Reviewer = { kind: 'STAFF', id: 'a-zhao', role: 'AUDITOR', name: 'Zhao Min' };

function newRequest(
  subjectType: 'INDIVIDUAL' | 'ORGANIZATION' = 'INDIVIDUAL',
): InitializationRequest {
  const input: NewRequest = {
    id: 'req-1',
    reference: 'INIT-2026-000001',
    externalId: 'ext-1',
    intakeClient: 'filing-portal',
    receivedAt: t0,
    subjectType,
    filing: {
      filingNumber: '浙ICP备12345678号',
      subjectFilingNumber: '浙ICP备12345678号',
      province: '浙',
      subjectName: '王小明',
      credentialNumber: '11010519491231002X',
    },
    applicant: {
      name: '王小明',
      idNumber: '11010519491231002X',
      role: 'SUBJECT_ADMIN',
      phone: '13800000000',
    },
    newAccountEmail: 'new@example.cn',
    aliyunAccountId: '1234567890',
    subjectId: 'subject-1',
    riskFlags: [],
    documents: (['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'] as const).map((kind) => ({
      id: `doc-${kind}`,
      kind,
      mediaType: 'image/jpeg',
      sizeBytes: 1000,
      sha256: kind.padEnd(64, '0'),
      storageKey: null,
      originalName: `${kind}.jpg`,
      uploadedAt: t0,
      supersededAt: null,
      replacesDocumentId: null,
      purgedAt: null,
    })),
  };
  const request = InitializationRequest.submit(input, deadline, t0);
  request.pullEvents();
  return request;
}

function inReviewWithChecks(): InitializationRequest {
  const request = newRequest('ORGANIZATION');
  request.claim(liNa, later(1));
  request.recordChecks(
    liNa,
    request.currentDocuments.map((document) => ({
      documentId: document.id,
      legible: true,
      authentic: true,
      valid: true,
      matchesApplication: true,
      note: '',
    })),
    later(2),
  );
  request.pullEvents();
  return request;
}

function awaitingApplicant(): InitializationRequest {
  const request = inReviewWithChecks();
  request.requestInformation(
    liNa,
    { documents: ['ID_FRONT'], fields: [], message: 'The photo is dark.' },
    later(10_000),
    later(3),
  );
  request.pullEvents();
  return request;
}

describe('the held work of a deactivated reviewer', () => {
  it('is held by them only while open', () => {
    const request = inReviewWithChecks();
    expect(request.isHeldBy(liNa.id)).toBe(true);
    expect(request.isHeldBy(wangFang.id)).toBe(false);
    request.withdraw(later(4));
    expect(request.isHeldBy(liNa.id)).toBe(false);
  });

  it('released in review, goes back to the queue with its checks and deadline, audited as a release from them', () => {
    const request = inReviewWithChecks();
    request.releaseFromDeactivatedHolder(later(5));
    const props = request.toProps();
    expect(request.status).toBe('PENDING_REVIEW');
    expect(request.assigneeId).toBeNull();
    expect(props.checks).toHaveLength(3);
    expect(props.sla.dueAt).toEqual(deadline.dueAt);
    expect(request.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'request.released',
        details: {
          fromId: liNa.id,
          fromName: 'Li Na',
          because: 'holder-deactivated',
          status: 'PENDING_REVIEW',
        },
      }),
    ]);
  });

  it('released while awaiting the applicant, keeps waiting for them, and the answer comes to the queue', () => {
    const request = awaitingApplicant();
    request.releaseFromDeactivatedHolder(later(5));
    expect(request.status).toBe('AWAITING_APPLICANT');
    expect(request.assigneeId).toBeNull();
    expect(request.informationRequest?.message).toBe('The photo is dark.');
    expect(request.toProps().sla.expiresAt).toEqual(later(10_000));
    request.resubmit(
      {
        documents: [
          {
            id: 'doc-new',
            kind: 'ID_FRONT',
            mediaType: 'image/jpeg',
            sizeBytes: 10,
            sha256: 'f'.repeat(64),
            storageKey: null,
            originalName: 'new.jpg',
            uploadedAt: later(6),
          },
        ],
        values: {},
      },
      { riskFlags: [], subjectId: 'subject-1' },
      deadline,
      later(6),
    );
    expect(request.status).toBe('PENDING_REVIEW');
  });

  it('released while awaiting the second approval, keeps waiting for it, and a return goes to the queue', () => {
    const request = inReviewWithChecks();
    request.approve(
      liNa,
      { subjectId: 'subject-1', accountHeldByOtherSubject: false, accountEmail: 'old@example.cn' },
      later(3),
    );
    request.releaseFromDeactivatedHolder(later(5));
    expect(request.status).toBe('AWAITING_SECOND_APPROVAL');
    expect(request.toProps().firstApproval?.byName).toBe('Li Na');
    request.returnForReview(wangFang, 'Check the letter again.', later(6));
    expect(request.status).toBe('PENDING_REVIEW');
    expect(request.assigneeId).toBeNull();
  });

  it('reassigned to a senior, keeps its state and names both in the event', () => {
    const request = awaitingApplicant();
    request.reassignFromDeactivatedHolder(wangFang, later(5));
    expect(request.status).toBe('AWAITING_APPLICANT');
    expect(request.assigneeId).toBe(wangFang.id);
    expect(request.pullEvents()).toEqual([
      expect.objectContaining({
        type: 'request.reassigned',
        details: {
          fromId: liNa.id,
          fromName: 'Li Na',
          assigneeId: wangFang.id,
          assigneeName: 'Wang Fang',
          because: 'holder-deactivated',
          status: 'AWAITING_APPLICANT',
        },
      }),
    ]);
  });

  it('is never handed to somebody who cannot review, nor released when nobody holds it', () => {
    expect(() => inReviewWithChecks().reassignFromDeactivatedHolder(zhaoMin, later(5))).toThrow(
      NotAReviewerError,
    );
    expect(() => newRequest().releaseFromDeactivatedHolder(later(5))).toThrow(
      InvalidTransitionError,
    );
    const released = inReviewWithChecks();
    released.releaseFromDeactivatedHolder(later(5));
    expect(() => released.releaseFromDeactivatedHolder(later(6))).toThrow(InvalidTransitionError);
  });
});
