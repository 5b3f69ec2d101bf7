import { msg, type Message } from '../../shared/i18n/message.js';

/** A password shorter than this is refused. */
export const PASSWORD_MIN_LENGTH = 12;
/** The strength estimate (0 to 4) a password must reach: 3 is "safely unguessable" online and slow offline. */
export const PASSWORD_MIN_SCORE = 3;
/** A part of the email before the @ at least this long may not appear in the password. */
const EMAIL_NAME_MIN_LENGTH = 4;

/** Why a password is easy to guess, in our own words (not the estimator's English). */
export const PASSWORD_WEAKNESSES = [
  'common',
  'similar-to-common',
  'keyboard-pattern',
  'repeats',
  'sequence',
  'dates',
  'single-word',
  'names',
  'personal',
  'guessable',
] as const;
export type PasswordWeakness = (typeof PASSWORD_WEAKNESSES)[number];

/** How hard a password is to guess, as an estimator (zxcvbn) scores it. */
export interface PasswordStrength {
  /** 0 (guessed at once) to 4 (very unlikely to be guessed). */
  score: number;
  /** The main reason it is weak, when the estimator names one. */
  weakness: PasswordWeakness | null;
}

/** Whose password it is: the policy refuses the email and, through the estimator, their name. */
export interface PasswordOwner {
  email: string;
  displayName?: string;
}

/**
 * The words an attacker would try first for this person: the email, its part before
 * the @ and the pieces of that part, and their name. The estimator counts a password
 * made of them as weak.
 */
export function personalWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase();
  const name = emailName(email);
  const words = [email, name, ...name.split(/[._+-]+/), owner.displayName?.trim() ?? ''];
  return [...new Set(words.filter((word) => word.length >= 2))];
}

/**
 * Everything that is wrong with a password, as sentences, all at once: at least
 * PASSWORD_MIN_LENGTH characters, not the email and not containing the part of it
 * before the @, and an estimated strength of at least PASSWORD_MIN_SCORE, saying why not.
 */
export function passwordProblems(
  password: string,
  owner: PasswordOwner,
  strength: PasswordStrength,
): Message[] {
  const problems: Message[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH)
    problems.push(msg('identity.password.tooShort', { min: PASSWORD_MIN_LENGTH }));
  const email = owner.email.trim().toLowerCase();
  const lowered = password.toLowerCase();
  const name = emailName(email);
  const mentionsEmail = email !== '' && lowered.trim() === email;
  const mentionsName =
    !mentionsEmail && name.length >= EMAIL_NAME_MIN_LENGTH && lowered.includes(name);
  if (mentionsEmail) problems.push(msg('identity.password.isEmail'));
  if (mentionsName) problems.push(msg('identity.password.containsEmailName', { name }));
  if (strength.score < PASSWORD_MIN_SCORE && password.length > 0) {
    // Said once: the email was named above, the estimator's "it is personal" adds nothing.
    const weakness =
      strength.weakness === 'personal' && (mentionsEmail || mentionsName)
        ? null
        : (strength.weakness ?? 'guessable');
    if (weakness) {
      problems.push(
        msg('identity.password.weak', { reason: msg(`identity.password.weakness.${weakness}`) }),
      );
    }
  }
  return problems;
}

function emailName(email: string): string {
  const at = email.lastIndexOf('@');
  return at > 0 ? email.slice(0, at) : email;
}
