import { DomainError } from '../../shared/domain/domain-error.js';

export class OutboxMessageNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'notifications.message-not-found';
  constructor(id: string) {
    super({ id });
  }
}
