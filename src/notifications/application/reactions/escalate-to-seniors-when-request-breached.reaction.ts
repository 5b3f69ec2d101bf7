import { Injectable } from '@nestjs/common';
import { ReactsTo } from '../../../shared/application/domain-events.js';
import type { DomainEvent } from '../../../shared/domain/domain-event.js';
import { breachMail } from '../../domain/mails/staff-mails.js';
import { StaffNoticeReaction } from './enqueue-notices.js';
import { slaDetails } from './event-details.js';

/**
 * A breach goes to every active senior reviewer, and to the reviewer holding the request:
 * one mail each, in each one's language.
 */
@Injectable()
@ReactsTo('request.sla_breached')
export class EscalateToSeniorsWhenRequestBreached extends StaffNoticeReaction {
  override async react(event: DomainEvent): Promise<void> {
    const details = slaDetails.parse(event.details);
    const seniors = await this.staff.activeSeniorReviewers();
    const assignee = details.assigneeId ? await this.staff.active(details.assigneeId) : null;
    const recipients = [
      ...seniors,
      ...(assignee && !seniors.some((senior) => senior.id === assignee.id) ? [assignee] : []),
    ];
    await this.notify(recipients, this.slaNotice('sla.breached', breachMail, event, details));
  }
}
