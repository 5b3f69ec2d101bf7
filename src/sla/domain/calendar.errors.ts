import { DomainError } from '../../shared/domain/domain-error.js';

export class InvalidCalendarError extends DomainError {
  readonly category = 'rule-violated';
  readonly code = 'calendar.invalid';
  constructor(readonly problems: readonly string[]) {
    super(`The arrangement was not saved: ${problems.join(' ')}`);
  }
}
