import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../shared/domain/domain-error.js';
import { Translator } from '../../shared/i18n/translator.js';
import type { InitializationRequestEvent } from '../contracts/events.js';
import type { DocumentKind } from './document-kind.js';
import {
  InitializationRequest,
  type DocumentCheckInput,
  type NewRequest,
  type RegistryView,
  type RequestDocument,
  type Resubmission,
  type Reviewer,
} from './initialization-request.js';
import {
  ApprovalBlockedError,
  ChecksIncompleteError,
  IncompleteDecisionError,
  InvalidTransitionError,
  NotAReviewerError,
  NotAssigneeError,
  RequestAlreadyClaimedError,
  ResubmissionMismatchError,
  ResubmissionNotExpectedError,
  SameReviewerSecondApprovalError,
  SeniorReviewerOnlyError,
  SubjectNotRegisteredError,
} from './initialization-request.errors.js';
import type { RiskFlag } from './risk-flag.js';
import type { ApplicantRole, SubjectType } from './subject-type.js';

const translator = new Translator('Asia/Shanghai');

/** The refusal `act` meets, as an English reader reads it (or as a Chinese one). */
function refusal(act: () => unknown, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return translator.words(locale).text(error.sentence);
    throw error;
  }
  throw new Error('no refusal');
}

const t0 = new Date('2026-11-23T02:00:00Z'); // Monday 10:00 in Shanghai
const later = (minutes: number): Date => new Date(t0.getTime() + minutes * 60_000);
const deadline = {
  dueAt: new Date('2026-11-25T10:00:00Z'),
  atRiskAt: new Date('2026-11-25T06:00:00Z'),
};

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

function document(kind: DocumentKind, id = `doc-${kind}`): RequestDocument {
  return {
    id,
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
  };
}

/** A new version of a document, as a resubmission sends it. */
function version(kind: DocumentKind, id: string): Resubmission['documents'][number] {
  return {
    id,
    kind,
    mediaType: 'image/jpeg',
    sizeBytes: 2000,
    sha256: id.padEnd(64, '1'),
    storageKey: null,
    originalName: `${kind}-new.jpg`,
    uploadedAt: later(600),
  };
}

function newRequest(
  options: {
    subjectType?: SubjectType;
    role?: ApplicantRole;
    flags?: RiskFlag[];
    kinds?: DocumentKind[];
  } = {},
): InitializationRequest {
  const subjectType = options.subjectType ?? 'INDIVIDUAL';
  const kinds = options.kinds ?? ['ID_FRONT', 'ID_BACK', 'HALF_LENGTH_PHOTO'];
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
      role: options.role ?? 'SUBJECT_ADMIN',
      phone: '13800000000',
    },
    newAccountEmail: 'new@example.cn',
    aliyunAccountId: '1234567890',
    subjectId: 'subject-1',
    riskFlags: options.flags ?? [],
    documents: kinds.map((kind) => document(kind)),
  };
  return InitializationRequest.submit(input, deadline, t0);
}

const allYes = (request: InitializationRequest): DocumentCheckInput[] =>
  request.currentDocuments.map((doc) => ({
    documentId: doc.id,
    legible: true,
    authentic: true,
    valid: true,
    matchesApplication: true,
    note: '',
  }));

function readyToApprove(request: InitializationRequest, reviewer = liNa): InitializationRequest {
  request.claim(reviewer, later(1));
  request.recordChecks(reviewer, allYes(request), later(2));
  return request;
}

/** What a resubmission event says changed (undefined for any other event). */
const changesOf = (event: InitializationRequestEvent | undefined): unknown =>
  event?.type === 'request.resubmitted' ? event.details.changes : undefined;
const eventTypes = (request: InitializationRequest): string[] =>
  request.pullEvents().map((event) => event.type);

