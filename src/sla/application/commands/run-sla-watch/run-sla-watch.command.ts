import { Command } from '@nestjs/cqrs';

export interface SlaWatchReport {
  atRisk: number;
  breached: number;
  expired: number;
}

/**
 * Flags every undecided request that became at risk or breached its deadline
 * (each once), and expires requests left waiting for the applicant too long.
 * Safe to run from any number of instances at once; a missed run is caught up.
 */
export class RunSlaWatchCommand extends Command<SlaWatchReport> {}
