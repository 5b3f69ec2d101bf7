import { describe, expect, it } from '@jest/globals';
import { FilingSubject } from './filing-subject.js';
import { Translator } from '../../shared/i18n/translator.js';
import {
  AccountHoldsOtherSubjectError,
  FilingNumberTakenError,
  InvalidSubjectDetailsError,
} from './filing-subject.errors.js';
import { SubjectDetails, type RawSubjectDetails } from './subject-details.js';

const translator = new Translator('Asia/Shanghai');
const english = translator.words('en');
const chinese = translator.words('zh-CN');

function refusalOf(act: () => unknown): InvalidSubjectDetailsError {
  try {
    act();
  } catch (error) {
    if (error instanceof InvalidSubjectDetailsError) return error;
    throw error;
  }
  throw new Error('nothing was refused');
}

const registeredAt = new Date('2026-11-02T02:00:00Z');
const now = new Date('2026-11-25T02:00:00Z');

const raw: RawSubjectDetails = {
  type: 'INDIVIDUAL',
  name: '张伟',
  credentialNumber: '330106198503121573',
  filingNumber: '浙ICP备09023456号',
  accountEmail: 'zhang.wei.blog@example.com',
};

function details(overrides: Partial<RawSubjectDetails> = {}): SubjectDetails {
  const checked = SubjectDetails.check({ ...raw, ...overrides }, now);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return checked.details;
}

function savedSubject(overrides: Partial<RawSubjectDetails> = {}): FilingSubject {
  const subject = FilingSubject.register({
    id: 's1',
    details: details(overrides),
    now: registeredAt,
  });
  subject.recordWebsite(
    { filingNumber: '浙ICP备09023456号-1', domain: 'zhangwei-notes.cn' },
    registeredAt,
  );
  subject.markSaved();
  return subject;
}

