import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { toSnapshot, type FilingSubjectSnapshot } from '../../filing-subject-snapshot.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import { FindSubjectByAliyunAccountQuery } from './find-subject-by-aliyun-account.query.js';

@QueryHandler(FindSubjectByAliyunAccountQuery)
export class FindSubjectByAliyunAccountHandler implements IQueryHandler<FindSubjectByAliyunAccountQuery> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
  ) {}

  async execute(query: FindSubjectByAliyunAccountQuery): Promise<FilingSubjectSnapshot | null> {
    const id = query.aliyunAccountId.trim();
    if (id === '') return null;
    // One statement (the subject with its websites): consistent without a transaction of its own.
    const subject = await this.subjects.findByAliyunAccountId(id);
    return subject ? toSnapshot(subject) : null;
  }
}
