import type { Deadline } from '../../domain/initialization-request.js';

/**
 * The SLA's rule applied to a receipt: when the request is due and when it
 * becomes at risk, on the official business calendar.
 */
export interface DeadlinePolicy {
  deadlineFor(receivedAt: Date): Promise<Deadline>;
  /** When a request left waiting for the applicant from `requestedAt` expires. */
  applicantReplyDeadline(requestedAt: Date): Promise<Date>;
}
export const DEADLINE_POLICY = Symbol('DeadlinePolicy');