describe('an initialization request', () => {
  it('arrives pending review with its deadline and a submitted event', () => {
    const request = newRequest();
    expect(request.status).toBe('PENDING_REVIEW');
    expect(request.toProps().sla.dueAt).toEqual(deadline.dueAt);
    expect(eventTypes(request)).toEqual(['request.submitted']);
  });

  describe('claiming', () => {
    it('puts the request in review with the claimer as assignee', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(request.status).toBe('IN_REVIEW');
      expect(request.assigneeId).toBe(liNa.id);
    });

    it('tells the second claimer who claimed it first', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(() => request.claim(zhangWei, later(1))).toThrow(RequestAlreadyClaimedError);
      expect(refusal(() => request.claim(zhangWei, later(1)))).toBe(
        'Li Na claimed this request a moment ago.',
      );
      expect(refusal(() => request.claim(liNa, later(1)))).toBe('You already hold this request.');
    });

    it('is refused to an auditor', () => {
      expect(() => newRequest().claim(zhaoMin, later(1))).toThrow(NotAReviewerError);
    });

    it('can be released back to the queue by the assignee only', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(() => request.release(zhangWei, later(2))).toThrow(NotAssigneeError);
      request.release(liNa, later(2));
      expect(request.status).toBe('PENDING_REVIEW');
      expect(request.assigneeId).toBeNull();
    });

    it('can be reassigned by a senior only', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(() => request.reassign(zhangWei, zhangWei, later(2))).toThrow(SeniorReviewerOnlyError);
      request.reassign(wangFang, zhangWei, later(2));
      expect(request.assigneeId).toBe(zhangWei.id);
      expect(request.pullEvents().at(-1)).toMatchObject({
        type: 'request.reassigned',
        details: { fromName: 'Li Na', assigneeName: 'Zhang Wei' },
      });
    });
  });

  describe('approving', () => {
    it('approves an individual without risk flags at once and records that the deadline was met', () => {
      const request = readyToApprove(newRequest());
      expect(request.approve(liNa, registered, later(3))).toBe('APPROVED');
      expect(request.status).toBe('APPROVED');
      expect(request.toProps().sla.outcome).toBe('MET');
      expect(eventTypes(request)).toEqual([
        'request.submitted',
        'request.claimed',
        'request.checks_recorded',
        'request.approved',
      ]);
    });

    it('sends an organization to second approval', () => {
      const request = readyToApprove(newRequest({ subjectType: 'ORGANIZATION' }));
      expect(request.approve(liNa, registered, later(3))).toBe('AWAITING_SECOND_APPROVAL');
      expect(request.status).toBe('AWAITING_SECOND_APPROVAL');
    });

    it('sends any request with a risk flag to second approval', () => {
      const request = readyToApprove(newRequest({ flags: ['RECENT_EMAIL_CHANGE'] }));
      expect(request.approve(liNa, registered, later(3))).toBe('AWAITING_SECOND_APPROVAL');
    });

    it('is refused to anyone but the assignee', () => {
      const request = readyToApprove(newRequest());
      expect(refusal(() => request.approve(zhangWei, registered, later(3)))).toBe(
        'Only the reviewer holding this request can approve it; Li Na holds it.',
      );
    });

    it('is refused while a required document is unchecked or failed a check', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(() => request.approve(liNa, registered, later(2))).toThrow(ChecksIncompleteError);
      const checks = allYes(request);
      checks[0] = { ...checks[0]!, authentic: false, note: 'photo looks edited' };
      request.recordChecks(liNa, checks, later(3));
      expect(refusal(() => request.approve(liNa, registered, later(4)))).toBe(
        'Every required document must be present and checked with all answers yes before approval: ID card, front failed a check.',
      );
    });

    it('needs the authorization letter from an organization applicant who is not an administrator', () => {
      const request = readyToApprove(newRequest({ subjectType: 'ORGANIZATION', role: 'OTHER' }));
      expect(refusal(() => request.approve(liNa, registered, later(3)))).toContain(
        'Authorization letter with company seal is missing',
      );
    });

    it('is refused while the account holds another subject, even when the registry only says so now', () => {
      const request = readyToApprove(newRequest());
      expect(() =>
        request.approve(
          liNa,
          { subjectId: 'subject-1', accountHeldByOtherSubject: true, accountEmail: null },
          later(3),
        ),
      ).toThrow(ApprovalBlockedError);
      expect(request.status).toBe('IN_REVIEW');
      expect(request.riskFlags).toContain('ACCOUNT_HOLDS_OTHER_SUBJECT');
    });

    it('is refused when the subject is not in the registry', () => {
      const request = readyToApprove(newRequest({ flags: ['SUBJECT_NOT_FOUND'] }));
      expect(() =>
        request.approve(
          liNa,
          { subjectId: null, accountHeldByOtherSubject: false, accountEmail: null },
          later(3),
        ),
      ).toThrow(SubjectNotRegisteredError);
    });

    it('records a missed deadline when approved after dueAt', () => {
      const request = readyToApprove(newRequest());
      request.approve(liNa, registered, new Date(deadline.dueAt.getTime() + 1000));
      expect(request.toProps().sla.outcome).toBe('MISSED');
    });
  });

  describe('second approval', () => {
    const awaiting = (): InitializationRequest => {
      const request = readyToApprove(newRequest({ subjectType: 'ORGANIZATION' }), wangFang);
      request.approve(wangFang, registered, later(3));
      return request;
    };

    it('is given by a different senior and approves the request', () => {
      const request = awaiting();
      request.giveSecondApproval(chenJie, registered, later(4));
      expect(request.status).toBe('APPROVED');
      expect(request.toProps().secondApproval?.byName).toBe('Chen Jie');
    });

    it('is never given by the senior who approved first', () => {
      expect(refusal(() => awaiting().giveSecondApproval(wangFang, registered, later(4)))).toBe(
        'This request was approved by you; a different senior reviewer must give the second approval.',
      );
      expect(() => awaiting().giveSecondApproval(wangFang, registered, later(4))).toThrow(
        SameReviewerSecondApprovalError,
      );
    });

    it('is never given by a reviewer who is not senior', () => {
      expect(() => awaiting().giveSecondApproval(zhangWei, registered, later(4))).toThrow(
        SeniorReviewerOnlyError,
      );
      expect(refusal(() => awaiting().giveSecondApproval(zhangWei, registered, later(4)))).toBe(
        'Only a senior reviewer can give the second approval.',
      );
      expect(refusal(() => awaiting().returnForReview(zhangWei, 'Look again.', later(4)))).toBe(
        'Only a senior reviewer can return a request awaiting second approval.',
      );
    });

    it('can instead return the request to review with a note, to the same assignee', () => {
      const request = awaiting();
      expect(() => request.returnForReview(chenJie, '  ', later(4))).toThrow(
        IncompleteDecisionError,
      );
      request.returnForReview(chenJie, 'Check the seal on the letter again.', later(4));
      expect(request.status).toBe('IN_REVIEW');
      expect(request.assigneeId).toBe(wangFang.id);
      expect(request.toProps().firstApproval).toBeNull();
    });

    it('can instead reject the request', () => {
      const request = awaiting();
      request.reject(
        chenJie,
        ['SUSPECTED_FRAUD'],
        'The documents do not appear authentic.',
        later(4),
      );
      expect(request.status).toBe('REJECTED');
    });
  });

  describe('rejecting', () => {
    it('needs at least one reason and a message to the applicant', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(refusal(() => request.reject(liNa, [], ' ', later(2)))).toBe(
        'Choose at least one reason. Write a message to the applicant.',
      );
      expect(refusal(() => request.reject(liNa, [], ' ', later(2)), 'zh-CN')).toBe(
        '请至少选择一个驳回原因。请填写给申请人的说明。',
      );
      expect(refusal(() => request.reject(liNa, ['NOT_A_REASON'], 'x', later(2)))).toBe(
        'Unknown reason: NOT_A_REASON.',
      );
    });

    it('records the reasons and the message', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      request.reject(
        liNa,
        ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        'The ID photo is blurred.',
        later(2),
      );
      expect(request.toProps().decision).toMatchObject({
        outcome: 'REJECTED',
        reasons: ['DOCUMENT_UNCLEAR', 'INFO_MISMATCH'],
        message: 'The ID photo is blurred.',
        byName: 'Li Na',
      });
    });

    it('cannot act on a decided request', () => {
      const request = readyToApprove(newRequest());
      request.approve(liNa, registered, later(3));
      expect(() => request.reject(liNa, ['OTHER'], 'x', later(4))).toThrow(InvalidTransitionError);
      expect(refusal(() => request.reject(liNa, ['OTHER'], 'x', later(4)))).toBe(
        'This request is approved, so it cannot be rejected.',
      );
      expect(refusal(() => request.claim(zhangWei, later(4)))).toBe(
        'This request is approved, so it cannot be claimed.',
      );
      expect(refusal(() => request.claim(zhangWei, later(4)), 'zh-CN')).toBe(
        '该申请已通过，因此不能认领。',
      );
    });
  });

  describe('asking the applicant for more information', () => {
    const asked = (): InitializationRequest => {
      const request = newRequest();
      request.claim(liNa, later(1));
      request.recordChecks(liNa, allYes(request), later(2));
      request.requestInformation(
        liNa,
        { documents: ['ID_BACK'], fields: [], message: 'The back of the ID is cut off.' },
        later(60 * 24 * 21),
        later(3),
      );
      return request;
    };

    it('waits for the applicant with the clock stopped', () => {
      const request = asked();
      expect(request.status).toBe('AWAITING_APPLICANT');
      expect(request.informationRequest).toMatchObject({
        documents: ['ID_BACK'],
        message: 'The back of the ID is cut off.',
      });
    });

    it('returns to the same reviewer on resubmission, with a new deadline and the replaced document unchecked', () => {
      const request = asked();
      const newDeadline = { dueAt: later(60 * 72), atRiskAt: later(60 * 68) };
      request.resubmit(
        { documents: [version('ID_BACK', 'doc-ID_BACK-2')], values: {} },
        { riskFlags: [], subjectId: 'subject-1' },
        newDeadline,
        later(600),
      );
      expect(request.status).toBe('IN_REVIEW');
      expect(request.assigneeId).toBe(liNa.id);
      expect(request.toProps().sla).toMatchObject({
        clockStartedAt: later(600),
        dueAt: newDeadline.dueAt,
        atRiskFlaggedAt: null,
      });
      expect(request.currentDocuments.map((doc) => doc.id)).toContain('doc-ID_BACK-2');
      expect(request.currentDocuments.map((doc) => doc.id)).not.toContain('doc-ID_BACK');
      expect(refusal(() => request.approve(liNa, registered, later(601)))).toContain(
        'ID card, back is not checked',
      );
    });

    it('keeps every earlier version with its checks, and the new version knows which one it replaced', () => {
      const request = asked();
      const checkedBefore = request.toProps().checks;
      request.resubmit(
        { documents: [version('ID_BACK', 'doc-ID_BACK-2')], values: {} },
        { riskFlags: [], subjectId: 'subject-1' },
        null,
        later(600),
      );
      const props = request.toProps();
      expect(props.documents.map((doc) => doc.id)).toEqual([
        'doc-ID_FRONT',
        'doc-ID_BACK',
        'doc-HALF_LENGTH_PHOTO',
        'doc-ID_BACK-2',
      ]);
      expect(props.documents.find((doc) => doc.id === 'doc-ID_BACK')).toMatchObject({
        supersededAt: later(600),
        replacesDocumentId: null,
      });
      expect(props.documents.find((doc) => doc.id === 'doc-ID_BACK-2')).toMatchObject({
        supersededAt: null,
        replacesDocumentId: 'doc-ID_BACK',
      });
      // The checks of the earlier version stay with it; the new version has none yet.
      expect(props.checks).toEqual(checkedBefore);
      expect(props.checks.map((check) => check.documentId)).toContain('doc-ID_BACK');
      expect(props.checks.map((check) => check.documentId)).not.toContain('doc-ID_BACK-2');
      // A check of the earlier version does not count for the new one.
      expect(() => request.approve(liNa, registered, later(601))).toThrow(ChecksIncompleteError);
      request.recordChecks(
        liNa,
        [{ ...allYes(request).find((check) => check.documentId === 'doc-ID_BACK-2')! }],
        later(602),
      );
      expect(request.approve(liNa, registered, later(603))).toBe('APPROVED');
      // Checks may only be recorded on current versions.
      expect(request.toProps().checks).toHaveLength(4);
    });

    it('a third version replaces the second, and each keeps its own checks', () => {
      const request = asked();
      request.resubmit(
        { documents: [version('ID_BACK', 'doc-ID_BACK-2')], values: {} },
        { riskFlags: [], subjectId: 'subject-1' },
        null,
        later(600),
      );
      request.recordChecks(
        liNa,
        [{ ...allYes(request)[0]!, documentId: 'doc-ID_BACK-2', legible: false }],
        later(601),
      );
      request.requestInformation(
        liNa,
        { documents: ['ID_BACK'], fields: [], message: 'Still unreadable.' },
        later(60 * 24 * 21),
        later(602),
      );
      request.resubmit(
        { documents: [version('ID_BACK', 'doc-ID_BACK-3')], values: {} },
        { riskFlags: [], subjectId: 'subject-1' },
        null,
        later(900),
      );
      const props = request.toProps();
      expect(props.documents.find((doc) => doc.id === 'doc-ID_BACK-3')!.replacesDocumentId).toBe(
        'doc-ID_BACK-2',
      );
      expect(props.checks.find((check) => check.documentId === 'doc-ID_BACK-2')).toMatchObject({
        legible: false,
      });
      expect(request.currentDocuments.filter((doc) => doc.kind === 'ID_BACK')).toHaveLength(1);
    });

    it('expires when left unanswered', () => {
      const request = asked();
      request.expire(later(60 * 24 * 22));
      expect(request.status).toBe('EXPIRED');
    });

    it('needs something to ask for and a reason', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      expect(() =>
        request.requestInformation(
          liNa,
          { documents: [], fields: [], message: '' },
          later(9),
          later(2),
        ),
      ).toThrow(IncompleteDecisionError);
      expect(
        refusal(() =>
          request.requestInformation(
            liNa,
            { documents: ['PASSPORT'], fields: [], message: '' },
            later(9),
            later(2),
          ),
        ),
      ).toBe(
        'Say which documents or fields the applicant must send again. One of the documents asked for is not a document kind. Write a message saying why.',
      );
    });
  });

  describe('corrections that come back', () => {
    const askedFor = (
      fields: string[],
      documents: string[] = [],
      options: { subjectType?: SubjectType; flags?: RiskFlag[] } = {},
    ): InitializationRequest => {
      const request = newRequest(options);
      request.claim(liNa, later(1));
      request.requestInformation(
        liNa,
        { documents, fields, message: 'Please correct these.' },
        later(60 * 24 * 21),
        later(3),
      );
      request.pullEvents();
      return request;
    };
    const unchangedRisk = { riskFlags: [] as RiskFlag[], subjectId: 'subject-1' };

    it('asks for fields by their intake names, in their order, each once', () => {
      const request = askedFor(['credentialNumber', ' applicant.phone ', 'applicant.phone']);
      expect(request.informationRequest).toMatchObject({
        documents: [],
        fields: ['applicant.phone', 'credentialNumber'],
        freeTextFields: [],
      });
    });

    it('refuses a field that cannot be corrected, naming it, in both languages', () => {
      const request = newRequest();
      request.claim(liNa, later(1));
      const ask = () =>
        request.requestInformation(
          liNa,
          {
            documents: [],
            fields: ['applicant.phone', 'subjectType', 'phone number'],
            message: 'Correct them.',
          },
          later(9),
          later(2),
        );
      expect(ask).toThrow(IncompleteDecisionError);
      expect(refusal(ask)).toBe(
        "subjectType, phone number are not fields the applicant can correct; choose among the applicant's name, ID number and phone, the new account email, the Alibaba Cloud account ID, the subject name and the credential number.",
      );
      expect(refusal(ask, 'zh-CN')).toContain(
        'subjectType, phone number 不是申请人可以补正的信息项',
      );
      expect(request.status).toBe('IN_REVIEW');
    });

    it('stores the corrected values and keeps what changed, was → now, with the flags raised and cleared', () => {
      const request = askedFor(['applicant.phone', 'credentialNumber'], [], {
        flags: ['SUBJECT_MISMATCH', 'INVALID_ID_CHECKSUM'],
      });
      request.resubmit(
        {
          documents: [],
          values: { 'applicant.phone': '13911112222', credentialNumber: '11010519491231002X' },
        },
        { riskFlags: ['RECENT_EMAIL_CHANGE'], subjectId: 'subject-1' },
        null,
        later(600),
      );
      const props = request.toProps();
      expect(props.applicant.phone).toBe('13911112222');
      expect(props.riskFlags).toEqual(['RECENT_EMAIL_CHANGE']);
      // The credential number was sent unchanged: answered, but not a change.
      expect(request.corrections).toEqual([
        {
          at: later(600),
          fields: ['applicant.phone', 'credentialNumber'],
          documents: [],
          changes: [{ field: 'applicant.phone', was: '13800000000', now: '13911112222' }],
          flagsRaised: ['RECENT_EMAIL_CHANGE'],
          flagsCleared: ['SUBJECT_MISMATCH', 'INVALID_ID_CHECKSUM'],
        },
      ]);
      expect(request.status).toBe('IN_REVIEW');
      expect(request.informationRequest).toBeNull();
    });

    it('audits the answer with personal data masked: never an ID number in full', () => {
      const request = askedFor([
        'applicant.idNumber',
        'applicant.name',
        'newAccountEmail',
        'aliyunAccountId',
      ]);
      request.resubmit(
        {
          documents: [],
          values: {
            'applicant.idNumber': '110105194912310021',
            'applicant.name': '王大明',
            newAccountEmail: 'da.ming@example.cn',
            aliyunAccountId: '9876543210',
          },
        },
        { riskFlags: ['SUBJECT_MISMATCH'], subjectId: 'subject-1' },
        { dueAt: later(60 * 72), atRiskAt: later(60 * 68) },
        later(600),
      );
      const [event] = request.pullEvents();
      expect(event).toMatchObject({
        type: 'request.resubmitted',
        details: {
          documents: [],
          fields: ['applicant.name', 'applicant.idNumber', 'newAccountEmail', 'aliyunAccountId'],
          changes: [
            { field: 'applicant.name', was: '王**', now: '王**' },
            { field: 'applicant.idNumber', was: '110***********002X', now: '110***********0021' },
            { field: 'newAccountEmail', was: 'n**@example.cn', now: 'd******@example.cn' },
            { field: 'aliyunAccountId', was: '1234567890', now: '9876543210' },
          ],
          flagsRaised: ['SUBJECT_MISMATCH'],
          flagsCleared: [],
          dueAt: later(60 * 72).toISOString(),
          assigneeName: 'Li Na',
        },
      });
      expect(JSON.stringify(event!.details)).not.toContain('110105194912310021');
      // The aggregate keeps the values in full, for the reviewer.
      expect(request.corrections[0]!.changes[1]).toEqual({
        field: 'applicant.idNumber',
        was: '11010519491231002X',
        now: '110105194912310021',
      });
      expect(request.newAccountEmail).toBe('da.ming@example.cn');
    });

    it('refuses an answer with a field or document not asked for, or without one asked for, and changes nothing', () => {
      const request = askedFor(['applicant.phone'], ['ID_BACK']);
      const before = request.toProps();
      const answer = (values: Resubmission['values'], documents: DocumentKind[]) => () =>
        request.resubmit(
          { documents: documents.map((kind) => version(kind, `new-${kind}`)), values },
          unchangedRisk,
          null,
          later(600),
        );
      const unasked = answer({ 'applicant.phone': '13911112222', subjectName: '王大明' }, [
        'ID_BACK',
        'ID_FRONT',
      ]);
      expect(unasked).toThrow(ResubmissionMismatchError);
      try {
        unasked();
      } catch (error) {
        expect((error as ResubmissionMismatchError).mismatch).toEqual({
          missingDocuments: [],
          unaskedDocuments: ['ID_FRONT'],
          missingFields: [],
          unaskedFields: ['subjectName'],
        });
      }
      expect(refusal(answer({}, []))).toBe(
        'The resubmission does not answer the request for information: the reviewer asked for ID_BACK, applicant.phone, which are missing.',
      );
      expect(request.toProps()).toEqual(before);
      expect(request.pullEvents()).toEqual([]);
    });

    it('is refused when the request is not waiting for the applicant', () => {
      const request = newRequest();
      expect(() =>
        request.resubmit({ documents: [], values: {} }, unchangedRisk, null, later(5)),
      ).toThrow(ResubmissionNotExpectedError);
    });

    it('tells the risk assessment what the answer would leave, without changing anything', () => {
      const request = askedFor(['subjectName'], ['ID_FRONT']);
      const answer: Resubmission = {
        documents: [version('ID_FRONT', 'new-front')],
        values: { subjectName: '王大明' },
      };
      expect(request.assessableAfter(answer)).toEqual({
        subjectType: 'INDIVIDUAL',
        subjectFilingNumber: '浙ICP备12345678号',
        subjectName: '王大明',
        credentialNumber: '11010519491231002X',
        aliyunAccountId: '1234567890',
        documentHashes: [
          'ID_BACK'.padEnd(64, '0'),
          'HALF_LENGTH_PHOTO'.padEnd(64, '0'),
          'new-front'.padEnd(64, '1'),
        ],
      });
      expect(request.toProps().filing.subjectName).toBe('王小明');
    });

    it("masks an individual subject's name in the audit trail, not an organization's", () => {
      const individual = askedFor(['subjectName']);
      individual.resubmit(
        { documents: [], values: { subjectName: '王大明' } },
        unchangedRisk,
        null,
        later(600),
      );
      expect(changesOf(individual.pullEvents()[0])).toEqual([
        { field: 'subjectName', was: '王**', now: '王**' },
      ]);
      const organization = askedFor(['subjectName'], [], { subjectType: 'ORGANIZATION' });
      organization.resubmit(
        { documents: [], values: { subjectName: '宁波示例网络有限公司' } },
        unchangedRisk,
        null,
        later(600),
      );
      expect(changesOf(organization.pullEvents()[0])).toEqual([
        { field: 'subjectName', was: '王小明', now: '宁波示例网络有限公司' },
      ]);
    });
  });

  it('can be withdrawn until it is decided', () => {
    const open = newRequest();
    open.withdraw(later(1));
    expect(open.status).toBe('WITHDRAWN');
    expect(() => open.withdraw(later(2))).toThrow(InvalidTransitionError);
    expect(refusal(() => open.withdraw(later(2)))).toBe(
      'This request is withdrawn, so it cannot be withdrawn.',
    );
  });
});
