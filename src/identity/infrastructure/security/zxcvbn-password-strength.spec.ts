import { describe, expect, it } from '@jest/globals';
import { Translator } from '../../../shared/i18n/translator.js';
import { ZxcvbnPasswordStrength } from './zxcvbn-password-strength.js';
import {
  passwordProblems,
  personalWords,
  type PasswordOwner,
} from '../../domain/password-policy.js';

const translator = new Translator('Asia/Shanghai');
const english = translator.words('en');
const chinese = translator.words('zh-CN');
const zxcvbn = new ZxcvbnPasswordStrength();
const owner: PasswordOwner = { email: 'li.na@example.cn', displayName: 'Li Na' };

function problems(password: string, who: PasswordOwner = owner) {
  return passwordProblems(password, who, zxcvbn.estimate(password, personalWords(who)));
}

describe('the password policy, with zxcvbn', () => {
  it('accepts a long passphrase of unrelated words', () => {
    expect(problems('correct-horse-battery-staple')).toEqual([]);
    expect(problems('beian-demo-2026')).toEqual([]);
  });

  it('refuses a commonly used password, saying so in both languages', () => {
    const [common] = problems('1qaz2wsx3edc');
    expect(english.text(common)).toBe(
      'The password is too easy to guess: this is a commonly used password.',
    );
    expect(chinese.text(common)).toBe('密码太容易被猜到：这是一个常用密码。');
    for (const password of ['password1234', 'Password12345!']) {
      const [changed] = problems(password);
      expect(english.text(changed)).toBe(
        'The password is too easy to guess: it is a commonly used password with small changes.',
      );
      expect(chinese.text(changed)).toBe('密码太容易被猜到：它只是在常用密码上稍作改动。');
    }
  });

  it('names keyboard patterns, repeats and sequences in its own words', () => {
    expect(english.text(problems('aaaaaaaaaaaaaaa')[0])).toContain(
      'it repeats the same characters or groups of characters',
    );
    expect(english.text(problems('abcdefghijklmn')[0])).toContain('it is a sequence such as');
    expect(chinese.text(problems('abcdefghijklmn')[0])).toContain('序列');
  });

  it('refuses fewer than 12 characters, the email, and the email’s name part, all at once', () => {
    expect(problems('Xq7#vL2!').map((problem) => english.text(problem))).toEqual([
      'The password must be at least 12 characters.',
      'The password is too easy to guess: add a few more uncommon words or characters.',
    ]);
    expect(problems('li.na@example.cn').map((problem) => english.text(problem))).toEqual([
      'The password must not be the email address.',
    ]);
    expect(problems('Zebra-li.na-Vortex-91').map((problem) => english.text(problem))).toEqual([
      'The password must not contain "li.na", the part of the email address before the @.',
    ]);
    const all = problems('abc');
    expect(all.map((problem) => english.text(problem))).toEqual([
      'The password must be at least 12 characters.',
      'The password is too easy to guess: it is a sequence such as "abcd" or "1234".',
    ]);
  });

  it('takes the person’s name and email as guessable words', () => {
    expect(personalWords(owner)).toEqual(['li.na@example.cn', 'li.na', 'li', 'na', 'Li Na']);
  });
});
