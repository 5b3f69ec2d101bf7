import type { StaffActor } from '../../shared/domain/actor.js';
import type { Message } from '../../shared/i18n/message.js';

/** An initialization request for a subject, as the subject page lists it. */
export interface SubjectRequest {
  id: string;
  reference: string;
  statusLabel: Message;
  open: boolean;
  receivedAt: Date;
  /** Its workspace, or null when the viewer may not open it. */
  href: string | null;
}

/**
 * The initialization requests of a subject. The filing registry owns this port; the context
 * that keeps the requests implements it (initialization's `SubjectRequestsForRegistry`) and
 * the composition root wires the two, so the registry depends on no other context.
 */
export interface SubjectRequests {
  /** Newest first; `more` when there are more than were listed. */
  of(
    subject: { id: string; filingNumber: string },
    viewer: StaffActor,
  ): Promise<{ requests: SubjectRequest[]; more: boolean }>;
}
export const SUBJECT_REQUESTS = Symbol('SubjectRequests');
