import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { parseIcpFilingNumber } from '@lib/credentials';
import { toSnapshot } from '../../filing-subject-snapshot.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import {
  FindSubjectAndAccountHolderQuery,
  type SubjectAndAccountHolder,
} from './find-subject-and-account-holder.query.js';

@QueryHandler(FindSubjectAndAccountHolderQuery)
export class FindSubjectAndAccountHolderHandler implements IQueryHandler<FindSubjectAndAccountHolderQuery> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
  ) {}

  async execute(query: FindSubjectAndAccountHolderQuery): Promise<SubjectAndAccountHolder> {
    const parsed = parseIcpFilingNumber(query.filingNumber);
    const filingNumber = parsed.ok ? parsed.subjectNumber : null;
    const aliyunAccountId = query.aliyunAccountId.trim() || null;
    if (filingNumber === null && aliyunAccountId === null) {
      return { subject: null, accountHolder: null };
    }
    // One statement: both answers from the same moment, without a transaction of its own.
    const found = await this.subjects.findByFilingNumberOrAliyunAccountId(
      filingNumber,
      aliyunAccountId,
    );
    const subject = found.find((candidate) => candidate.filingNumber === filingNumber);
    const holder = found.find((candidate) => candidate.aliyunAccountId === aliyunAccountId);
    return {
      subject: subject ? toSnapshot(subject) : null,
      accountHolder: holder ? toSnapshot(holder) : null,
    };
  }
}
