import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../../shared/domain/actor.js';

/** One data row of the export: its line in the file and its values by column. */
export interface LegacyRegistryRecord {
  line: number;
  values: Readonly<Partial<Record<string, string>>>;
  /** Set when the reader could not make a row of it (e.g. a wrong number of fields). */
  problem?: string;
}

/** One reason a row was not imported; a row can have several. */
export interface LegacyRegistryRejection {
  line: number;
  /** The column, or `row` for the row as a whole. */
  field: string;
  reason: string;
}

export interface LegacyRegistryImportSummary {
  rows: number;
  rowsAccepted: number;
  rowsRejected: number;
  subjects: { created: number; updated: number; unchanged: number };
  websites: { created: number; updated: number; unchanged: number };
  /** False when the registry already matched every importable row. */
  changed: boolean;
}

/**
 * Imports an export of the legacy HiChina registry, row by row as `records`
 * yields them (so a large file is never held in memory), in batches of one
 * transaction each. Every rejected row is passed to `onRejected`; the import
 * is audited once (`registry.imported`). Importing the same rows again changes
 * nothing.
 */
export class ImportLegacyRegistryCommand extends Command<LegacyRegistryImportSummary> {
  constructor(
    readonly input: {
      actor: Actor;
      /** For the audit event, e.g. `hichina-2017.csv`. */
      fileName: string;
      /** SHA-256 of the file, hex. */
      sha256: string;
      records: AsyncIterable<LegacyRegistryRecord>;
      onRejected: (rejection: LegacyRegistryRejection) => void | Promise<void>;
      /** Rows per transaction (default 500). */
      batchSize?: number;
    },
  ) {
    super();
  }
}
