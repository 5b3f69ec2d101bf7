import { DomainError } from '../../shared/domain/domain-error.js';

export class InvalidReportRangeError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'report.invalid-range';
  constructor(readonly problems: string[]) {
    super(`The report cannot be shown: ${problems.join('; ')}.`);
  }
}