describe('a filing subject', () => {
  it('is registered unbound, never changed by the desk, and new until saved', () => {
    const subject = FilingSubject.register({ id: 's1', details: details(), now });
    expect(subject.aliyunAccountId).toBeNull();
    expect(subject.accountEmailChangedAt).toBeNull();
    expect(subject.pendingChanges().isNew).toBe(true);
    subject.markSaved();
    expect(subject.version).toBe(1);
    expect(subject.hasPendingChanges()).toBe(false);
  });

  it('replacing the account email keeps the old one in the history, binds the account and records when', () => {
    const subject = savedSubject();
    const previous = subject.replaceAccountEmail({
      newEmail: ' Zhang.Wei@Example.CN ',
      aliyunAccountId: '1360000000009999',
      requestId: 'r1',
      now,
    });
    expect(previous).toEqual({
      previousEmail: 'zhang.wei.blog@example.com',
      previousAliyunAccountId: null,
    });
    expect(subject.accountEmail).toBe('zhang.wei@example.cn');
    expect(subject.aliyunAccountId).toBe('1360000000009999');
    expect(subject.accountEmailChangedAt).toEqual(now);
    expect(subject.pendingChanges().history).toEqual([
      {
        email: 'zhang.wei.blog@example.com',
        aliyunAccountId: null,
        from: null,
        to: now,
        replacedByRequestId: 'r1',
        source: 'REQUEST',
      },
    ]);
  });

  it('a second replacement dates the history entry from the first', () => {
    const subject = savedSubject();
    subject.replaceAccountEmail({
      newEmail: 'a@example.cn',
      aliyunAccountId: '1',
      requestId: 'r1',
      now: registeredAt,
    });
    subject.markSaved();
    subject.replaceAccountEmail({
      newEmail: 'b@example.cn',
      aliyunAccountId: '2',
      requestId: 'r2',
      now,
    });
    expect(subject.pendingChanges().history).toEqual([
      expect.objectContaining({
        email: 'a@example.cn',
        aliyunAccountId: '1',
        from: registeredAt,
        to: now,
      }),
    ]);
  });

  it('refuses a replacement to something that is not an email, or without an account, and changes nothing', () => {
    const subject = savedSubject();
    expect(() =>
      subject.replaceAccountEmail({ newEmail: 'nope', aliyunAccountId: ' ', requestId: 'r1', now }),
    ).toThrow(InvalidSubjectDetailsError);
    expect(subject.accountEmail).toBe('zhang.wei.blog@example.com');
    expect(subject.hasPendingChanges()).toBe(false);
  });

  it('records a website once, corrects its domain, and refuses one of another subject', () => {
    const subject = savedSubject();
    expect(
      subject.recordWebsite(
        { filingNumber: '浙ICP备09023456号-1', domain: 'zhangwei-notes.cn' },
        now,
      ),
    ).toBe('unchanged');
    expect(subject.hasPendingChanges()).toBe(false);
    expect(
      subject.recordWebsite({ filingNumber: '浙ICP备09023456号-1', domain: 'zhangwei.cn' }, now),
    ).toBe('updated');
    expect(
      subject.recordWebsite(
        { filingNumber: '浙ICP备09023456号-2', domain: 'zhangwei.net.cn' },
        now,
      ),
    ).toBe('created');
    expect(subject.pendingChanges().changedWebsites).toEqual([
      { filingNumber: '浙ICP备09023456号-1', domain: 'zhangwei.cn' },
    ]);
    expect(() =>
      subject.recordWebsite({ filingNumber: '浙ICP备09023457号-1', domain: 'x.cn' }, now),
    ).toThrow(InvalidSubjectDetailsError);
    expect(
      english.text(
        refusalOf(() =>
          subject.recordWebsite({ filingNumber: '浙ICP备09023457号-1', domain: 'x.cn' }, now),
        ).sentence,
      ),
    ).toBe(
      'The filing subject details are not valid: 浙ICP备09023457号-1 does not belong to the subject 浙ICP备09023456号.',
    );
  });

  describe('applying a legacy registry record', () => {
    it('changes nothing when the record matches', () => {
      const subject = savedSubject();
      expect(subject.applyLegacyRecord(details(), now)).toBe('unchanged');
      expect(subject.hasPendingChanges()).toBe(false);
    });

    it('corrects the name and keeps a corrected email in the history as a legacy correction', () => {
      const subject = savedSubject();
      expect(
        subject.applyLegacyRecord(details({ name: '张 伟', accountEmail: 'zw@example.com' }), now),
      ).toBe('updated');
      expect(subject.name).toBe('张 伟');
      expect(subject.accountEmail).toBe('zw@example.com');
      expect(subject.accountEmailChangedAt).toBeNull();
      expect(subject.pendingChanges().history).toEqual([
        expect.objectContaining({
          email: 'zhang.wei.blog@example.com',
          source: 'LEGACY_IMPORT',
          replacedByRequestId: null,
        }),
      ]);
    });

    it('binds an account it names but never unbinds one', () => {
      const subject = savedSubject({ aliyunAccountId: '1360000000000001' });
      expect(subject.applyLegacyRecord(details({ aliyunAccountId: '' }), now)).toBe('unchanged');
      expect(subject.aliyunAccountId).toBe('1360000000000001');
      expect(subject.applyLegacyRecord(details({ aliyunAccountId: '1360000000000002' }), now)).toBe(
        'updated',
      );
      expect(subject.aliyunAccountId).toBe('1360000000000002');
    });

    it('leaves the email and account alone once the desk has replaced them', () => {
      const subject = savedSubject();
      subject.replaceAccountEmail({
        newEmail: 'new@example.cn',
        aliyunAccountId: '9',
        requestId: 'r1',
        now: registeredAt,
      });
      subject.markSaved();
      expect(subject.wouldBindFromLegacyRecord('8')).toBe(false);
      expect(subject.applyLegacyRecord(details({ aliyunAccountId: '8' }), now)).toBe('unchanged');
      expect(subject.accountEmail).toBe('new@example.cn');
      expect(subject.aliyunAccountId).toBe('9');
    });
  });
});

describe("the registry's refusals", () => {
  it('name the account and the subject that holds it, in both languages', () => {
    const named = new AccountHoldsOtherSubjectError('1234567890123456', '沪ICP备07034567号');
    expect(english.text(named.sentence)).toBe(
      'The Alibaba Cloud account 1234567890123456 already holds the filing subject 沪ICP备07034567号; one account can hold only one subject.',
    );
    expect(chinese.text(named.sentence)).toBe(
      '阿里云账号 1234567890123456 已关联备案主体 沪ICP备07034567号；一个阿里云账号只能关联一个备案主体。',
    );
    expect(english.text(new AccountHoldsOtherSubjectError('1234567890123456').sentence)).toBe(
      'The Alibaba Cloud account 1234567890123456 already holds another filing subject; one account can hold only one subject.',
    );
  });

  it('name a filing number already held', () => {
    const taken = new FilingNumberTakenError('浙ICP备09023456号');
    expect(taken.code).toBe('registry.filing-number-taken');
    expect(english.text(taken.sentence)).toBe(
      'The registry already holds the filing number 浙ICP备09023456号.',
    );
    expect(chinese.text(taken.sentence)).toBe('备案号 浙ICP备09023456号 已存在。');
  });
});
