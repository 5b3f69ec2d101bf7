import { Query } from '@nestjs/cqrs';
import type { SlaBadge } from '../sla-badge.js';

export interface SlaBadgeOfRequest extends SlaBadge {
  id: string;
}

/** The SLA badges of these requests now (the pages refresh theirs every minute). */
export class SlaBadgesQuery extends Query<SlaBadgeOfRequest[]> {
  static readonly MAX_IDS = 200;

  constructor(readonly requestIds: readonly string[]) {
    super();
  }
}
