/**
 * Where a request stands against its deadline:
 * - ON_TRACK / AT_RISK / BREACHED while staff owe a decision,
 * - PAUSED while it waits for the applicant (the clock is stopped),
 * - MET / MISSED once decided (kept for good),
 * - null when no deadline applies (withdrawn or expired without a decision by staff).
 */
export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED', 'MET', 'MISSED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export interface SlaFacts {
  status: string;
  dueAt: Date | null;
  atRiskAt: Date | null;
  outcome: 'MET' | 'MISSED' | null;
}

const RUNNING = ['PENDING_REVIEW', 'IN_REVIEW', 'AWAITING_SECOND_APPROVAL'];

export function slaStateOf(facts: SlaFacts, now: Date): SlaState | null {
  if (facts.outcome) return facts.outcome;
  if (facts.status === 'AWAITING_APPLICANT') return 'PAUSED';
  if (!RUNNING.includes(facts.status) || !facts.dueAt) return null;
  if (now.getTime() >= facts.dueAt.getTime()) return 'BREACHED';
  if (facts.atRiskAt && now.getTime() >= facts.atRiskAt.getTime()) return 'AT_RISK';
  return 'ON_TRACK';
}

/** The badge colour class the views use for each state. */
export const SLA_STATE_TONES: Record<SlaState, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  ON_TRACK: 'ok',
  AT_RISK: 'warn',
  BREACHED: 'bad',
  PAUSED: 'neutral',
  MET: 'ok',
  MISSED: 'bad',
};
