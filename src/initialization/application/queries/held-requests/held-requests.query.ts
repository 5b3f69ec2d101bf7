import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';

/** One open request a member of staff holds, as another context lists it. */
export interface HeldRequestView {
  id: string;
  reference: string;
  statusLabel: Message;
  /** The deadline of a request in review or awaiting the second approval. */
  dueAt: Date | null;
  /** When a request waiting for the applicant expires. */
  expiresAt: Date | null;
  /** The request's workspace, or null when this viewer may not open it. */
  href: string | null;
}

/**
 * Published to other contexts (deactivating a staff account): the open requests `staffId`
 * holds — in review, awaiting the second approval or awaiting the applicant — the earliest
 * due first.
 */
export class HeldRequestsQuery extends Query<HeldRequestView[]> {
  constructor(
    readonly staffId: string,
    readonly viewer: StaffActor,
  ) {
    super();
  }
}
