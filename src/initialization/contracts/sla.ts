/**
 * What this context asks of an SLA and the words it uses for the answer. Initialization
 * owns the ports (`DeadlinePolicy`, `SlaDescriber`) and so the vocabulary they speak;
 * the sla context implements them and depends on this module, never the reverse.
 */
export type { Deadline } from '../domain/initialization-request.js';
export { DEADLINE_POLICY, type DeadlinePolicy } from '../application/ports/deadline-policy.js';
export {
  SLA_DESCRIBER,
  type SlaDescriber,
  type SlaDescription,
  type SlaFacts,
} from '../application/ports/sla-describer.js';
export { SLA_STATES, SLA_STATE_TONES, type SlaState } from './sla-state.js';
