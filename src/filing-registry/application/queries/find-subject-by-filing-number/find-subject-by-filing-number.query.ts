import { Query } from '@nestjs/cqrs';
import type { FilingSubjectSnapshot } from '../../filing-subject-snapshot.js';

/**
 * The subject holding a filing number: the subject's own (`浙ICP备12345678号`) or
 * one of its websites' or apps' (`浙ICP备12345678号-1`), as typed (normalised
 * first). Null when the registry has no such subject or the text is not a
 * filing number.
 */
export class FindSubjectByFilingNumberQuery extends Query<FilingSubjectSnapshot | null> {
  constructor(readonly filingNumber: string) {
    super();
  }
}
