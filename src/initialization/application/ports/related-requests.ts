import type { RequestStatus } from '../../domain/request-status.js';

/** Another request, as a link to it shows it. */
export interface RelatedRequest {
  id: string;
  reference: string;
  status: RequestStatus;
  receivedAt: Date;
}

/** Requests that concern each other: the same files, the same filing subject. */
export interface RelatedRequests {
  /**
   * Requests for another filing subject holding a file (same SHA-256) of this request,
   * current or replaced; newest first, at most `limit`.
   */
  sharingFilesWith(
    requestId: string,
    subjectFilingNumber: string,
    limit: number,
  ): Promise<RelatedRequest[]>;
  /**
   * The requests for a filing subject: matched to it at intake, or naming its filing
   * number; newest first (by receipt), at most `limit`.
   */
  ofSubject(
    subjectId: string,
    subjectFilingNumber: string,
    limit: number,
  ): Promise<RelatedRequest[]>;
}
export const RELATED_REQUESTS = Symbol('RelatedRequests');
