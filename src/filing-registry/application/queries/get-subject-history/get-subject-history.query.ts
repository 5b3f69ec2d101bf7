import { Query } from '@nestjs/cqrs';
import type { AccountEmailHistoryEntry } from '../../../domain/account-email-history.js';

/**
 * A subject's past account emails, newest first (the current one is on the
 * subject). Throws FilingSubjectNotFoundError for an unknown subject.
 */
export class GetSubjectHistoryQuery extends Query<AccountEmailHistoryEntry[]> {
  constructor(readonly subjectId: string) {
    super();
  }
}
