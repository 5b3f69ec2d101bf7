import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import type { AccountEmailHistoryEntry } from '../../../domain/account-email-history.js';
import { FilingSubjectNotFoundError } from '../../../domain/filing-subject.errors.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import { GetSubjectHistoryQuery } from './get-subject-history.query.js';

@QueryHandler(GetSubjectHistoryQuery)
export class GetSubjectHistoryHandler implements IQueryHandler<GetSubjectHistoryQuery> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(query: GetSubjectHistoryQuery): Promise<AccountEmailHistoryEntry[]> {
    return this.unitOfWork.run(async () => {
      const subject = await this.subjects.findById(query.subjectId);
      if (!subject) throw new FilingSubjectNotFoundError(query.subjectId);
      return this.subjects.historyOf(subject.id);
    });
  }
}
