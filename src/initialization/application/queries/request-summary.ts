import type { InitializationRequest } from '../../domain/initialization-request.js';
import type { RequestStatus } from '../../domain/request-status.js';
import type { RiskFlag } from '../../domain/risk-flag.js';

/** The intake API's answer to a submission (201, or 200 for a replay). */
export interface RequestSummary {
  id: string;
  reference: string;
  status: RequestStatus;
  receivedAt: string;
  dueAt: string | null;
  riskFlags: RiskFlag[];
}

export function summarise(request: InitializationRequest): RequestSummary {
  const props = request.toProps();
  return {
    id: props.id,
    reference: props.reference,
    status: props.status,
    receivedAt: props.receivedAt.toISOString(),
    dueAt: props.sla.dueAt?.toISOString() ?? null,
    riskFlags: [...props.riskFlags],
  };
}
