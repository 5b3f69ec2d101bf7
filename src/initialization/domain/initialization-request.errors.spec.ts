import { describe, expect, it } from '@jest/globals';
import type { DomainError } from '../../shared/domain/domain-error.js';
import { msg } from '../../shared/i18n/message.js';
import { Translator } from '../../shared/i18n/translator.js';
import * as errors from './initialization-request.errors.js';

const translator = new Translator('Asia/Shanghai');
const en = translator.words('en');
const zh = translator.words('zh-CN');

/** One of each refusal of the review, with the facts it names. */
const refusals: Record<string, DomainError> = {
  RequestNotFoundError: new errors.RequestNotFoundError('INIT-2026-000123'),
  NotAReviewerError: new errors.NotAReviewerError('claim'),
  SeniorReviewerOnlyError: new errors.SeniorReviewerOnlyError('reassign'),
  RequestAlreadyClaimedError: new errors.RequestAlreadyClaimedError('李娜', false),
  NotAssigneeError: new errors.NotAssigneeError('approve', '李娜'),
  InvalidTransitionError: new errors.InvalidTransitionError('APPROVED', 'reject'),
  ChecksIncompleteError: new errors.ChecksIncompleteError([
    { kind: 'ID_FRONT', problem: 'unchecked' },
    { kind: 'ID_BACK', problem: 'failed' },
    { kind: 'AUTHORIZATION_LETTER', problem: 'missing' },
  ]),
  ApprovalBlockedError: new errors.ApprovalBlockedError(),
  SameReviewerSecondApprovalError: new errors.SameReviewerSecondApprovalError('return'),
  IncompleteDecisionError: new errors.IncompleteDecisionError([
    msg('request.decisionProblem.noReason'),
    msg('request.decisionProblem.unknownReasons', { reasons: 'NOT_A_REASON' }),
    msg('request.decisionProblem.noApplicantMessage'),
  ]),
  UnknownDocumentError: new errors.UnknownDocumentError('0b6f2c9e-0000-4000-8000-000000000001'),
  StaleRequestError: new errors.StaleRequestError(),
  ResubmissionNotExpectedError: new errors.ResubmissionNotExpectedError('IN_REVIEW'),
  SubjectNotRegisteredError: new errors.SubjectNotRegisteredError('浙ICP备12345678号'),
  ResubmissionMismatchError: new errors.ResubmissionMismatchError({
    missingDocuments: ['ID_BACK'],
    unaskedDocuments: ['ID_FRONT'],
    missingFields: ['applicant.phone'],
    unaskedFields: ['subjectType'],
  }),
  DocumentNotFoundError: new errors.DocumentNotFoundError(),
  DocumentPurgedError: new errors.DocumentPurgedError(new Date('2026-06-01T02:00:00Z')),
  DocumentAccessError: new errors.DocumentAccessError(),
};

describe('the refusals of the review', () => {
  it('cover every error class of the request', () => {
    const classes = Object.entries(errors)
      .filter(([, value]) => typeof value === 'function')
      .map(([name]) => name)
      .sort();
    expect(Object.keys(refusals).sort()).toEqual(classes);
  });

  it.each(Object.entries(refusals))(
    '%s renders in both locales with its facts',
    (_name, refusal) => {
      expect(refusal.message).toBe(refusal.code);
      for (const words of [en, zh]) {
        expect(words.has(`error.${refusal.code}`)).toBe(true);
        const sentence = words.text(refusal.sentence);
        expect(sentence).not.toBe(`error.${refusal.code}`);
        expect(sentence).not.toMatch(/[{}]|\b(?:error|request)\.[a-zA-Z]/);
      }
      expect(en.text(refusal.sentence)).not.toBe(zh.text(refusal.sentence));
    },
  );

  it('read as the review team writes them', () => {
    const both = (error: DomainError) => [en.text(error.sentence), zh.text(error.sentence)];
    expect(both(new errors.RequestAlreadyClaimedError('李娜', false))).toEqual([
      '李娜 claimed this request a moment ago.',
      '李娜 刚刚认领了该申请。',
    ]);
    expect(both(new errors.RequestAlreadyClaimedError(null, false))).toEqual([
      'Another reviewer claimed this request a moment ago.',
      '另一位审核员 刚刚认领了该申请。',
    ]);
    expect(both(new errors.RequestAlreadyClaimedError('李娜', true))).toEqual([
      'You already hold this request.',
      '您已认领该申请。',
    ]);
    expect(both(new errors.NotAssigneeError('release', null))).toEqual([
      'Only the reviewer holding this request can release it; claim it first.',
      '只有认领该申请的审核员才能释放该申请；请先认领。',
    ]);
    expect(both(new errors.NotAReviewerError('requestInformation'))[0]).toBe(
      'Only reviewers and senior reviewers can request information for requests.',
    );
    expect(both(new errors.InvalidTransitionError('AWAITING_SECOND_APPROVAL', 'claim'))).toEqual([
      'This request is awaiting second approval, so it cannot be claimed.',
      '该申请待复核，因此不能认领。',
    ]);
    expect(both(new errors.ResubmissionNotExpectedError('APPROVED'))[0]).toBe(
      'This request is approved; it is not waiting for an answer from the applicant.',
    );
  });

  it('list several problems in one sentence, the way each language joins them', () => {
    const checks = new errors.ChecksIncompleteError([
      { kind: 'ID_FRONT', problem: 'unchecked' },
      { kind: 'HALF_LENGTH_PHOTO', problem: 'missing' },
    ]);
    expect(en.text(checks.sentence)).toBe(
      'Every required document must be present and checked with all answers yes before approval: ID card, front is not checked; Half-length photo holding the credential is missing.',
    );
    expect(zh.text(checks.sentence)).toBe(
      '通过前，每份必需材料都须齐全并已核验，且各项结果均为“是”：身份证人像面尚未核验；缺少手持证件半身照。',
    );
    expect(
      en.text(
        new errors.IncompleteDecisionError([msg('request.decisionProblem.noReason')]).sentence,
      ),
    ).toBe('Choose at least one reason.');
  });

  it('name the documents and fields of a resubmission by their codes, singular or plural', () => {
    const english = (missing: string[], unasked: string[], missingFields: string[] = []) =>
      en.text(
        new errors.ResubmissionMismatchError({
          missingDocuments: missing as errors.CheckProblem['kind'][],
          unaskedDocuments: unasked,
          missingFields: missingFields as errors.ResubmissionMismatch['missingFields'],
          unaskedFields: [],
        }).sentence,
      );
    expect(english(['HALF_LENGTH_PHOTO'], [])).toBe(
      'The resubmission does not answer the request for information: the reviewer asked for HALF_LENGTH_PHOTO, which is missing.',
    );
    expect(english(['ID_FRONT', 'ID_BACK'], ['HALF_LENGTH_PHOTO'])).toBe(
      'The resubmission does not answer the request for information: the reviewer asked for ID_FRONT, ID_BACK, which are missing; HALF_LENGTH_PHOTO was not asked for.',
    );
    expect(english([], ['ID_FRONT', 'ID_BACK'])).toBe(
      'The resubmission does not answer the request for information: ID_FRONT, ID_BACK were not asked for.',
    );
    expect(english(['ID_BACK'], [], ['applicant.phone'])).toBe(
      'The resubmission does not answer the request for information: the reviewer asked for ID_BACK, applicant.phone, which are missing.',
    );
  });
});
