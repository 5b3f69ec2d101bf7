/**
 * How hard the workers try. A refused send is tried again after `baseDelayMs`,
 * then twice as long each time (at most an hour), until `maxAttempts` attempts
 * were made. An attempt that has been SENDING longer than ten minutes is taken
 * to have died with its worker.
 */
export class DeliveryPolicy {
  static readonly MAX_DELAY_MS = 60 * 60_000;
  static readonly STUCK_AFTER_MS = 10 * 60_000;

  constructor(
    readonly maxAttempts: number,
    readonly baseDelayMs: number,
  ) {
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new RangeError('maxAttempts must be a positive integer');
    }
    if (!(baseDelayMs > 0)) throw new RangeError('baseDelayMs must be positive');
  }

  /** Whether a message refused on its `attemptsMade`-th attempt gets another one. */
  mayRetry(attemptsMade: number): boolean {
    return attemptsMade < this.maxAttempts;
  }

  /** The wait after the `attemptsMade`-th refused attempt: base, 2×base, 4×base, … capped. */
  retryDelayMs(attemptsMade: number): number {
    const doublings = Math.max(0, attemptsMade - 1);
    return Math.min(this.baseDelayMs * 2 ** doublings, DeliveryPolicy.MAX_DELAY_MS);
  }

  /** When the next attempt is due after the `attemptsMade`-th was refused at `now`. */
  nextAttemptAt(attemptsMade: number, now: Date): Date {
    return new Date(now.getTime() + this.retryDelayMs(attemptsMade));
  }

  /** Attempts started before this are presumed dead. */
  stuckBefore(now: Date): Date {
    return new Date(now.getTime() - DeliveryPolicy.STUCK_AFTER_MS);
  }
}
