import { Query } from '@nestjs/cqrs';
import type { CorrectableField } from '../../../domain/correctable-field.js';
import type { DocumentKind } from '../../../domain/document-kind.js';
import type { RejectReason } from '../../../domain/reject-reason.js';
import type { RequestStatus } from '../../../domain/request-status.js';
import type { SubjectType } from '../../../domain/subject-type.js';
import type { SlaState } from '../../../contracts/sla-state.js';

/** What the public filing system may know about one of its requests. */
export interface RequestStatusView {
  id: string;
  reference: string;
  externalId: string;
  /** As submitted; a corrected `credentialNumber` has this subject type's shape. */
  subjectType: SubjectType;
  status: RequestStatus;
  receivedAt: string;
  dueAt: string | null;
  /** ON_TRACK | AT_RISK | BREACHED while undecided, PAUSED while waiting for the applicant, MET | MISSED once decided. */
  slaState: SlaState | null;
  /** Business minutes until dueAt (negative once breached); null when the clock is not running. */
  businessMinutesRemaining: number | null;
  decision: {
    outcome: 'APPROVED' | 'REJECTED' | 'EXPIRED' | 'WITHDRAWN';
    decidedAt: string;
    reasons: RejectReason[];
    message: string | null;
  } | null;
  /**
   * The last request for information: what the reviewer asked for (new versions of
   * `documents`, corrected values of `fields`, named as the intake JSON names them) and
   * why, and the reply deadline (`expiresAt`, while the request waits for the applicant).
   */
  informationRequest: {
    documents: DocumentKind[];
    fields: CorrectableField[];
    message: string;
    requestedAt: string;
    expiresAt: string | null;
  } | null;
}

/** Null when the request does not exist or belongs to another intake client. */
export class GetRequestStatusQuery extends Query<RequestStatusView | null> {
  constructor(
    readonly intakeClient: string,
    readonly requestId: string,
  ) {
    super();
  }
}
