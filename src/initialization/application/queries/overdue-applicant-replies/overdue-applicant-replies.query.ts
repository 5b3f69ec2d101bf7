import { Query } from '@nestjs/cqrs';

/**
 * Published to the sla context (its watch): up to `limit` ids of requests left waiting
 * for the applicant past their reply deadline at `now`, the longest overdue first.
 */
export class OverdueApplicantRepliesQuery extends Query<string[]> {
  constructor(
    readonly now: Date,
    readonly limit: number,
  ) {
    super();
  }
}
