import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../../shared/i18n/translator.js';
import {
  personalDataAccessOf,
  type PersonalDataAccess,
  type PersonalDataContext,
} from './personal-data-access.js';

const translator = new Translator('Asia/Shanghai');
/** The access with its reason in words, as a page in `locale` shows it. */
const inWords = (access: PersonalDataAccess, locale: 'en' | 'zh-CN' = 'en') => ({
  full: access.full,
  why: translator.words(locale).text(access.why),
});

const liNa = { id: 'li-na', role: 'REVIEWER' } as const;
const zhangWei = { id: 'zhang-wei', role: 'REVIEWER' } as const;
const wangFang = { id: 'wang-fang', role: 'SENIOR_REVIEWER' } as const;
const pending: PersonalDataContext = {
  status: 'PENDING_REVIEW',
  decided: false,
  assigneeId: null,
  assigneeName: null,
};
const heldByLiNa: PersonalDataContext = {
  status: 'IN_REVIEW',
  decided: false,
  assigneeId: 'li-na',
  assigneeName: 'Li Na',
};
const approved: PersonalDataContext = {
  status: 'APPROVED',
  decided: true,
  assigneeId: 'li-na',
  assigneeName: 'Li Na',
};

describe('who reads ID numbers in full', () => {
  it('shows them to any reviewer on a request nobody holds', () => {
    expect(personalDataAccessOf(pending, liNa).full).toBe(true);
    expect(personalDataAccessOf(pending, wangFang).full).toBe(true);
  });

  it('shows them to the holder and to seniors, and masks them for another reviewer', () => {
    expect(personalDataAccessOf(heldByLiNa, liNa).full).toBe(true);
    expect(personalDataAccessOf(heldByLiNa, wangFang).full).toBe(true);
    expect(inWords(personalDataAccessOf(heldByLiNa, zhangWei))).toEqual({
      full: false,
      why: 'ID and phone numbers are masked: Li Na holds this request.',
    });
    expect(inWords(personalDataAccessOf(heldByLiNa, zhangWei), 'zh-CN')).toEqual({
      full: false,
      why: '身份证号码和手机号码已脱敏：该申请已由Li Na认领。',
    });
    expect(personalDataAccessOf(heldByLiNa, liNa).why).toBeNull();
  });

  it('shows them to the first approver and seniors while a second approval is awaited', () => {
    const waiting = { ...heldByLiNa, status: 'AWAITING_SECOND_APPROVAL' } as const;
    expect(personalDataAccessOf(waiting, liNa).full).toBe(true);
    expect(personalDataAccessOf(waiting, wangFang).full).toBe(true);
    expect(personalDataAccessOf(waiting, zhangWei).full).toBe(false);
  });

  it('masks them on a decided request, even for the reviewer who decided it', () => {
    for (const viewer of [liNa, zhangWei, wangFang])
      expect(inWords(personalDataAccessOf(approved, viewer))).toEqual({
        full: false,
        why: 'ID and phone numbers are masked: this request is decided.',
      });
  });

  it('masks them for auditors and administrators, whatever the state', () => {
    for (const role of ['AUDITOR', 'ADMIN'] as const)
      for (const request of [pending, heldByLiNa, approved])
        expect(personalDataAccessOf(request, { id: 'someone', role }).full).toBe(false);
  });
});
