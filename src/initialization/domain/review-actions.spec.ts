import { describe, expect, it } from '@jest/globals';
import type { Message } from '../../shared/i18n/message.js';
import { Translator } from '../../shared/i18n/translator.js';
import type { DocumentKind } from './document-kind.js';
import {
  InitializationRequest,
  type RegistryView,
  type Reviewer,
} from './initialization-request.js';
import { reviewActionsFor } from './review-actions.js';
import type { SubjectType } from './subject-type.js';

const translator = new Translator('Asia/Shanghai');
const english = (reasons: Message[]): string[] =>
  reasons.map((reason) => translator.words('en').text(reason));
const chinese = (reasons: Message[]): string[] =>
  reasons.map((reason) => translator.words('zh-CN').text(reason));

const t0 = new Date('2026-11-23T02:00:00Z');
const later = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);
const liNa: Reviewer = { kind: 'STAFF', id: 'r-li', role: 'REVIEWER', name: 'Li Na' };
const zhangWei: Reviewer = { kind: 'STAFF', id: 'r-zhang', role: 'REVIEWER', name: 'Zhang Wei' };
const wangFang: Reviewer = {
  kind: 'STAFF',
  id: 's-wang',
  role: 'SENIOR_REVIEWER',
  name: 'Wang Fang',
};
const chenJie: Reviewer = {
  kind: 'STAFF',
  id: 's-chen',
  role: 'SENIOR_REVIEWER',
  name: 'Chen Jie',
};
const zhaoMin: Reviewer = { kind: 'STAFF', id: 'a-zhao', role: 'AUDITOR', name: 'Zhao Min' };
const registered: RegistryView = {
  subjectId: 'subject-1',
  accountHeldByOtherSubject: false,
  accountEmail: 'old@example.cn',
};

function newRequest(subjectType: SubjectType = 'INDIVIDUAL'): InitializationRequest {
  const kinds: DocumentKind[] = ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'];
  return InitializationRequest.submit(
    {
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
      documents: kinds.map((kind) => ({
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
    },
    { dueAt: new Date('2026-11-25T10:00:00Z'), atRiskAt: new Date('2026-11-25T06:00:00Z') },
    t0,
  );
}

function checkedBy(request: InitializationRequest, reviewer: Reviewer): InitializationRequest {
  request.recordChecks(
    reviewer,
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
  return request;
}

describe('what a person may do to a request now', () => {
  it('lets any reviewer claim a pending request, and says why an auditor cannot', () => {
    const request = newRequest();
    expect(reviewActionsFor(request, liNa, registered, later(1)).claim).toEqual({
      allowed: true,
      reasons: [],
    });
    const claim = reviewActionsFor(request, zhaoMin, registered, later(1)).claim;
    expect(claim.allowed).toBe(false);
    expect(english(claim.reasons)).toEqual([
      'Only reviewers and senior reviewers can claim requests.',
    ]);
    expect(chinese(claim.reasons)).toEqual(['只有审核员和高级审核员可以认领申请。']);
  });

  it('tells a second reviewer who holds the request', () => {
    const request = newRequest();
    request.claim(liNa, later(1));
    const actions = reviewActionsFor(request, zhangWei, registered, later(2));
    expect(actions.approve.allowed).toBe(false);
    expect(english(actions.approve.reasons)).toContain(
      'Only the reviewer holding this request can approve it.',
    );
    expect(english(actions.reject.reasons)).toEqual([
      'Only the reviewer holding this request can reject it; Li Na holds it.',
    ]);
    expect(chinese(actions.reject.reasons)).toEqual([
      '只有认领该申请的审核员才能驳回该申请；该申请目前由 Li Na 认领。',
    ]);
    expect(actions.release.allowed).toBe(false);
    expect(actions.recordChecks.allowed).toBe(false);
  });

  it('lists every obstacle to approval at once, and none once the checks pass', () => {
    const request = newRequest();
    request.claim(liNa, later(1));
    const before = reviewActionsFor(request, liNa, registered, later(2)).approve;
    expect(before.allowed).toBe(false);
    expect(english(before.reasons).join(' ')).toMatch(/ID card, front is not checked/);
    expect(chinese(before.reasons).join('')).toMatch(/身份证人像面尚未核验；身份证国徽面尚未核验/);
    checkedBy(request, liNa);
    expect(reviewActionsFor(request, liNa, registered, later(3)).approve).toEqual({
      allowed: true,
      reasons: [],
    });
  });

  it('refuses approval of a subject missing from the registry in the words of the decision', () => {
    const request = checkedBy(
      (() => {
        const r = newRequest();
        r.claim(liNa, later(1));
        return r;
      })(),
      liNa,
    );
    const missing = { subjectId: null, accountHeldByOtherSubject: false, accountEmail: null };
    const approve = reviewActionsFor(request, liNa, missing, later(3)).approve;
    expect(approve.allowed).toBe(false);
    expect(english(approve.reasons)[0]).toMatch(
      /No filing subject 浙ICP备12345678号 is in the registry/,
    );
  });

  it('keeps the second approval from the first approver and offers it to another senior', () => {
    const request = newRequest('ORGANIZATION');
    request.claim(wangFang, later(1));
    checkedBy(request, wangFang).approve(wangFang, registered, later(3));
    const own = reviewActionsFor(request, wangFang, registered, later(4));
    expect(own.giveSecondApproval.allowed).toBe(false);
    expect(english(own.giveSecondApproval.reasons)).toEqual([
      'This request was approved by you; a different senior reviewer must give the second approval.',
    ]);
    const other = reviewActionsFor(request, chenJie, registered, later(4));
    expect(other.giveSecondApproval.allowed).toBe(true);
    expect(other.returnForReview.allowed).toBe(true);
    expect(reviewActionsFor(request, liNa, registered, later(4)).giveSecondApproval.allowed).toBe(
      false,
    );
  });

  it('changes nothing on the request it looks at', () => {
    const request = newRequest();
    request.pullEvents();
    const before = JSON.stringify(request.toProps());
    reviewActionsFor(request, liNa, registered, later(1));
    reviewActionsFor(request, wangFang, registered, later(1));
    expect(JSON.stringify(request.toProps())).toBe(before);
    expect(request.pullEvents()).toEqual([]);
  });
});
