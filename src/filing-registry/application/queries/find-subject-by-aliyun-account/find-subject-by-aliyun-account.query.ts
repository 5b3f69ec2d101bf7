import { Query } from '@nestjs/cqrs';
import type { FilingSubjectSnapshot } from '../../filing-subject-snapshot.js';

/** The subject bound to an Alibaba Cloud account (at most one), or null. */
export class FindSubjectByAliyunAccountQuery extends Query<FilingSubjectSnapshot | null> {
  constructor(readonly aliyunAccountId: string) {
    super();
  }
}
