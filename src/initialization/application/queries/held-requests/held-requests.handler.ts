import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { messagesOf } from '../../../../shared/i18n/message.js';
import { REQUEST_STATUSES } from '../../../domain/request-status.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { workspaceHrefFor } from '../related-request-links.js';
import { HeldRequestsQuery, type HeldRequestView } from './held-requests.query.js';

const STATUS_LABELS = messagesOf('request.status', REQUEST_STATUSES);

@QueryHandler(HeldRequestsQuery)
export class HeldRequestsHandler implements IQueryHandler<HeldRequestsQuery> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
  ) {}

  async execute(query: HeldRequestsQuery): Promise<HeldRequestView[]> {
    const held = await this.requests.heldBy(query.staffId);
    return held.map((request) => ({
      id: request.id,
      reference: request.reference,
      statusLabel: STATUS_LABELS[request.status],
      dueAt: request.status === 'AWAITING_APPLICANT' ? null : request.dueAt,
      expiresAt: request.status === 'AWAITING_APPLICANT' ? request.expiresAt : null,
      href: workspaceHrefFor(query.viewer, request.id),
    }));
  }
}
