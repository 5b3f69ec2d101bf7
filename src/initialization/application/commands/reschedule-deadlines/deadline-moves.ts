import type { InitializationRequest } from '../../../domain/initialization-request.js';
import type { DeadlinePolicy } from '../../ports/deadline-policy.js';
import type { InitializationRequestRepository } from '../../ports/initialization-request.repository.js';

/**
 * How a change of the business calendar moves the deadlines of open requests: which
 * requests are looked at, and what each one's deadline becomes. The reschedule applies
 * it; a calendar edit's preview counts with it (`DeadlinesToRescheduleQuery`), so the
 * numbers an administrator confirms are the ones the save moves.
 */
export const deadlineMoves = {
  /** Requests whose clock runs and started on or after `from`; and those waiting for the applicant. */
  async candidates(
    requests: InitializationRequestRepository,
    from: Date,
  ): Promise<{ running: string[]; waiting: string[] }> {
    return {
      running: await requests.clockRunningSince(from),
      waiting: await requests.awaitingReplyUntilAfter(from),
    };
  },

  /** Due (and at risk) again from the clock's start; whether it moved. */
  async deadline(
    request: InitializationRequest,
    policy: DeadlinePolicy,
    now: Date,
  ): Promise<boolean> {
    return request.reschedule(await policy.deadlineFor(request.toProps().sla.clockStartedAt), now);
  },

  /**
   * The reply deadline of a request waiting for the applicant: its clock is stopped, but
   * the reply deadline counts business days too. Whether it moved.
   */
  async replyDeadline(
    request: InitializationRequest,
    policy: DeadlinePolicy,
    now: Date,
  ): Promise<boolean> {
    const requestedAt = request.toProps().informationRequest?.requestedAt;
    return requestedAt
      ? request.rescheduleReply(await policy.applicantReplyDeadline(requestedAt), now)
      : false;
  },
};
