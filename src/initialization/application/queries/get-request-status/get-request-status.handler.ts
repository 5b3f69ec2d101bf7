import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { GetRequestStatusQuery, type RequestStatusView } from './get-request-status.query.js';

@QueryHandler(GetRequestStatusQuery)
export class GetRequestStatusHandler implements IQueryHandler<GetRequestStatusQuery> {
  constructor(@Inject(INITIALIZATION_REQUEST_REPOSITORY) private readonly requests: InitializationRequestRepository) {}

  async execute(query: GetRequestStatusQuery): Promise<RequestStatusView | null> {
    const request = await this.requests.findById(query.requestId);
    if (!request) return null;
    const p = request.toProps();
    if (p.intakeClient !== query.intakeClient) return null;
    return {
      id: p.id,
      reference: p.reference,
      externalId: p.externalId,
      status: p.status,
      receivedAt: p.receivedAt.toISOString(),
      dueAt: p.sla.dueAt?.toISOString() ?? null,
      decision: p.decision
        ? { outcome: p.decision.outcome, decidedAt: p.decision.at.toISOString(), reasons: p.decision.reasons, message: p.decision.message }
        : null,
      informationRequest: p.informationRequest
        ? {
            documents: p.informationRequest.documents,
            fields: p.informationRequest.fields,
            message: p.informationRequest.message,
            requestedAt: p.informationRequest.requestedAt.toISOString(),
            expiresAt: p.sla.expiresAt?.toISOString() ?? null,
          }
        : null,
    };
  }
}
