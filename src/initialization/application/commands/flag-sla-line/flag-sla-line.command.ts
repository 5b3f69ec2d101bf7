import { Command } from '@nestjs/cqrs';

/** The line a request crosses: at risk (`at_risk_at`) or breached (`due_at`). */
export type SlaLine = 'AT_RISK' | 'BREACHED';

/** A request that just crossed an SLA line. */
export interface SlaLineCrossing {
  id: string;
  reference: string;
  subjectId: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  dueAt: Date;
}

/**
 * Published to the sla context (its watch): marks up to `limit` undecided requests that
 * crossed `line` by `now`, each once — a request already marked, or locked by a reviewer
 * deciding it right now, is not returned. Runs in the caller's unit of work. Requests
 * already past due are marked at risk too; the watch decides which are told.
 */
export class FlagSlaLineCommand extends Command<SlaLineCrossing[]> {
  constructor(
    readonly line: SlaLine,
    readonly now: Date,
    readonly limit: number,
  ) {
    super();
  }
}
