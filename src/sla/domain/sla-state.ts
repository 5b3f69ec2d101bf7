import type { SlaState } from '../../initialization/contracts/sla.js';

export interface SlaFacts {
  status: string;
  dueAt: Date | null;
  atRiskAt: Date | null;
  outcome: 'MET' | 'MISSED' | null;
}

const RUNNING = ['PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL'];

/** Where a request stands against its deadline (the states: initialization's `SlaState`). */
export function slaStateOf(facts: SlaFacts, now: Date): SlaState | null {
  if (facts.outcome) return facts.outcome;
  if (facts.status === 'AWAITING_APPLICANT') return 'PAUSED';
  if (!RUNNING.includes(facts.status) || !facts.dueAt) return null;
  if (now.getTime() >= facts.dueAt.getTime()) return 'BREACHED';
  if (facts.atRiskAt && now.getTime() >= facts.atRiskAt.getTime()) return 'AT_RISK';
  return 'ON_TRACK';
}
