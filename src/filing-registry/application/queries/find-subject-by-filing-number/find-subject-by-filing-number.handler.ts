import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { parseIcpFilingNumber } from '@lib/credentials';
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
  ) {}

  async execute(query: FindSubjectByFilingNumberQuery): Promise<FilingSubjectSnapshot | null> {
    const parsed = parseIcpFilingNumber(query.filingNumber);
    if (!parsed.ok) return null;
    // One statement (the subject with its websites): consistent without a transaction of its own.
    const subject = await this.subjects.findByFilingNumber(parsed.subjectNumber);
    return subject ? toSnapshot(subject) : null;
  }
}
