import type { SlaState } from '../../contracts/sla-state.js';

export interface SlaDescription {
  slaState: SlaState | null;
  /** Business minutes until dueAt (negative once breached); null when the clock is not running. */
  businessMinutesRemaining: number | null;
}

export interface SlaFacts {
  status: string;
  dueAt: Date | null;
  atRiskAt: Date | null;
  outcome: 'MET' | 'MISSED' | null;
}

/** Where a request stands against its deadline, on the business calendar. */
export interface SlaDescriber {
  describe(facts: SlaFacts, now: Date): Promise<SlaDescription>;
  /** The same for many requests at once, on one read of the calendar (lists). */
  describeAll(facts: readonly SlaFacts[], now: Date): Promise<SlaDescription[]>;
}
export const SLA_DESCRIBER = Symbol('SlaDescriber');
