import type { InitializationRequest } from '../../domain/initialization-request.js';
import type { StoredRequestNote } from './request-notes.js';
import type { RequestStatus } from '../../domain/request-status.js';

/** An open request somebody holds, as a list of held work names it. */
export interface HeldRequestSummary {
  id: string;
  reference: string;
  status: RequestStatus;
  subjectName: string;
  dueAt: Date | null;
  /** When a request waiting for the applicant expires. */
  expiresAt: Date | null;
}

export interface InitializationRequestRepository {
  /** A new unique human reference, `INIT-2026-000123` (the year of receipt in the business zone). */
  nextReference(receivedAt: Date): Promise<string>;
  findById(id: string): Promise<InitializationRequest | null>;
  /**
   * The request with its internal notes (oldest first), read in one round trip: the
   * workspace shows both on every page.
   */
  findWithNotes(
    id: string,
  ): Promise<{ request: InitializationRequest; notes: StoredRequestNote[] } | null>;
  /** Loads the request and locks its row until the unit of work ends; throws RequestNotFoundError. */
  getForUpdate(id: string): Promise<InitializationRequest>;
  findByExternalId(intakeClient: string, externalId: string): Promise<InitializationRequest | null>;
  /** Stores a new request; `duplicate` when this client already sent this externalId. */
  insert(request: InitializationRequest): Promise<'inserted' | 'duplicate'>;
  /**
   * Stores the changes of a loaded request, if nobody changed it since it was
   * loaded (version check); throws StaleRequestError otherwise.
   */
  save(request: InitializationRequest): Promise<void>;
  /** Open (not decided) requests for the same filing subject, other than `exceptId`. */
  openRequestsForSubject(
    subjectFilingNumber: string,
    exceptId?: string,
  ): Promise<{ id: string; reference: string }[]>;
  /** Ids of requests whose SLA clock runs and started on or after `from`. */
  clockRunningSince(from: Date): Promise<string[]>;
  /** Ids of requests waiting for the applicant whose reply deadline is on or after `from`. */
  awaitingReplyUntilAfter(from: Date): Promise<string[]>;
  /**
   * The open requests this member of staff holds (in review, awaiting the second approval
   * or the applicant), the earliest due first.
   */
  heldBy(staffId: string): Promise<HeldRequestSummary[]>;
  /** Whether any of these file hashes was sent with a request for a different subject. */
  hashesSeenWithOtherSubject(sha256: string[], subjectFilingNumber: string): Promise<boolean>;
}
export const INITIALIZATION_REQUEST_REPOSITORY = Symbol('InitializationRequestRepository');
