import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';

/** One request for the subject, as another context lists it. */
export interface SubjectRequestView {
  id: string;
  reference: string;
  statusLabel: Message;
  /** Not decided, withdrawn or expired yet. */
  open: boolean;
  receivedAt: Date;
  /** The request's workspace, or null when this viewer may not open it. */
  href: string | null;
}

export interface SubjectRequestsView {
  /** Newest first (by receipt). */
  requests: SubjectRequestView[];
  /** More requests exist than are listed. */
  more: boolean;
}

/**
 * Published to other contexts (the filing registry's subject page): the initialization
 * requests for a filing subject — matched to it at intake, or naming its filing number.
 */
export class RequestsOfSubjectQuery extends Query<SubjectRequestsView> {
  constructor(
    readonly subject: { id: string; filingNumber: string },
    readonly viewer: StaffActor,
    readonly limit = 100,
  ) {
    super();
  }
}
