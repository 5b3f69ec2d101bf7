import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

export interface AccountEmailReplaced {
  subjectId: string;
  filingNumber: string;
  previousEmail: string;
  newEmail: string;
  previousAliyunAccountId: string | null;
  aliyunAccountId: string;
  changedAt: Date;
}

/**
 * Approving an initialization request replaces the subject's account email and
 * binds it to the applicant's Alibaba Cloud account; the old email goes into
 * the history. Dispatched by the initialization context inside its own unit of
 * work, which this joins. Throws FilingSubjectNotFoundError,
 * AccountHoldsOtherSubjectError (that account is bound to another subject) or
 * InvalidSubjectDetailsError; nothing is changed then.
 */
export class ReplaceSubjectAccountEmailCommand extends Command<AccountEmailReplaced> {
  constructor(
    readonly input: {
      subjectId: string;
      newEmail: string;
      aliyunAccountId: string;
      /** The initialization request whose approval this is. */
      requestId: string;
      actor: Actor;
      ip?: string | null;
    },
  ) {
    super();
  }
}
