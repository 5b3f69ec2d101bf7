import { Command } from '@nestjs/cqrs';

/** What a run purged, and how many files the store would not remove (tried again next run). */
export interface PurgeReport {
  purged: number;
  failed: number;
}

/**
 * The retention job: the files of requests that ended (approved, rejected, expired,
 * withdrawn) more than `retentionDays` ago are removed from the store, each purge
 * audited with the file's SHA-256. The records stay. Safe to run on several instances
 * at once: each document is purged, and audited, once.
 */
export class PurgeExpiredDocumentsCommand extends Command<PurgeReport> {
  constructor(
    readonly retentionDays: number,
    /** Documents per transaction. */
    readonly batchSize = 100,
  ) {
    super();
  }
}
