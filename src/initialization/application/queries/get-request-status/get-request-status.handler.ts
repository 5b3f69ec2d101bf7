import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '../../../../shared/application/clock.js';
import { SLA_DESCRIBER, type SlaDescriber } from '../../ports/sla-describer.js';
import {
  INITIALIZATION_REQUEST_REPOSITORY,
  type InitializationRequestRepository,
} from '../../ports/initialization-request.repository.js';
import { GetRequestStatusQuery, type RequestStatusView } from './get-request-status.query.js';

@QueryHandler(GetRequestStatusQuery)
export class GetRequestStatusHandler implements IQueryHandler<GetRequestStatusQuery> {
  constructor(
    @Inject(INITIALIZATION_REQUEST_REPOSITORY)
    private readonly requests: InitializationRequestRepository,
    @Inject(SLA_DESCRIBER) private readonly sla: SlaDescriber,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(query: GetRequestStatusQuery): Promise<RequestStatusView | null> {
    const request = await this.requests.findById(query.requestId);
    if (!request) return null;
    const p = request.toProps();
    if (p.intakeClient !== query.intakeClient) return null;
    const sla = await this.sla.describe(
      { status: p.status, dueAt: p.sla.dueAt, atRiskAt: p.sla.atRiskAt, outcome: p.sla.outcome },
      this.clock.now(),
    );
    return {
      id: p.id,
      reference: p.reference,
      externalId: p.externalId,
      subjectType: p.subjectType,
      status: p.status,
      receivedAt: p.receivedAt.toISOString(),
      dueAt: p.sla.dueAt?.toISOString() ?? null,
      slaState: sla.slaState,
      businessMinutesRemaining: sla.businessMinutesRemaining,
      decision: p.decision
        ? {
            outcome: p.decision.outcome,
            decidedAt: p.decision.at.toISOString(),
            reasons: p.decision.reasons,
            message: p.decision.message,
          }
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
