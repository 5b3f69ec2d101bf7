import { Query } from '@nestjs/cqrs';

/** One event of a request's history, in words, personal data masked. */
export interface RequestTimelineEvent {
  seq: number;
  occurredAt: Date;
  action: string;
  /** "Approved" */
  actionLabel: string;
  /** "Wang Fang approved — awaiting second approval" */
  sentence: string;
  details: { label: string; value: string }[];
  actorRole: string | null;
}

export interface RequestTimeline {
  /** Newest first. */
  events: RequestTimelineEvent[];
  /** Older events exist beyond `limit` (the audit trail search shows them all). */
  more: boolean;
}

/** Every audit event recorded about one request, newest first, in words. */
export class GetRequestTimelineQuery extends Query<RequestTimeline> {
  constructor(
    readonly requestId: string,
    readonly limit = 200,
  ) {
    super();
  }
}
