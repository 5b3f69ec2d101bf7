import { Inject, Injectable } from '@nestjs/common';
import type { Message } from '../../shared/i18n/message.js';
import { passwordProblems, personalWords, type PasswordOwner } from '../domain/password-policy.js';
import { PASSWORD_STRENGTH, type PasswordStrengthEstimator } from './ports/password-strength.js';

/** The password policy with its strength estimator: what every form that sets a password checks. */
@Injectable()
export class PasswordRules {
  constructor(@Inject(PASSWORD_STRENGTH) private readonly estimator: PasswordStrengthEstimator) {}

  /** Everything wrong with `password` for this person, as sentences; empty when it will do. */
  problemsOf(password: string, owner: PasswordOwner): Message[] {
    const strength = this.estimator.estimate(password, personalWords(owner));
    return passwordProblems(password, owner, strength);
  }
}
