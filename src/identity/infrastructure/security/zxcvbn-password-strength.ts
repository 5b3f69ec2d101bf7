import { Injectable } from '@nestjs/common';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import type { PasswordStrength, PasswordWeakness } from '../../domain/password-policy.js';
import type { PasswordStrengthEstimator } from '../../application/ports/password-strength.js';

/**
 * zxcvbn's warnings (without translations it returns their keys) in our own words'
 * terms; the page says them in the reader's language, never zxcvbn's English.
 */
const WEAKNESS_BY_WARNING: Record<string, PasswordWeakness> = {
  topTen: 'common',
  topHundred: 'common',
  common: 'common',
  pwned: 'common',
  similarToCommon: 'similar-to-common',
  straightRow: 'keyboard-pattern',
  keyPattern: 'keyboard-pattern',
  simpleRepeat: 'repeats',
  extendedRepeat: 'repeats',
  sequences: 'sequence',
  recentYears: 'dates',
  dates: 'dates',
  wordByItself: 'single-word',
  namesByThemselves: 'names',
  commonNames: 'names',
  userInputs: 'personal',
};

/** Built once per process on first use (loading the dictionaries takes a fifth of a second). */
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  // Without the Levenshtein matcher: with it a check takes up to a second and a half of CPU.
  estimator ??= new ZxcvbnFactory({
    dictionary: { ...commonDictionary, ...englishDictionary },
    graphs: adjacencyGraphs,
  });
  return estimator;
}

/** `@zxcvbn-ts/core` v4 with its common and English dictionaries and keyboard layouts. */
@Injectable()
export class ZxcvbnPasswordStrength implements PasswordStrengthEstimator {
  estimate(password: string, personalWords: readonly string[]): PasswordStrength {
    const result = zxcvbn().check(password, [...personalWords]);
    const warning = result.feedback.warning;
    return {
      score: result.score,
      weakness: warning ? (WEAKNESS_BY_WARNING[warning] ?? null) : null,
    };
  }
}
