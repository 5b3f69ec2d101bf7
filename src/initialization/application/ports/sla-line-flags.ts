import type { SlaLine, SlaLineCrossing } from '../commands/flag-sla-line/flag-sla-line.command.js';

/** The requests table's SLA flags, set in batches (one statement each). */
export interface SlaLineFlags {
  /**
   * Marks up to `limit` undecided requests past `line` and not yet marked, skipping rows
   * another transaction holds, and returns them.
   */
  flag(line: SlaLine, now: Date, limit: number): Promise<SlaLineCrossing[]>;
  /** Requests left waiting for the applicant past their reply deadline. */
  overdueApplicantReplies(now: Date, limit: number): Promise<string[]>;
}
export const SLA_LINE_FLAGS = Symbol('SlaLineFlags');
