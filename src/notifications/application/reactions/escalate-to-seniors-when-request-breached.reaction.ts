import { Injectable } from '@nestjs/common';
import { ReactsTo } from '../../../shared/application/domain-events.js';
import { breachMail } from '../../domain/mails/staff-mails.js';
import { StaffNoticeReaction } from './enqueue-notices.js';
import type { RequestSlaBreached } from '../../../sla/contracts/events.js';

/**
 * A breach goes to every active senior reviewer, and to the reviewer holding the request:
 * one mail each, in each one's language.
 */
@Injectable()
@ReactsTo('request.sla_breached')
export class EscalateToSeniorsWhenRequestBreached extends StaffNoticeReaction<RequestSlaBreached> {
  override async react(event: RequestSlaBreached): Promise<void> {
    const details = { ...event.details, dueAt: new Date(event.details.dueAt) };
    const seniors = await this.staff.activeSeniorReviewers();
    const assignee = details.assigneeId ? await this.staff.active(details.assigneeId) : null;
    const recipients = [
      ...seniors,
      ...(assignee && !seniors.some((senior) => senior.id === assignee.id) ? [assignee] : []),
    ];
    await this.notify(recipients, this.slaNotice('sla.breached', breachMail, event, details));
  }
}
