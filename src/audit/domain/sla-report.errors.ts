import { DomainError } from '../../shared/domain/domain-error.js';
import { msg, type Message } from '../../shared/i18n/message.js';

export class InvalidReportRangeError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'report.invalid-range';
  /** `problems`: what is wrong with the range, each in words (`reports.problem.*`), named one after another. */
  constructor(readonly problems: readonly Message[]) {
    super({
      problems: problems.reduce((before, next) => msg('reports.problem.then', { before, next })),
    });
  }
}
