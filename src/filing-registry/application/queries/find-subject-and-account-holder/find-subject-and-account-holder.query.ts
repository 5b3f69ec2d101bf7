import { Query } from '@nestjs/cqrs';
import type { FilingSubjectSnapshot } from '../../filing-subject-snapshot.js';

export interface SubjectAndAccountHolder {
  /** As FindSubjectByFilingNumberQuery answers for `filingNumber`. */
  subject: FilingSubjectSnapshot | null;
  /** As FindSubjectByAliyunAccountQuery answers for `aliyunAccountId`. */
  accountHolder: FilingSubjectSnapshot | null;
}

/**
 * What an application names, in one look-up: the subject holding its filing number
 * and the subject its Alibaba Cloud account is bound to (often the same subject,
 * and compared by review whenever they differ).
 */
export class FindSubjectAndAccountHolderQuery extends Query<SubjectAndAccountHolder> {
  constructor(
    readonly filingNumber: string,
    readonly aliyunAccountId: string,
  ) {
    super();
  }
}
