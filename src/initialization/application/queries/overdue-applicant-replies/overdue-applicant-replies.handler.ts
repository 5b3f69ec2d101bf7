import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SLA_LINE_FLAGS, type SlaLineFlags } from '../../ports/sla-line-flags.js';
import { OverdueApplicantRepliesQuery } from './overdue-applicant-replies.query.js';

@QueryHandler(OverdueApplicantRepliesQuery)
export class OverdueApplicantRepliesHandler implements IQueryHandler<OverdueApplicantRepliesQuery> {
  constructor(@Inject(SLA_LINE_FLAGS) private readonly flags: SlaLineFlags) {}

  execute(query: OverdueApplicantRepliesQuery): Promise<string[]> {
    return this.flags.overdueApplicantReplies(query.now, query.limit);
  }
}
