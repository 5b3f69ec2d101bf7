import { Injectable } from '@nestjs/common';
import { ReactsTo } from '../../../shared/application/domain-events.js';
import { atRiskMail } from '../../domain/mails/staff-mails.js';
import { StaffNoticeReaction } from './enqueue-notices.js';
import type { RequestSlaAtRisk } from '../../../sla/contracts/events.js';

/**
 * The reviewer holding an at-risk request is told; when nobody holds it, every senior
 * reviewer is. Each in their own language.
 */
@Injectable()
@ReactsTo('request.sla_at_risk')
export class NotifyStaffWhenRequestAtRisk extends StaffNoticeReaction<RequestSlaAtRisk> {
  override async react(event: RequestSlaAtRisk): Promise<void> {
    const details = { ...event.details, dueAt: new Date(event.details.dueAt) };
    const assignee = details.assigneeId ? await this.staff.active(details.assigneeId) : null;
    const recipients = assignee ? [assignee] : await this.staff.activeSeniorReviewers();
    await this.notify(recipients, this.slaNotice('sla.at_risk', atRiskMail, event, details));
  }
}
