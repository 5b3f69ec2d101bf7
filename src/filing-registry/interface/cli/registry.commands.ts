import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import path from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { stringify } from 'csv-stringify';
import type { CliContext } from '../../../shared/interface/cli/cli-context.js';
import { systemActor } from '../../../shared/domain/actor.js';
import {
  ImportLegacyRegistryCommand,
  type LegacyRegistryImportSummary,
} from '../../application/commands/import-legacy-registry/import-legacy-registry.command.js';
import {
  LegacyRegistryFileError,
  readLegacyRegistryCsv,
  sha256OfFile,
} from './legacy-registry-csv.js';

const cliActor = () => systemActor(`cli:${process.env.USER ?? 'unknown'}`);

/** Exit code when the import ran but some rows were rejected (see the error report). */
export const EXIT_ROWS_REJECTED = 2;

/** `x.csv` → `x.errors.csv`, beside it. */
export function defaultErrorReportPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.errors.csv`);
}

export function registerRegistryCommands(program: Command, context: CliContext): void {
  program
    .command('registry:import')
    .description(
      'import an export of the legacy HiChina filing registry (CSV, one row per website); running it again changes nothing',
    )
    .argument('<file>', 'the CSV file (columns in src/filing-registry/README.md)')
    .option(
      '--errors <file>',
      'where to write the per-row error report (default: FILE.errors.csv beside the input)',
    )
    .option('--no-progress', 'no progress bar, even on a terminal')
    .action((file: string, options: { errors?: string; progress: boolean }) =>
      context.withApp(async (app) => {
        const input = path.resolve(file);
        try {
          await access(input);
        } catch {
          context.output.err(`There is no file ${file}.`);
          return 1;
        }
        const errorReport = path.resolve(options.errors ?? defaultErrorReportPath(input));
        const size = (await stat(input)).size;
        const sha256 = await sha256OfFile(input);

        const bar =
          options.progress && process.stdout.isTTY
            ? new cliProgress.SingleBar(
                {
                  format: 'Importing |{bar}| {percentage}% | {rows} rows',
                  stream: process.stdout,
                  hideCursor: true,
                },
                cliProgress.Presets.shades_classic,
              )
            : null;
        let rows = 0;
        bar?.start(size, 0, { rows });
        let records;
        try {
          records = await readLegacyRegistryCsv(input, (bytes) => bar?.update(bytes, { rows }));
        } catch (error) {
          bar?.stop();
          if (error instanceof LegacyRegistryFileError) {
            context.output.err(error.message);
            return 1;
          }
          throw error;
        }

        const report = stringify({ header: true, columns: ['line', 'field', 'reason'] });
        const reportFile = createWriteStream(errorReport);
        report.pipe(reportFile);
        let summary: LegacyRegistryImportSummary;
        try {
          summary = await app.get(CommandBus).execute(
            new ImportLegacyRegistryCommand({
              actor: cliActor(),
              fileName: path.basename(input),
              sha256,
              records: counted(records, () => (rows += 1)),
              onRejected: async (rejection) => {
                if (!report.write([rejection.line, rejection.field, rejection.reason])) {
                  await once(report, 'drain');
                }
              },
            }),
          );
          bar?.update(size, { rows });
        } finally {
          bar?.stop();
          report.end();
          await once(reportFile, 'close');
        }

        for (const line of describeSummary(summary, path.basename(input), sha256, errorReport)) {
          context.output.out(line);
        }
        return summary.rowsRejected > 0 ? EXIT_ROWS_REJECTED : 0;
      }),
    );
}

async function* counted<T>(items: AsyncIterable<T>, onItem: () => void): AsyncIterable<T> {
  for await (const item of items) {
    onItem();
    yield item;
  }
}

export function describeSummary(
  summary: LegacyRegistryImportSummary,
  fileName: string,
  sha256: string,
  errorReport: string,
): string[] {
  const { subjects, websites } = summary;
  return [
    summary.changed
      ? `Imported ${fileName} (SHA-256 ${sha256.slice(0, 12)}…): ${summary.rows} rows, ${summary.rowsAccepted} accepted, ${summary.rowsRejected} rejected.`
      : `Nothing changed: the registry already holds every accepted row of ${fileName} (${summary.rows} rows, ${summary.rowsAccepted} accepted, ${summary.rowsRejected} rejected).`,
    `Subjects: ${subjects.created} created, ${subjects.updated} updated, ${subjects.unchanged} unchanged.`,
    `Websites: ${websites.created} created, ${websites.updated} updated, ${websites.unchanged} unchanged.`,
    summary.rowsRejected > 0
      ? `Rows rejected: ${summary.rowsRejected}; the reasons are in ${errorReport}.`
      : 'Rows rejected: none.',
  ];
}
