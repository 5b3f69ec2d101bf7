import { describeBusinessTimeLeft } from './business-time-left.js';
import { SLA_STATES, SLA_STATE_TONES, type SlaState } from '../../contracts/sla-state.js';
import { messagesOf, type Message } from '../../../shared/i18n/message.js';
import type { SlaDescription } from '../ports/sla-describer.js';

const SLA_STATE_LABELS = messagesOf('sla.state', SLA_STATES);

/** The coloured SLA badge and the business time left, as every page shows them. */
export interface SlaBadge {
  state: SlaState;
  label: Message;
  tone: 'ok' | 'warn' | 'bad' | 'neutral';
  /** "3 h 20 min left", "overdue by 1 h 5 min"; null once the clock stopped. */
  timeLeft: Message | null;
}

export function slaBadgeOf(description: SlaDescription): SlaBadge | null {
  const state = description.slaState;
  if (!state) return null;
  const minutes = description.businessMinutesRemaining;
  return {
    state,
    label: SLA_STATE_LABELS[state],
    tone: SLA_STATE_TONES[state],
    // The state decides the side of the line; the minutes only say how far.
    timeLeft:
      minutes === null
        ? null
        : describeBusinessTimeLeft(
            state === 'BREACHED' ? Math.min(minutes, 0) : Math.max(minutes, 0.5),
          ),
  };
}
