import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
import type { Message } from '../../../../shared/i18n/message.js';
import type { QueueCursor, QueueTab } from '../../ports/request-read-model.js';
import type { SlaBadge } from '../sla-badge.js';

/** What the queue page was asked for, as typed in its address (validated by the handler). */
export interface QueueRequest {
  tab?: string;
  subjectType?: string;
  province?: string;
  riskFlag?: string;
  assignee?: string;
  search?: string;
  /** `<sort key in ms, or "none">.<id>`: the last row of the previous page. */
  after?: string;
  /** The same, of the first row of the next page: the page before it (ignored with `after`). */
  before?: string;
}

export interface QueueOption {
  value: string;
  label: Message;
  selected: boolean;
}

export interface QueueRowView {
  id: string;
  reference: string;
  subjectName: string;
  /** Masked: `330***********123X`. */
  credentialNumber: string;
  subjectTypeLabel: Message;
  filingNumber: string;
  /** "浙 浙江" · "浙 Zhejiang"; null when the filing number named none. */
  provinceLabel: Message | null;
  statusLabel: Message;
  receivedAt: Date;
  dueAt: Date | null;
  /** The reply deadline while waiting for the applicant (null otherwise). */
  expiresAt: Date | null;
  sla: SlaBadge | null;
  flags: { label: Message; explanation: Message; blocking: boolean }[];
  /** The assignee's name; null when unassigned. */
  holder: string | null;
  held: boolean;
  /** The viewer may claim it from the queue. */
  claimable: boolean;
  version: number;
}

export interface QueueView {
  tab: QueueTab;
  tabLabel: Message;
  /** Each tab's count is its whole workload, filters or not ("1,000+" past the cap); null for "all". */
  tabs: { key: QueueTab; label: Message; count: Message | null; current: boolean }[];
  /** The filters as applied (unknown values dropped). */
  filters: {
    subjectType: string;
    province: string;
    riskFlag: string;
    assignee: string;
    search: string;
  };
  filtered: boolean;
  /** "71 requests match the filters." in the current tab; null without filters or in "all". */
  matching: Message | null;
  options: {
    subjectTypes: QueueOption[];
    provinces: QueueOption[];
    riskFlags: QueueOption[];
    assignees: QueueOption[];
  };
  /** Sentences about filter values that were ignored. */
  problems: Message[];
  /** The tab is sorted by the reply deadline (Awaiting applicant), not by the deadline. */
  byReplyDeadline: boolean;
  rows: QueueRowView[];
  /** Where the next page starts (after this row); null on the last page. */
  next: QueueCursor | null;
  /** Where the previous page ends (before this row); null on the first page. */
  previous: QueueCursor | null;
  /** This is not the first page. */
  paged: boolean;
  /** Auditors: no forms. */
  readOnly: boolean;
  emptyText: Message;
}

/** The queue for the signed-in staff member: tabs with counts, filters, one page of rows. */
export class QueueQuery extends Query<QueueView> {
  constructor(
    readonly viewer: StaffActor,
    readonly request: QueueRequest,
  ) {
    super();
  }
}
