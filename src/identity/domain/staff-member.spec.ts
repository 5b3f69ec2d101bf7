import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../shared/i18n/translator.js';
import { StaffMember } from './staff-member.js';
import {
  InvalidStaffDetailsError,
  SignInThrottledError,
  StaffEmailTakenError,
  StaffMemberAlreadyInactiveError,
} from './staff-member.errors.js';

const now = new Date('2026-11-25T02:00:00Z');
const translator = new Translator('Asia/Shanghai');
const english = translator.words('en');
const chinese = translator.words('zh-CN');

function refusalOf(register: () => unknown): InvalidStaffDetailsError {
  try {
    register();
  } catch (error) {
    if (error instanceof InvalidStaffDetailsError) return error;
    throw error;
  }
  throw new Error('the registration was not refused');
}

describe('a staff member', () => {
  it('is registered active, with the email lower-cased', () => {
    const member = StaffMember.register({
      id: 'a',
      email: ' Li.Na@Example.CN ',
      displayName: ' Li Na ',
      role: 'REVIEWER',
      passwordHash: 'h',
      now,
    });
    expect(member.email).toBe('li.na@example.cn');
    expect(member.displayName).toBe('Li Na');
    expect(member.canSignIn()).toBe(true);
  });

  it('refuses a bad email, an empty name and an unknown role, all at once, in words', () => {
    const refusal = refusalOf(() =>
      StaffMember.register({
        id: 'a',
        email: 'li.na',
        displayName: ' ',
        role: 'BOSS',
        passwordHash: 'h',
        now,
      }),
    );
    expect(refusal.code).toBe('staff.invalid-details');
    expect(refusal.problems).toHaveLength(3);
    expect(english.text(refusal.sentence)).toBe(
      'The staff account cannot be created. "li.na" is not an email address. The name must be 1 to 120 characters. "BOSS" is not a role (REVIEWER, SENIOR_REVIEWER, AUDITOR or ADMIN).',
    );
    expect(chinese.text(refusal.sentence)).toBe(
      '无法创建员工账号。“li.na”不是有效的邮箱地址。姓名须为 1 至 120 个字符。“BOSS”不是有效的角色（REVIEWER、SENIOR_REVIEWER、AUDITOR 或 ADMIN）。',
    );
    // Each beside its field, too.
    expect(Object.keys(refusal.byField)).toEqual(['email', 'displayName', 'role']);
  });

  it('names a single problem on its own', () => {
    const refusal = refusalOf(() =>
      StaffMember.register({
        id: 'a',
        email: 'li.na@example.cn',
        displayName: '李娜',
        role: 'BOSS',
        passwordHash: 'h',
        now,
      }),
    );
    expect(english.text(refusal.sentence)).toBe(
      'The staff account cannot be created. "BOSS" is not a role (REVIEWER, SENIOR_REVIEWER, AUDITOR or ADMIN).',
    );
  });

  it('can no longer sign in once deactivated, and is deactivated only once', () => {
    const member = StaffMember.register({
      id: 'a',
      email: 'a@b.cn',
      displayName: 'A',
      role: 'AUDITOR',
      passwordHash: 'h',
      now,
    });
    member.deactivate(now);
    expect(member.canSignIn()).toBe(false);
    expect(() => member.deactivate(now)).toThrow(StaffMemberAlreadyInactiveError);
  });
});

describe('the refusals about staff accounts', () => {
  it('name the email in both languages', () => {
    const taken = new StaffEmailTakenError('li.na@example.cn');
    expect(english.text(taken.sentence)).toBe(
      'A staff account with the email li.na@example.cn already exists.',
    );
    expect(chinese.text(taken.sentence)).toBe('邮箱为 li.na@example.cn 的员工账号已存在。');
  });

  it('say how long a throttled sign-in waits: seconds under a minute, minutes from then on', () => {
    expect(english.text(new SignInThrottledError('accountFromAddress', 900).sentence)).toBe(
      'Too many failed sign-ins for this account from your network address. Try again in 15 minutes.',
    );
    expect(english.text(new SignInThrottledError('address', 601).sentence)).toBe(
      'Too many failed sign-ins from your network address. Try again in 11 minutes.',
    );
    expect(english.text(new SignInThrottledError('account', 1).sentence)).toBe(
      'This account has had many failed sign-ins lately, so each attempt must wait a little longer. Try again in 1 second.',
    );
    expect(english.text(new SignInThrottledError('account', 60).sentence)).toBe(
      'This account has had many failed sign-ins lately, so each attempt must wait a little longer. Try again in 1 minute.',
    );
    expect(chinese.text(new SignInThrottledError('accountFromAddress', 900).sentence)).toBe(
      '您所在网络地址登录该账号的失败次数过多。请 15 分钟后重试。',
    );
    expect(chinese.text(new SignInThrottledError('account', 8).sentence)).toBe(
      '该账号近期登录失败次数较多，每次尝试都需多等一会儿。请 8 秒后重试。',
    );
  });
});
