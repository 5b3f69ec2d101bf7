import { describe, expect, it } from '@jest/globals';
import { MalformedFormException } from '../../../shared/interface/http/form-schema.js';
import { type Message } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import {
  parseDeactivationForm,
  parseLocaleForm,
  parseLockoutForm,
  parseNewStaffForm,
  parseOwnPasswordForm,
  parseRoleForm,
  parseSetPasswordForm,
  parseSignInForm,
} from './forms.js';

const translator = new Translator('Asia/Shanghai');

/** The words a refused form comes back with (a 400 page), in one language. */
function refusal(parse: () => unknown, locale: 'en' | 'zh-CN' = 'en'): string {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(MalformedFormException);
    const exception = error as MalformedFormException;
    expect(exception.getStatus()).toBe(400);
    return translator.words(locale).text(exception.getResponse() as Message);
  }
  throw new Error('the form was accepted');
}

describe('the identity forms, parsed at the boundary', () => {
  describe('a form as the pages send it gives its command input', () => {
    it('the sign-in, with the page asked for before it', () => {
      expect(
        parseSignInForm({ email: 'a@example.cn', password: 'secret', next: '/queue' }),
      ).toEqual({ email: 'a@example.cn', password: 'secret', next: '/queue' });
      expect(parseSignInForm({ email: 'a@example.cn', password: 'secret' })).toEqual({
        email: 'a@example.cn',
        password: 'secret',
        next: undefined,
      });
      expect(parseSignInForm(undefined)).toEqual({ email: '', password: '', next: undefined });
    });

    it('the new account (the CSRF token and the form name passed over)', () => {
      expect(
        parseNewStaffForm({
          _csrf: 'token',
          _form: 'new-staff',
          displayName: 'Wang Fang',
          email: 'wang@example.cn',
          role: 'REVIEWER',
          password: 'a long enough secret',
        }),
      ).toEqual({
        displayName: 'Wang Fang',
        email: 'wang@example.cn',
        role: 'REVIEWER',
        password: 'a long enough secret',
      });
    });

    it('an empty new-account form is empty fields: what is missing is the domain’s to say', () => {
      expect(parseNewStaffForm({})).toEqual({
        displayName: '',
        email: '',
        role: '',
        password: '',
      });
      expect(parseNewStaffForm(undefined)).toEqual(parseNewStaffForm({}));
    });

    it('the role change', () => {
      expect(parseRoleForm({ role: 'AUDITOR' })).toEqual({ role: 'AUDITOR' });
      expect(parseRoleForm({})).toEqual({ role: '' });
    });

    it('the deactivation: reassign to a senior, or release (any other choice)', () => {
      expect(parseDeactivationForm({ held: 'reassign', senior: 'staff-7' })).toEqual({
        held: 'reassign',
        senior: 'staff-7',
      });
      expect(parseDeactivationForm({ held: 'release', senior: '' })).toEqual({
        held: 'release',
        senior: '',
      });
      expect(parseDeactivationForm({ held: 'later' })).toEqual({ held: 'release', senior: '' });
    });

    it('the end of a sign-in lockout', () => {
      expect(parseLockoutForm({ scope: 'ACCOUNT', email: 'a@example.cn', address: '' })).toEqual({
        scope: 'ACCOUNT',
        email: 'a@example.cn',
        address: '',
      });
    });

    it('the passwords (the browser’s hidden username passed over)', () => {
      expect(
        parseOwnPasswordForm({
          username: 'a@example.cn',
          currentPassword: 'old',
          newPassword: 'new one',
          confirmPassword: 'new one',
        }),
      ).toEqual({ currentPassword: 'old', newPassword: 'new one', confirmPassword: 'new one' });
      expect(parseSetPasswordForm({ newPassword: 'n', confirmPassword: 'm' })).toEqual({
        newPassword: 'n',
        confirmPassword: 'm',
      });
    });

    it('the language: one the desk speaks, or none', () => {
      expect(parseLocaleForm({ locale: 'zh-CN' })).toEqual({ locale: 'zh-CN' });
      expect(parseLocaleForm({ locale: 'en' })).toEqual({ locale: 'en' });
      expect(parseLocaleForm({ locale: 'fr' })).toEqual({ locale: null });
      expect(parseLocaleForm({})).toEqual({ locale: null });
    });
  });

  describe('a form the pages would never send is refused with every problem at once, in words', () => {
    it('the new account', () => {
      expect(
        refusal(() =>
          parseNewStaffForm({
            displayName: ['Wang', 'Li'],
            email: { a: 'b' },
            role: ['REVIEWER', 'ADMIN'],
            password: ['x', 'y'],
          }),
        ),
      ).toBe(
        'Write the name as one text. Write the email address as one text. Choose one role from the list. Write the password as one text.',
      );
    });

    it('the sign-in', () => {
      expect(
        refusal(() =>
          parseSignInForm({ email: ['a', 'b'], password: { x: 'y' }, next: ['/queue', '/'] }),
        ),
      ).toBe(
        'Write the email address as one text. Write the password as one text. The form does not say which page to open after signing in; open the sign-in page again.',
      );
    });

    it('the role change and the deactivation', () => {
      expect(refusal(() => parseRoleForm({ role: ['AUDITOR', 'ADMIN'] }))).toBe(
        'Choose one role from the list.',
      );
      expect(
        refusal(() => parseDeactivationForm({ held: ['reassign', 'release'], senior: ['a', 'b'] })),
      ).toBe(
        'Choose whether the held requests are released or reassigned. Choose one senior reviewer from the list.',
      );
    });

    it('the lockout: its three fields say it once', () => {
      expect(
        refusal(() => parseLockoutForm({ scope: ['A', 'B'], email: { a: 'b' }, address: ['x'] })),
      ).toBe('The form does not say which sign-in lockout to end; reload the page and try again.');
    });

    it('the passwords and the language', () => {
      expect(
        refusal(() =>
          parseOwnPasswordForm({
            currentPassword: ['a', 'b'],
            newPassword: { x: 'y' },
            confirmPassword: ['c'],
          }),
        ),
      ).toBe(
        'Write your current password as one text. Write the new password as one text. Write the new password again as one text.',
      );
      expect(refusal(() => parseSetPasswordForm({ newPassword: ['a', 'b'] }))).toBe(
        'Write the new password as one text.',
      );
      expect(refusal(() => parseLocaleForm({ locale: ['en', 'zh-CN'] }))).toBe(
        'Choose one language.',
      );
    });

    it("says it in the reader's language", () => {
      expect(
        refusal(() => parseNewStaffForm({ email: ['a', 'b'], role: { x: 'y' } }), 'zh-CN'),
      ).toBe('请将电子邮箱地址填写为一段文字。请从列表中选择一个角色。');
    });
  });
});
