import { Injectable } from '@nestjs/common';
import { ReactsTo } from '../../../shared/application/domain-events.js';
import type { StaffDeactivated } from '../../../identity/contracts/events.js';
import type { RequestStatus } from '../../../initialization/contracts/vocabulary.js';
import { heldWorkReturnedMail } from '../../domain/mails/staff-mails.js';
import { StaffNoticeReaction } from './enqueue-notices.js';
import { requestLink } from './mail-words.js';

/**
 * A deactivation that gave requests back tells the senior reviewers, in each one's
 * language, in the deactivation's transaction: every active senior when the requests were
 * released (somebody must see that they are claimed), or the senior they were reassigned to.
 */
@Injectable()
@ReactsTo('staff.deactivated')
export class TellSeniorsWhenHeldWorkReturned extends StaffNoticeReaction<StaffDeactivated> {
  override async react(event: StaffDeactivated): Promise<void> {
    const { details } = event;
    if (details.returnedRequests.length === 0) return;
    const handedTo = details.handedToId ? await this.staff.active(details.handedToId) : null;
    const recipients = handedTo ? [handedTo] : await this.staff.activeSeniorReviewers();
    const requests = details.returnedRequests.map((request) => ({
      reference: request.reference,
      // Identity carries the code as the request context wrote it.
      status: request.status as RequestStatus,
      url: requestLink(this.style, request.id),
    }));
    await this.notify(recipients, {
      dedupeKey: `staff.held_work_returned:${details.staffId}:${event.occurredAt.toISOString()}`,
      compose: (recipient, words) =>
        heldWorkReturnedMail(
          recipient.email,
          { holderName: details.displayName, requests, yours: handedTo !== null },
          words,
        ),
    });
  }
}
