import { Query } from '@nestjs/cqrs';
import type { StaffActor } from '../../../../shared/domain/actor.js';
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
  /** `<dueAt ms or "none">.<id>`: the last row of the previous page. */
  after?: string;
}

export interface QueueOption {
  value: string;
  label: string;
  selected: boolean;
}

export interface QueueRowView {
  id: string;
  reference: string;
  subjectName: string;
  /** Masked: `330***********123X`. */
  credentialNumber: string;
  subjectTypeLabel: string;
  filingNumber: string;
  provinceLabel: string;
  statusLabel: string;
  receivedAt: Date;
  dueAt: Date | null;
  sla: SlaBadge | null;
  flags: { label: string; explanation: string; blocking: boolean }[];
  /** "Nobody" when unassigned. */
  holder: string;
  held: boolean;
  /** The viewer may claim it from the queue. */
  claimable: boolean;
  version: number;
}

export interface QueueView {
  tab: QueueTab;
  tabLabel: string;
  /** Each tab's count is its whole workload, filters or not ("1,000+" past the cap). */
  tabs: { key: QueueTab; label: string; count: string; current: boolean }[];
  /** The filters as applied (unknown values dropped). */
  filters: {
    subjectType: string;
    province: string;
    riskFlag: string;
    assignee: string;
    search: string;
  };
  filtered: boolean;
  /** "71 requests match the filters." in the current tab; empty without filters or in "all". */
  matching: string;
  options: {
    subjectTypes: QueueOption[];
    provinces: QueueOption[];
    riskFlags: QueueOption[];
    assignees: QueueOption[];
  };
  /** Sentences about filter values that were ignored. */
  problems: string[];
  rows: QueueRowView[];
  /** Where the next page starts; null on the last page. */
  next: QueueCursor | null;
  /** This is not the first page. */
  paged: boolean;
  /** Auditors: no forms. */
  readOnly: boolean;
  emptyText: string;
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
