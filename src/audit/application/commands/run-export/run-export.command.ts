import { Command } from '@nestjs/cqrs';

export type RunExportOutcome =
  | { status: 'COMPLETED'; rowCount: number; sha256: string; sizeBytes: number }
  | { status: 'SKIPPED'; reason: string };

/**
 * A worker produces an export's file (one attempt of at most `maxAttempts`).
 * A failed attempt throws after recording its error, so the queue retries it.
 */
export class RunExportCommand extends Command<RunExportOutcome> {
  constructor(
    readonly exportId: string,
    readonly attempt: number,
    readonly maxAttempts: number,
    /** Told the share done, 0–100, now and then. */
    readonly onProgress?: (percent: number) => void,
  ) {
    super();
  }
}
