import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { messagesOf } from '../../../../shared/i18n/message.js';
import { isTerminal, REQUEST_STATUSES } from '../../../domain/request-status.js';
import { RELATED_REQUESTS, type RelatedRequests } from '../../ports/related-requests.js';
import { workspaceHrefFor } from '../related-request-links.js';
import { RequestsOfSubjectQuery, type SubjectRequestsView } from './requests-of-subject.query.js';

const STATUS_LABELS = messagesOf('request.status', REQUEST_STATUSES);

@QueryHandler(RequestsOfSubjectQuery)
export class RequestsOfSubjectHandler implements IQueryHandler<RequestsOfSubjectQuery> {
  constructor(@Inject(RELATED_REQUESTS) private readonly related: RelatedRequests) {}

  async execute(query: RequestsOfSubjectQuery): Promise<SubjectRequestsView> {
    const rows = await this.related.ofSubject(
      query.subject.id,
      query.subject.filingNumber,
      query.limit + 1,
    );
    return {
      requests: rows.slice(0, query.limit).map((row) => ({
        id: row.id,
        reference: row.reference,
        statusLabel: STATUS_LABELS[row.status],
        open: !isTerminal(row.status),
        receivedAt: row.receivedAt,
        href: workspaceHrefFor(query.viewer, row.id),
      })),
      more: rows.length > query.limit,
    };
  }
}
