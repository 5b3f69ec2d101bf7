import { Query } from '@nestjs/cqrs';
import type { Message } from '../../../../shared/i18n/message.js';
import type { WordedDetail } from '../../audit-event-wording.js';

/**
 * One event of a request's history, in words (rendered in the reader's language where
 * it is shown), personal data masked. Document
 * views in a row by one person (every look at the workspace loads each
 * document) are one entry that says how many views it stands for.
 */
export interface RequestTimelineEvent {
  seq: number;
  occurredAt: Date;
  /** Audit events this entry stands for (more than one: consecutive document views). */
  events: number;
  action: string;
  /** "Approved" · "通过" */
  actionLabel: Message;
  /** "Wang Fang approved — awaiting second approval" · "王芳 审核通过，待复核" */
  sentence: Message;
  details: WordedDetail[];
  actorRole: string | null;
}

export interface RequestTimeline {
  /** Newest first. */
  events: RequestTimelineEvent[];
  /** Older document views were left out (the audit trail search shows them all). */
  more: boolean;
  /** How many document views were left out. */
  omittedViews: number;
}

/**
 * Every audit event recorded about one request, newest first, in words: each
 * state change, decision and check always; document views grouped, the newest
 * `viewEntries` groups of them.
 */
export class GetRequestTimelineQuery extends Query<RequestTimeline> {
  constructor(
    readonly requestId: string,
    readonly viewEntries = 50,
  ) {
    super();
  }
}
