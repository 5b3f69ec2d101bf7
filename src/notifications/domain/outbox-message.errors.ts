import { DomainError } from '../../shared/domain/domain-error.js';

export class OutboxMessageNotFoundError extends DomainError {
  readonly category = 'not-found';
  readonly code = 'notifications.message-not-found';
  constructor(id: string) {
    super({ id });
  }
}

/** Only a message whose delivery is unknown (ABANDONED) is resent by hand. */
export class OnlyAbandonedMailIsResentError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'notifications.resend-not-abandoned';
  constructor() {
    super({});
  }
}

/** An abandoned message is resent once: the resend is the one to follow from then on. */
export class MailAlreadyResentError extends DomainError {
  readonly category = 'conflict';
  readonly code = 'notifications.already-resent';
  constructor() {
    super({});
  }
}
