/**
 * Where a request stands against its deadline:
 * - ON_TRACK / AT_RISK / BREACHED while staff owe a decision,
 * - PAUSED while it waits for the applicant (the clock is stopped),
 * - MET / MISSED once decided (kept for good),
 * - null when no deadline applies (withdrawn or expired without a decision by staff).
 */
export const SLA_STATES = ['ON_TRACK', 'AT_RISK', 'BREACHED', 'PAUSED', 'MET', 'MISSED'] as const;
export type SlaState = (typeof SLA_STATES)[number];

/** The badge colour class the views use for each state. */
export const SLA_STATE_TONES: Record<SlaState, 'ok' | 'warn' | 'bad' | 'neutral'> = {
  ON_TRACK: 'ok',
  AT_RISK: 'warn',
  BREACHED: 'bad',
  PAUSED: 'neutral',
  MET: 'ok',
  MISSED: 'bad',
};
