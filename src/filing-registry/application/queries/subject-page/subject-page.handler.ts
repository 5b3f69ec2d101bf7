import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { maskIdentifier } from '../../../../shared/domain/personal-data.js';
import { UNIT_OF_WORK, type UnitOfWork } from '../../../../shared/application/unit-of-work.js';
import { msg } from '../../../../shared/i18n/message.js';
import { FilingSubjectNotFoundError } from '../../../domain/filing-subject.errors.js';
import {
  FILING_SUBJECT_REPOSITORY,
  type FilingSubjectRepository,
} from '../../ports/filing-subject.repository.js';
import { SUBJECT_REQUESTS, type SubjectRequests } from '../../../contracts/subject-requests.js';
import { toSnapshot } from '../../filing-subject-snapshot.js';
import { SubjectPageQuery, type SubjectPageView } from './subject-page.query.js';

@QueryHandler(SubjectPageQuery)
export class SubjectPageHandler implements IQueryHandler<SubjectPageQuery> {
  constructor(
    @Inject(FILING_SUBJECT_REPOSITORY) private readonly subjects: FilingSubjectRepository,
    @Inject(SUBJECT_REQUESTS) private readonly requests: SubjectRequests,
    @Inject(UNIT_OF_WORK) private readonly unitOfWork: UnitOfWork,
  ) {}

  async execute(query: SubjectPageQuery): Promise<SubjectPageView> {
    const { subject, history } = await this.unitOfWork.run(async () => {
      const found = await this.subjects.findById(query.subjectId);
      if (!found) throw new FilingSubjectNotFoundError(query.subjectId);
      return { subject: toSnapshot(found), history: await this.subjects.historyOf(found.id) };
    });
    const { requests, more } = await this.requests.of(
      { id: subject.id, filingNumber: subject.filingNumber },
      query.viewer,
    );
    const listed = new Map(requests.map((request) => [request.id, request]));
    return {
      id: subject.id,
      name: subject.name,
      filingNumber: subject.filingNumber,
      typeLabel: msg(`request.subjectType.${subject.type}`),
      credentialNumber: maskIdentifier(subject.credentialNumber),
      province: subject.province,
      accountEmail: subject.accountEmail,
      aliyunAccountId: subject.aliyunAccountId,
      accountEmailChangedAt: subject.accountEmailChangedAt,
      websites: subject.websites,
      emailHistory: history.map((entry) => {
        const request = entry.replacedByRequestId
          ? (listed.get(entry.replacedByRequestId) ?? null)
          : null;
        return {
          email: entry.email,
          aliyunAccountId: entry.aliyunAccountId,
          from: entry.from,
          to: entry.to,
          how:
            entry.source === 'LEGACY_IMPORT'
              ? msg('registry.history.legacyImport')
              : msg('registry.history.approval'),
          request: entry.replacedByRequestId
            ? {
                reference: request?.reference ?? null,
                // Linked as the requests list links it: only for a viewer who may open it.
                href: request ? request.href : null,
              }
            : null,
        };
      }),
      requests,
      moreRequests: more,
    };
  }
}
