import type { PasswordStrength } from '../../domain/password-policy.js';

/** Estimates how hard a password is to guess (an adapter over zxcvbn). */
export interface PasswordStrengthEstimator {
  /** `personalWords`: what an attacker knows of the person (email, name), counted as guessable. */
  estimate(password: string, personalWords: readonly string[]): PasswordStrength;
}
export const PASSWORD_STRENGTH = Symbol('PasswordStrengthEstimator');
