/** A request that just crossed an SLA line. */
export interface FlaggedRequest {
  id: string;
  reference: string;
  subjectId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date;
}

/**
 * Marks undecided requests that crossed a line, each once: a request already
 * flagged, or locked by a reviewer deciding it right now, is not returned.
 * `flagAtRisk` marks (and returns) requests already past due too; the watch
 * decides which are told.
 */
export interface SlaFlagger {
  flagAtRisk(now: Date, limit: number): Promise<FlaggedRequest[]>;
  flagBreached(now: Date, limit: number): Promise<FlaggedRequest[]>;
  /** Requests left waiting for the applicant past their reply deadline. */
  overdueApplicantReplies(now: Date, limit: number): Promise<string[]>;
}
export const SLA_FLAGGER = Symbol('SlaFlagger');
