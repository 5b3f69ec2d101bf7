import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { parse, type Info } from 'csv-parse';
import type { LegacyRegistryRecord } from '../../application/commands/import-legacy-registry/import-legacy-registry.command.js';
import {
  LEGACY_REGISTRY_COLUMNS,
  OPTIONAL_LEGACY_REGISTRY_COLUMNS,
} from '../../domain/legacy-registry-row.js';

export class LegacyRegistryFileError extends Error {}

/** SHA-256 of a file, hex, read as a stream. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Streams the rows of a registry export (UTF-8, with or without a BOM; a
 * header row first). Checks the header before the first row is read and
 * throws LegacyRegistryFileError when a column is missing. `onBytes` is told
 * how far into the file the reader is, for a progress bar.
 */
export async function readLegacyRegistryCsv(
  file: string,
  onBytes: (bytesRead: number) => void = () => undefined,
): Promise<AsyncIterable<LegacyRegistryRecord>> {
  const input = createReadStream(file);
  let bytesRead = 0;
  input.on('data', (chunk) => {
    bytesRead += chunk.length;
    onBytes(bytesRead);
  });
  const parser = input.pipe(
    parse({ bom: true, info: true, relax_column_count: true, skip_empty_lines: true }),
  );
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: string[];
    info: Info;
  }>;

  const first = await rows.next();
  if (first.done) {
    throw new LegacyRegistryFileError(`${file} is empty: a header row is needed.`);
  }
  const header = first.value.record.map((name) => name.trim().toLowerCase());
  const missing = LEGACY_REGISTRY_COLUMNS.filter(
    (column) => !header.includes(column) && !OPTIONAL_LEGACY_REGISTRY_COLUMNS.includes(column),
  );
  if (missing.length > 0) {
    input.destroy();
    throw new LegacyRegistryFileError(
      `The header of ${file} lacks the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}.`,
    );
  }

  return {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const next = await rows.next();
        if (next.done) return;
        const { record, info } = next.value;
        const values: Record<string, string> = {};
        header.forEach((column, index) => {
          values[column] = record[index] ?? '';
        });
        yield {
          line: info.lines,
          values,
          ...(record.length === header.length
            ? {}
            : {
                problem: `The row has ${record.length} fields; the header has ${header.length}.`,
              }),
        };
      }
    },
  };
}
