import { describe, expect, it } from '@jest/globals';
import { type Message } from '../../../shared/i18n/message.js';
import { Translator } from '../../../shared/i18n/translator.js';
import { MalformedFormException } from '../../../shared/interface/http/form-schema.js';
import { parseResendForm } from './resend-form.js';

const translator = new Translator('Asia/Shanghai');

describe('the resend confirmation form, parsed at the boundary', () => {
  it('is a confirmation only with the confirmation page’s `confirmed=yes`', () => {
    expect(parseResendForm({ _csrf: 'token', confirmed: 'yes' })).toEqual({ confirmed: true });
    expect(parseResendForm({ confirmed: 'no' })).toEqual({ confirmed: false });
    expect(parseResendForm({})).toEqual({ confirmed: false });
    expect(parseResendForm(undefined)).toEqual({ confirmed: false });
  });

  it('refuses a form the page would never send, in words', () => {
    let refused: unknown;
    try {
      parseResendForm({ confirmed: ['yes', 'yes'] });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(MalformedFormException);
    const words = (locale: 'en' | 'zh-CN') =>
      translator.words(locale).text((refused as MalformedFormException).getResponse() as Message);
    expect(words('en')).toBe(
      'The form does not say whether the resend is confirmed; confirm it again on the resend page.',
    );
    expect(words('zh-CN')).toBe('表单未说明是否确认重发；请在重发页面再次确认。');
  });
});
