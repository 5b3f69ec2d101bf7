import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { parseIcpFilingNumber } from '@lib/credentials';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { toSnapshot, type FilingSubjectSnapshot } from '../../filing-subject-snapshot.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import { FindSubjectByFilingNumberQuery } from './find-subject-by-filing-number.query.js';

@QueryHandler(FindSubjectByFilingNumberQuery)
export class FindSubjectByFilingNumberHandler implements IQueryHandler<FindSubjectByFilingNumberQuery> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(query: FindSubjectByFilingNumberQuery): Promise<FilingSubjectSnapshot | null> {
    const parsed = parseIcpFilingNumber(query.filingNumber);
    if (!parsed.ok) return null;
    return this.unitOfWork.run(async () => {
      const subject = await this.subjects.findByFilingNumber(parsed.subjectNumber);
      return subject ? toSnapshot(subject) : null;
    });
  }
}
